"""``backup`` then ``restore`` into a fresh database and media folder: nothing is lost."""

import contextlib
import hashlib
import json
import os
import re
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection

from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Revision, WorkflowState

from articles.models import NewsIndexPage
from tests import factories
from tests.workflow.helpers import Editorial, build_editorial_site

ROOT = Path(__file__).resolve().parents[2]
ON_POSTGRES = connection.vendor == "postgresql"

# Committed data (pg_dump reads from its own connection); the migrations' rows (root page,
# locales) are put back before each test, as an earlier transactional test flushed them.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def build_demo_like_site():
    site = Editorial(build_editorial_site())
    news = site.news
    for number in range(3):
        page = factories.ArticlePageFactory(
            parent=news,
            title=f"Tin hoạt động số {number}",
            hero_image=factories.ImageFactory(title=f"Ảnh {number}"),
        )
        page.save_revision(user=site.user("board")).publish()
        page.get_latest_revision().as_object().save_revision(user=site.user("editor_a"))
    document = factories.DocumentFactory(title="Nghị quyết Đại hội")
    image = factories.ImageFactory(title="Ảnh Đại hội")
    image.get_rendition("fill-160x90")
    FormSubmission.objects.create(
        page=site.home, form_data={"ho_ten": "Nguyễn Văn An", "y_kien": "Đồng ý"}
    )
    return document


def tables():
    return {
        model._meta.label: (
            model._meta.db_table,
            [field.column for field in model._meta.local_concrete_fields],
        )
        for model in apps.get_models()
        if not model._meta.proxy and model._meta.managed
    }


def rows(cursor, quote):
    data = {}
    for label, (table, columns) in tables().items():
        names = ", ".join(quote(column) for column in columns)
        cursor.execute(f"SELECT {names} FROM {quote(table)} ORDER BY 1")
        # Compared as text: Django's SQLite cursor parses timestamps, the bare driver does not.
        data[label] = [tuple(map(str, row)) for row in cursor.fetchall()]
    return data


def original_rows():
    """Every row of the test database, read the same way as the restored one."""
    quote = connection.ops.quote_name
    if ON_POSTGRES:
        # Django's own connection parses JSON and sets the time zone; read both sides bare.
        return restored_rows(postgres_url(connection.settings_dict["NAME"]))
    import sqlite3

    # Django's own SQLite connection parses types; a bare one on the same database does not.
    database = sqlite3.connect(connection.settings_dict["NAME"], uri=True)
    try:
        return rows(database.cursor(), quote)
    finally:
        database.close()


def restored_rows(url):
    """Every row of the restored database, read with the driver itself."""
    quote = connection.ops.quote_name
    if ON_POSTGRES:
        import psycopg

        with psycopg.connect(url.replace("postgres://", "postgresql://")) as restored:
            return rows(restored.cursor(), quote)
    import sqlite3

    restored = sqlite3.connect(url.removeprefix("sqlite:///"))
    try:
        return rows(restored.cursor(), quote)
    finally:
        restored.close()


def media_files(root):
    root = Path(root)
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in root.rglob("*")
        if path.is_file()
    }


def postgres_url(name):
    return "postgres://{USER}:{PASSWORD}@{HOST}:{PORT}/".format(**connection.settings_dict) + name


@pytest.fixture
def fresh_database(tmp_path):
    """A database nobody has touched: a new SQLite file, or a new PostgreSQL database."""
    fresh = dict(connection.settings_dict)
    if ON_POSTGRES:
        fresh["NAME"] = f"{connection.settings_dict['NAME']}_restore"
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{fresh["NAME"]}"')
            cursor.execute(f'CREATE DATABASE "{fresh["NAME"]}"')
        url = postgres_url(fresh["NAME"])
    else:
        url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    yield url
    if ON_POSTGRES:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{fresh["NAME"]}"')


def test_backup_restores_every_row_and_file_into_a_fresh_install(tmp_path, fresh_database):
    build_demo_like_site()
    assert Revision.objects.count() > 5 and WorkflowState.objects.exists()
    assert Group.objects.count() > 4

    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=str(archive))
    assert archive.exists()

    fresh_media = tmp_path / "media"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.test",
        "DATABASE_URL": fresh_database,
        "TEST_MEDIA_ROOT": str(fresh_media),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(archive)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "every count matches" in result.stdout

    original, restored = original_rows(), restored_rows(fresh_database)
    for label in (
        "wagtailcore.Page",
        "wagtailcore.Revision",
        "wagtailimages.Image",
        "wagtailimages.Rendition",
        "wagtaildocs.Document",
        "auth.User",
        "auth.Group",
        "wagtailcore.WorkflowState",
        "wagtailcore.TaskState",
        "wagtailforms.FormSubmission",
        "wagtailcore.ModelLogEntry",
    ):
        assert original[label], label
    assert restored == original
    assert media_files(fresh_media) == media_files(settings.MEDIA_ROOT)

    # A second restore onto a site that has content is refused.
    again = subprocess.run(
        [sys.executable, "manage.py", "restore", str(archive)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert again.returncode != 0 and "empty install" in again.stderr


def test_a_tampered_archive_is_refused(tmp_path, fresh_database):
    import tarfile

    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=str(archive))
    tampered = tmp_path / "tampered.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(tampered, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.startswith("database/"):
                data += b"!"
                member.size = len(data)
            import io

            target.addfile(member, io.BytesIO(data))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "settings.test",
        "DATABASE_URL": fresh_database,
        "TEST_MEDIA_ROOT": str(tmp_path / "m"),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(tampered)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    assert "Checksum mismatch" in result.stderr


@contextlib.contextmanager
def copy_of_this_database(tmp_path):
    """An installed site to restore onto with ``--force``: a copy of the test database as it
    is now, schema and rows (quicker than migrating a new one)."""
    if not ON_POSTGRES:
        import sqlite3

        path = tmp_path / "installed.sqlite3"
        connection.ensure_connection()
        copy = sqlite3.connect(path)
        try:
            connection.connection.backup(copy)
        finally:
            copy.close()
        yield f"sqlite:///{path}"
        return
    import psycopg

    source = connection.settings_dict["NAME"]
    name = f"{source}_installed"
    params = connection.get_connection_params()
    params = {key: value for key, value in params.items() if key != "cursor_factory"}
    params["dbname"] = "postgres"
    connection.close()  # a template database must have no other session
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
    try:
        yield postgres_url(name)
    finally:
        with psycopg.connect(**params, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


TIME = re.compile(r"(\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?")


def to_milliseconds(tables):
    """dumpdata writes times to the millisecond (Django's JSON encoder): compare at that."""

    def cut(match):
        return f"{match.group(1)}.{(match.group(2) or '').ljust(6, '0')[:3]}"

    return {
        label: [tuple(TIME.sub(cut, cell) for cell in row) for row in rows]
        for label, rows in tables.items()
    }


def test_portable_backup_replaces_every_row_of_an_installed_site(tmp_path):
    """``backup --portable`` (Django's dumpdata, also PostgreSQL's fallback without pg_dump),
    then ``restore --force`` onto a site with other content: exactly the backed-up rows."""
    build_demo_like_site()
    archive = tmp_path / "portable.tar.gz"
    call_command("backup", output=str(archive), portable=True)
    with tarfile.open(archive) as opened:
        manifest = json.load(opened.extractfile("manifest.json"))
    assert manifest["database"]["format"] == "dumpdata"
    original = original_rows()
    backed_up_media = media_files(settings.MEDIA_ROOT)

    # Later content, which the restore must replace.
    news = NewsIndexPage.objects.get()
    factories.ArticlePageFactory(parent=news, title="Bài đăng sau khi sao lưu")
    FormSubmission.objects.create(page=news, form_data={"y_kien": "sau sao lưu"})

    with copy_of_this_database(tmp_path) as target:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "settings.test",
            "DATABASE_URL": target,
            "TEST_MEDIA_ROOT": str(tmp_path / "media"),
        }
        result = subprocess.run(
            [sys.executable, "manage.py", "restore", "--force", str(archive)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        assert "every count matches" in result.stdout
        restored = to_milliseconds(restored_rows(target))
    original = to_milliseconds(original)
    for label in ("wagtailcore.Page", "wagtailcore.Revision", "wagtailforms.FormSubmission"):
        assert restored[label] == original[label], label
    assert restored == original
    assert media_files(tmp_path / "media") == backed_up_media
