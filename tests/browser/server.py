"""The demo site on a loopback port, for the browser tests.

Run by ``conftest.py`` in a child process with ``DATABASE_URL`` pointing at a fresh SQLite file
and ``TEST_MEDIA_ROOT`` at a fresh folder. It migrates, runs ``setup_editorial`` and
``seed_demo``, then serves the site on 127.0.0.1 (a free port) and prints ``LANTOA READY <port>``
on stdout. Static files come from the finders (as ``runserver --insecure`` serves them) and
uploads from MEDIA_ROOT, so nothing needs ``collectstatic`` or DEBUG.

A child process rather than pytest-django's ``live_server``: the site gets its own database,
committed like a real one and served by several threads with their own connections, on SQLite
whichever database the rest of the suite runs on; nothing the tests change leaks into the
other tests' database.

By hand, to write tests against a site that stays up (``LANTOA_BROWSER_SITE`` in conftest)::

    DATABASE_URL=sqlite:////tmp/lantoa-browser.sqlite3 TEST_MEDIA_ROOT=/tmp/lantoa-browser-media \
        .venv/bin/python tests/browser/server.py --port 8123
"""

import argparse
import os
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def watch_parent(parent):
    """Exit as soon as ``parent`` is gone (a killed pytest must not leave a server behind)."""

    def watch():
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="0: any free port")
    parser.add_argument("--no-setup", action="store_true", help="serve the database as it is")
    parser.add_argument(
        "--exit-with-parent", action="store_true", help="stop when the process that started it dies"
    )
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        parser.error("set DATABASE_URL to a throwaway database (this migrates and seeds it)")
    if args.exit_with_parent:
        watch_parent(os.getppid())
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.test")

    import django

    django.setup()

    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.management import call_command
    from django.core.servers.basehttp import WSGIServer, run
    from django.core.wsgi import get_wsgi_application
    from django.test.testcases import _MediaFilesHandler

    started = time.monotonic()
    for command in () if args.no_setup else ("migrate", "setup_editorial", "seed_demo"):
        begun = time.monotonic()
        options = {"interactive": False, "verbosity": 0} if command == "migrate" else {}
        call_command(command, **options)
        print(f"[server] {command}: {time.monotonic() - begun:.1f} s", flush=True)
    print(f"[server] site ready in {time.monotonic() - started:.1f} s", flush=True)

    handler = StaticFilesHandler(_MediaFilesHandler(get_wsgi_application()))

    def on_bind(port):
        print(f"LANTOA READY {port}", flush=True)

    class QuietServer(WSGIServer):
        # Playwright drops connections it no longer needs; that is not worth a traceback.
        def handle_error(self, request, client_address):
            exc = sys.exc_info()[1]
            if isinstance(exc, ConnectionError):
                return
            super().handle_error(request, client_address)

    run("127.0.0.1", args.port, handler, threading=True, on_bind=on_bind, server_cls=QuietServer)


if __name__ == "__main__":
    main()
