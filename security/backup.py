"""One archive for the whole site: the database, every media file, and a manifest.

Archive layout (``.tar.gz``)::

    manifest.json            what is inside: format, counts per model, sha256 of every member
    database/db.sqlite3      SQLite, copied with SQLite's online backup API
    database/db.dump         PostgreSQL, ``pg_dump --format=custom`` (one snapshot)
    database/data.json       ``--portable``, or PostgreSQL without pg_dump: dumpdata in one
                             snapshot (restores onto either database engine)
    media/<path>             every file in the default storage (originals, renditions, documents)

Each database copy is a consistent snapshot taken while the site runs: SQLite's backup API
copies a single state of the file; pg_dump and the JSON fallback read inside one
REPEATABLE READ transaction.
"""

import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, transaction

FORMAT_VERSION = 1


def engine():
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise RuntimeError(f"Unsupported database: {vendor}")
    return vendor


def model_counts(using="default"):
    counts = {}
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        counts[model._meta.label] = model._base_manager.using(using).count()
    return counts


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def walk_storage(storage, prefix=""):
    try:
        directories, files = storage.listdir(prefix)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{prefix}{name}"
    for directory in directories:
        yield from walk_storage(storage, f"{prefix}{directory}/")


def _pg_env_and_args(settings_dict):
    env = {**os.environ}
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = settings_dict["PASSWORD"]
    args = []
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            args += [flag, str(settings_dict[key])]
    return env, args


def dump_database(folder, portable=False):
    """Write the database snapshot into ``folder``; returns (member name, format)."""
    vendor = engine()
    connection.ensure_connection()
    portable = portable or bool(os.environ.get("LANTOA_BACKUP_DUMPDATA"))
    if vendor == "sqlite" and not portable:
        target = folder / "db.sqlite3"
        destination = sqlite3.connect(target)
        try:
            with destination:
                connection.connection.backup(destination)
        finally:
            destination.close()
        return "database/db.sqlite3", "sqlite"
    if vendor == "postgresql" and shutil.which("pg_dump") and not portable:
        target = folder / "db.dump"
        env, args = _pg_env_and_args(connection.settings_dict)
        result = subprocess.run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                *args,
                "--file",
                str(target),
                connection.settings_dict["NAME"],
            ],
            env=env,
            capture_output=True,
            text=True,
        )
        if result.returncode == 0:
            return "database/db.dump", "pg_dump"
    target = folder / "data.json"
    with transaction.atomic():
        if vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        # SQLite: the open read transaction sees one state; writers wait until it ends.
        # Every table with its own primary keys (content types too), so foreign keys hold.
        call_command("dumpdata", all=True, output=str(target), verbosity=0)
    return "database/data.json", "dumpdata"


def create_backup(output, stdout=None, portable=False):
    """Write one archive at ``output`` (a folder or a .tar.gz path); returns its path."""
    output = Path(output)
    if output.suffix != ".gz":
        output.mkdir(parents=True, exist_ok=True)
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        output = output / f"lantoa-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory(prefix="lantoa-backup-") as tmp:
        tmp = Path(tmp)
        (tmp / "database").mkdir()
        counts = model_counts()
        member, fmt = dump_database(tmp / "database", portable=portable)
        members = {member: tmp / member}
        for name in walk_storage(default_storage):
            local = tmp / "media" / name
            local.parent.mkdir(parents=True, exist_ok=True)
            with default_storage.open(name, "rb") as source, open(local, "wb") as target:
                shutil.copyfileobj(source, target)
            members[f"media/{name}"] = local
        manifest = {
            "format_version": FORMAT_VERSION,
            "created": datetime.datetime.now(datetime.UTC).isoformat(),
            "database": {"format": fmt, "member": member, "vendor": connection.vendor},
            "counts": counts,
            "files": {
                name: {"sha256": sha256(path), "size": path.stat().st_size}
                for name, path in sorted(members.items())
            },
        }
        partial = output.with_name(output.name + ".part")
        with tarfile.open(partial, "w:gz") as archive:
            data = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
            for name, path in sorted(members.items()):
                archive.add(path, arcname=name, recursive=False)
        os.replace(partial, output)
    if stdout:
        stdout.write(
            f"{output}: {fmt}, {sum(counts.values())} rows, "
            f"{sum(1 for n in members if n.startswith('media/'))} media files\n"
        )
    return output


class RestoreError(Exception):
    pass


def read_archive(path, folder):
    """Unpack and verify every checksum; returns the manifest."""
    with tarfile.open(path, "r:gz") as archive:
        archive.extractall(folder, filter="data")
    manifest = json.loads((Path(folder) / "manifest.json").read_text())
    for name, meta in manifest["files"].items():
        member = Path(folder) / name
        if not member.is_file() or sha256(member) != meta["sha256"]:
            raise RestoreError(f"Checksum mismatch or missing file in the archive: {name}")
    return manifest


def site_is_empty():
    from django.contrib.auth import get_user_model
    from django.db.utils import DatabaseError

    from wagtail.models import Page

    try:
        return Page.objects.count() <= 1 and not get_user_model().objects.exists()
    except DatabaseError:
        return True  # no tables yet


def restore_backup(path, force=False, stdout=None):
    with tempfile.TemporaryDirectory(prefix="lantoa-restore-") as tmp:
        tmp = Path(tmp)
        manifest = read_archive(path, tmp)
        database = manifest["database"]
        if database["vendor"] != connection.vendor and database["format"] != "dumpdata":
            raise RestoreError(
                f"This archive holds a {database['vendor']} database; this site runs "
                f"{connection.vendor}."
            )
        if not force and not site_is_empty():
            raise RestoreError("This site already has content; restore onto an empty install.")
        source = tmp / database["member"]
        if database["format"] == "sqlite":
            connection.ensure_connection()
            origin = sqlite3.connect(source)
            try:
                origin.backup(connection.connection)
            finally:
                origin.close()
        elif database["format"] == "pg_dump":
            connection.close()
            env, args = _pg_env_and_args(connection.settings_dict)
            result = subprocess.run(
                [
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--no-privileges",
                    "--single-transaction",
                    *args,
                    "--dbname",
                    connection.settings_dict["NAME"],
                    str(source),
                ],
                env=env,
                capture_output=True,
                text=True,
            )
            if result.returncode != 0:
                raise RestoreError(f"pg_restore failed: {result.stderr.strip()[-2000:]}")
        else:
            call_command("migrate", verbosity=0)
            call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
            # Content types first: a signal receiver that looks one up while other rows load
            # would otherwise create it under a new id, and the archive's row would clash.
            rows = json.loads(source.read_text())
            rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
            ordered = tmp / "ordered.json"
            ordered.write_text(json.dumps(rows, ensure_ascii=False))
            from django.contrib.contenttypes.models import ContentType

            ContentType.objects.clear_cache()
            call_command("loaddata", str(ordered), verbosity=0)
            ContentType.objects.clear_cache()
        restored = 0
        for name in manifest["files"]:
            if not name.startswith("media/"):
                continue
            storage_name = name.removeprefix("media/")
            if default_storage.exists(storage_name):
                default_storage.delete(storage_name)
            with open(tmp / name, "rb") as handle:
                saved = default_storage.save(storage_name, File(handle))
            if saved != storage_name:
                raise RestoreError(f"Media file saved under another name: {saved}")
            restored += 1
        counts = model_counts()
        missing = {
            label: (expected, counts.get(label))
            for label, expected in manifest["counts"].items()
            if counts.get(label) != expected
        }
        if missing:
            raise RestoreError(f"Row counts differ after restore: {missing}")
    if stdout:
        stdout.write(
            f"Restored {sum(manifest['counts'].values())} rows and {restored} media files "
            f"from {path}; every count matches the manifest.\n"
        )
    return manifest
