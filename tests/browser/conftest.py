"""Browser tests: the demo site served by a child process, driven by Debian's headless Chromium.

- ``demo_site``: ``server.py`` in a child process: a fresh SQLite database, migrated and seeded
  with ``setup_editorial`` and ``seed_demo`` once for the whole package, served on a free
  loopback port with static files and uploads. It is started as soon as collection shows that
  browser tests will run, so its setup overlaps with earlier tests. Its log is
  ``test-output/server.log``.
- ``browser``: Chromium at /usr/bin/chromium through Playwright's sync API. Without it the tests
  are skipped, loudly; under ``CI=true`` they fail instead.
- ``new_page(width)``: a page in a fresh context (no cookies, no cache) at a viewport width.

Both the server and the browser live for this package only (``scope="package"``), so the rest
of the suite never runs inside Playwright's event loop and never sees the site's database.
"""

import contextlib
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from tests.browser.helpers import CHROMIUM, CHROMIUM_ARGS, OUTPUT, ROOT, SERVER_TIMEOUT, open_page

MISSING_CHROMIUM = (
    f"BROWSER TESTS NOT RUN: {CHROMIUM} is missing. Install Debian's chromium "
    "(apt-get install chromium) to run them; under CI=true this is a failure."
)


def under_ci():
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Every test here is a browser test, whether or not its module says so."""
    for item in items:
        if Path(item.path).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.browser)


def pytest_terminal_summary(terminalreporter):
    """Say it again at the end, in red, when the browser tests could not run."""
    if _chromium_missing_seen:
        terminalreporter.write_sep("!", MISSING_CHROMIUM, red=True, bold=True)


_chromium_missing_seen = []


@pytest.fixture(scope="package")
def chromium_path():
    if not os.path.exists(CHROMIUM):
        _chromium_missing_seen.append(True)
        print(f"\n{'!' * 20} {MISSING_CHROMIUM} {'!' * 20}", file=sys.stderr)
        if under_ci():
            pytest.fail(MISSING_CHROMIUM, pytrace=False)
        pytest.skip(MISSING_CHROMIUM)
    return CHROMIUM


# The site ------------------------------------------------------------------------------------


class Site:
    """The running demo site: its address, and its log for failure messages."""

    def __init__(self, url, log_path):
        self.url = url.rstrip("/")
        self.log_path = log_path

    def __call__(self, path="/"):
        return self.url + path

    def log_tail(self, lines=40):
        with contextlib.suppress(OSError):
            return "\n".join(self.log_path.read_text().splitlines()[-lines:])
        return ""


class SiteProcess:
    """``server.py`` in a child process, on a database and media folder of its own."""

    def __init__(self):
        OUTPUT.mkdir(exist_ok=True)
        self.workdir = Path(tempfile.mkdtemp(prefix="lantoa-browser-"))
        self.log_path = OUTPUT / "server.log"
        self.started = time.monotonic()
        self.ready = queue.Queue()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "settings.test",
            "DATABASE_URL": f"sqlite:///{self.workdir / 'db.sqlite3'}",
            "TEST_MEDIA_ROOT": str(self.workdir / "media"),
            "PYTHONUNBUFFERED": "1",
        }
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("server.py")), "--exit-with-parent"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            bufsize=1,
        )
        threading.Thread(target=self._pump, daemon=True).start()
        self.site = None

    def _pump(self):
        with self.log_path.open("w") as log:
            for line in self.process.stdout:
                log.write(line)
                log.flush()
                match = re.match(r"LANTOA READY (\d+)", line)
                if match:
                    self.ready.put(int(match.group(1)))
        self.ready.put(None)

    def wait(self):
        """The Site once it answers; a test failure, with the log's end, if it never does."""
        if self.site is None:
            remaining = SERVER_TIMEOUT - (time.monotonic() - self.started)
            try:
                port = self.ready.get(timeout=max(remaining, 1))
            except queue.Empty:
                port = None
            if port is None:
                self.stop()
                tail = Site("", self.log_path).log_tail()
                pytest.fail(
                    f"The demo site did not start within {SERVER_TIMEOUT} s (exit code "
                    f"{self.process.poll()}). Last lines of {self.log_path}:\n{tail}",
                    pytrace=False,
                )
            self.site = Site(f"http://127.0.0.1:{port}", self.log_path)
            took = time.monotonic() - self.started
            print(f"\n[browser] demo site up {took:.0f} s after it was started, at {self.site.url}")
        return self.site

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.workdir, ignore_errors=True)


_site_process = []


def pytest_collection_finish(session):
    """Start the site as soon as we know browser tests will run, so that its migrations and
    seeding (a minute or two) overlap with the tests that run before them."""
    if session.config.option.collectonly or os.environ.get("LANTOA_BROWSER_SITE"):
        return
    here = Path(__file__).parent
    wanted = any(Path(item.path).is_relative_to(here) for item in session.items)
    if wanted and os.path.exists(CHROMIUM) and not _site_process:
        _site_process.append(SiteProcess())


def pytest_sessionfinish(session):
    while _site_process:
        _site_process.pop().stop()


@pytest.fixture(scope="package")
def demo_site(chromium_path):
    """The demo site: migrated, ``setup_editorial`` and ``seed_demo`` run, and serving.

    ``LANTOA_BROWSER_SITE=http://127.0.0.1:8123`` uses a site already running instead (when
    writing tests: ``python tests/browser/server.py --port 8123``); the tests change its data.
    """
    if os.environ.get("LANTOA_BROWSER_SITE"):
        yield Site(os.environ["LANTOA_BROWSER_SITE"], OUTPUT / "server.log")
        return
    if not _site_process:
        _site_process.append(SiteProcess())
    process = _site_process[0]
    yield process.wait()
    process.stop()
    _site_process.remove(process)


# The browser ---------------------------------------------------------------------------------


@pytest.fixture(scope="package")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    args = list(CHROMIUM_ARGS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.insert(0, "--no-sandbox")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, headless=True, args=args
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, demo_site):
    """``new_page("phone")`` or ``new_page("desktop")``: a page in its own fresh context."""
    contexts = []

    def make(viewport="desktop"):
        page = open_page(browser, viewport)
        contexts.append(page.context)
        return page

    yield make
    for context in contexts:
        context.close()


# Where the reader's pages are ------------------------------------------------------------------

SECTIONS = {
    "home": "/",
    "news-index": "/tin-tuc/",
    "exemplar-index": "/guong-sang/",
    "campaign-index": "/chien-dich/",
    "department-index": "/cong-doan-bo-phan/",
    "documents": "/van-ban/",
    "search": "/tim-kiem/?q=nh%C3%A0+gi%C3%A1o",
    "not-found": "/trang-nay-khong-co/",
}


@pytest.fixture(scope="package")
def reader_urls(browser, demo_site):
    """Every public page type's address: the sections' fixed ones, and one page of each kind
    found the way a reader finds it, from its section (so a changed demo does not break this)."""
    page = open_page(browser, "desktop")
    urls = dict(SECTIONS)

    def first_card(section, under=None):
        page.goto(demo_site(urls[section]))
        hrefs = page.locator("main .card__link").evaluate_all(
            "links => links.map(link => link.getAttribute('href'))"
        )
        found = [href for href in hrefs if under is None or href.startswith(under)]
        assert found, f"no card on {urls[section]} links to a page under {under or '/'}"
        return found[0]

    try:
        # The board's own article (under Tin tức), not one a department or a test wrote.
        urls["article"] = first_card("news-index", under="/tin-tuc/")
        urls["exemplar"] = first_card("exemplar-index")
        urls["campaign"] = first_card("campaign-index")
        urls["department"] = first_card("department-index")
        page.goto(demo_site(urls["article"]))
        urls["tag"] = page.locator("main a.tag").first.get_attribute("href")
    finally:
        page.context.close()
    return urls
