"""A worker killed under load loses no submission.

gunicorn (the production config, two workers) serves a survey on 127.0.0.1; a few readers
send answers at the same time while the workers are killed with SIGKILL (twice), each time while an
answer is on its way. Afterwards every answer a reader saw accepted is in the database, whole;
every other reader got an error (a reset connection or an error page); nothing else was
stored, nothing twice, nothing half. Bounded: about half a minute on a busy machine.
"""

import http.client
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import pytest

from django.db import connection

from engage.models import SurveyPage, SurveySubmission
from tests.engage.factories import (
    SurveyFormFieldFactory,
    SurveyIndexPageFactory,
    SurveyPageFactory,
)
from tests.utils import build_site

ROOT = Path(__file__).resolve().parents[2]
ON_POSTGRES = connection.vendor == "postgresql"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
THANKS = "Cảm ơn bạn! Câu trả lời của bạn đã được ghi nhận."
READERS = 6
KILLS = 2
DEADLINE_S = 50

# The server reads committed rows; the migrations' rows (root page, locales) are put back
# before the test, as an earlier transactional test may have flushed them.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def survey():
    index = SurveyIndexPageFactory(parent=build_site())
    page = SurveyPageFactory(parent=index, slug="khao-sat-tai")
    for label, kind in (("Họ và tên", "singleline"), ("Đơn vị", "singleline")):
        SurveyFormFieldFactory(page=page, label=label, field_type=kind, required=True)
    SurveyFormFieldFactory(page=page, label="Góp ý", field_type="multiline", required=True)
    return SurveyPage.objects.get(pk=page.pk)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_database(tmp_path):
    """The URL the server uses: the test database itself, or (SQLite in memory) a copy."""
    settings_dict = connection.settings_dict
    if ON_POSTGRES:
        return "postgres://{USER}:{PASSWORD}@{HOST}:{PORT}/{NAME}".format(**settings_dict)
    path = tmp_path / "server.sqlite3"
    connection.ensure_connection()
    copy = sqlite3.connect(path)
    try:
        connection.connection.backup(copy)
    finally:
        copy.close()
    return f"sqlite:///{path}"


def stored_answers(survey, url):
    if ON_POSTGRES:
        return list(
            SurveySubmission.objects.filter(page_id=survey.pk).values_list("form_data", flat=True)
        )
    import json

    database = sqlite3.connect(url.removeprefix("sqlite:///"))
    try:
        rows = database.execute(
            f"SELECT form_data FROM {SurveySubmission._meta.db_table} WHERE page_id = ?",
            [survey.pk],
        ).fetchall()
    finally:
        database.close()
    return [json.loads(row[0]) for row in rows]


def workers_of(master):
    """The pids whose parent is the gunicorn master."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # "pid (name) state ppid ...": the name may hold spaces, so split after its ")".
        if int(stat.rsplit(")", 1)[1].split()[1]) == master:
            found.append(int(entry.name))
    return found


class Readers:
    """Readers who each open the survey, then send it (GET for the CSRF token, then POST)."""

    def __init__(self, base, path, names):
        self.base, self.path, self.names = base, path, names
        self.lock = threading.Lock()
        self.counter = 0
        self.outcomes = {}  # marker -> "saved" | "error" | "refused"
        self.opened_errors = 0
        self.posting = threading.Event()
        self.saved_since_kill = 0
        self.stop = threading.Event()

    def answer(self, marker):
        return {
            self.names["Họ và tên"]: f"Đoàn viên {marker}",
            self.names["Đơn vị"]: f"Khoa {marker}",
            self.names["Góp ý"]: f"Góp ý số {marker}: cần thêm giờ sinh hoạt",
        }

    def send_one(self):
        with self.lock:
            self.counter += 1
            marker = str(self.counter)
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        url = self.base + self.path
        try:
            with opener.open(url, timeout=30) as response:
                token = CSRF.search(response.read().decode()).group(1)
        except (OSError, http.client.HTTPException, AttributeError):
            with self.lock:
                self.opened_errors += 1
            return
        data = urllib.parse.urlencode({**self.answer(marker), "csrfmiddlewaretoken": token})
        self.posting.set()
        try:
            with opener.open(url, data=data.encode(), timeout=30) as response:
                body = response.read().decode()
            outcome = "saved" if response.status == 200 and THANKS in body else "refused"
        except (OSError, http.client.HTTPException):  # HTTPError (5xx) is an OSError too
            outcome = "error"
        with self.lock:
            self.outcomes[marker] = outcome
            if outcome == "saved":
                self.saved_since_kill += 1

    def run(self):
        while not self.stop.is_set():
            self.send_one()


def test_a_worker_killed_under_load_loses_no_submission(survey, tmp_path):
    names = {field.label: field.clean_name for field in survey.get_form_fields()}
    url = server_database(tmp_path)
    port = free_port()
    log = open(tmp_path / "gunicorn.log", "w+")  # noqa: SIM115 (closed in finally)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.security.server_settings",
        "DATABASE_URL": url,
        "TEST_MEDIA_ROOT": str(tmp_path / "media"),
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "cms.wsgi:application",
            "--config",
            str(ROOT / "security/gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    started = time.monotonic()
    readers = Readers(base, survey.url, names)
    threads = []
    kills = 0
    try:
        while True:
            try:
                urllib.request.urlopen(base + survey.url, timeout=30).read()
                break
            except OSError:
                assert server.poll() is None and time.monotonic() - started < 60, "no server"
                time.sleep(0.3)

        threads = [threading.Thread(target=readers.run, daemon=True) for _ in range(READERS)]
        for thread in threads:
            thread.start()
        while kills < KILLS and time.monotonic() - started < DEADLINE_S:
            # After a few answers went through, wait for one on its way and kill every worker.
            if readers.saved_since_kill < 2 or not readers.posting.wait(timeout=1):
                time.sleep(0.05)
                continue
            readers.posting.clear()
            for pid in workers_of(server.pid):
                os.kill(pid, signal.SIGKILL)
            kills += 1
            readers.saved_since_kill = 0
        # Let the new workers take the remaining readers through.
        end = time.monotonic() + 3
        while time.monotonic() < end and readers.saved_since_kill < READERS:
            time.sleep(0.1)
        readers.stop.set()
        for thread in threads:
            thread.join(timeout=40)
        # The site answers again after the kills, by itself.
        after = urllib.request.urlopen(base + survey.url, timeout=30)
        assert after.status == 200
    finally:
        readers.stop.set()
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.seek(0)
        server_log = log.read()
        log.close()

    outcomes = readers.outcomes
    saved = {m for m, outcome in outcomes.items() if outcome == "saved"}
    errors = {m for m, outcome in outcomes.items() if outcome == "error"}
    summary = (
        f"{kills} kills, {len(saved)} saved, {len(errors)} errors, "
        f"{readers.opened_errors} failed to open\n{server_log[-3000:]}"
    )
    print(summary.splitlines()[0])  # shown with -s
    assert kills >= 1, summary  # (KILLS when the machine is not starved)
    assert errors, "no answer was in flight when the workers died: " + summary
    assert "refused" not in outcomes.values(), summary

    stored = stored_answers(survey, url)
    markers = []
    for data in stored:
        marker = data[names["Họ và tên"]].removeprefix("Đoàn viên ")
        # Whole: every answer of one reader, none mixed with another's, none missing.
        assert {name: data.get(name) for name in names.values()} == readers.answer(marker), data
        markers.append(marker)
    assert len(markers) == len(set(markers)), "an answer was stored twice"
    # Every answer a reader saw accepted is stored; nothing is stored that was never sent.
    assert saved <= set(markers), summary
    assert set(markers) <= saved | errors, summary
