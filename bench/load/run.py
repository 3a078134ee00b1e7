#!/usr/bin/env python3
"""Load run: gunicorn with production settings on 127.0.0.1, wrk over a mix of public URLs.

    .venv/bin/python bench/load/run.py                 # 60 s, 32 connections (the issue's run)
    .venv/bin/python bench/load/run.py --duration 10   # a quick look while developing

Builds a throwaway seeded site (SQLite in a temporary folder), starts gunicorn on a free
loopback port, runs wrk with ``mix.lua`` over home, news index, articles, exemplars, search,
tag pages, RSS feeds and the sitemap, prints wrk's report and a RESULT line (requests, p50/p90/
p99 latency, errors), and exits non-zero if any request failed. Everything stops afterwards.
"""

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
PYTHON = sys.executable


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args):
    subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


def discover_urls(env):
    """Real addresses from the seeded site: pages of each kind, searches, tags, feeds."""
    code = r"""
from wagtail.models import Page
from articles.models import ArticlePage
from exemplars.models import ExemplarPage
from cms.models import Tag
urls = ["/", "/tim-kiem/?q=c%C3%B4ng+%C4%91o%C3%A0n", "/tim-kiem/?q=hoi+thao", "/rss/",
        "/sitemap.xml", "/en/"]
for page in Page.objects.live().public().specific()[:40]:
    urls.append(page.url)
for tag in Tag.objects.all()[:3]:
    urls.append(f"/the/{tag.slug}/")
print("\n".join(u for u in urls if u))
"""
    out = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [line for line in out.splitlines() if line.startswith("/")]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument(
        "--browser",
        action="store_true",
        help="Also open the admin and public pages in Chromium and fail on any CSP violation.",
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install -y wrk")

    work = Path(tempfile.mkdtemp(prefix="lantoa-load-"))
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "MEDIA_ROOT": str(work / "media"),
        "STATIC_ROOT": str(work / "static"),
        "SECRET_KEY": "load-test-only-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "WARNING",
        # The browser check logs in with the demo password only.
        "LANTOA_REQUIRE_2FA": "false",
    }
    dev = {**env, "DJANGO_SETTINGS_MODULE": "settings.dev"}
    prod = {**env, "DJANGO_SETTINGS_MODULE": "settings.production"}
    server = None
    try:
        print(f"Seeding a throwaway site in {work} …", flush=True)
        manage(dev, "migrate", "--noinput")
        manage(dev, "setup_editorial")
        manage(dev, "seed_demo")
        manage(prod, "collectstatic", "--noinput")
        urls = discover_urls(prod)
        (work / "urls.txt").write_text("\n".join(urls) + "\n")
        print(f"{len(urls)} URLs in the mix", flush=True)

        server = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "cms.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(args.workers),
                "--log-level",
                "warning",
                # A cold worker's first page on a busy machine can take longer than 30 s.
                "--timeout",
                "120",
            ],
            cwd=ROOT,
            env=prod,
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"
        for _ in range(120):
            try:
                urllib.request.urlopen(base + "/", timeout=60)
                break
            except OSError:
                time.sleep(1)
        # Warm every URL once (and fail early on any error page).
        for url in urls:
            with urllib.request.urlopen(base + url, timeout=120) as response:
                assert response.status < 400, url

        result = subprocess.run(
            [
                "wrk",
                f"-t{args.threads}",
                f"-c{args.connections}",
                f"-d{args.duration}s",
                "--timeout",
                "10s",
                "--latency",
                "-s",
                str(ROOT / "bench/load/mix.lua"),
                base,
            ],
            cwd=ROOT,
            env={**os.environ, "LANTOA_URLS": str(work / "urls.txt")},
            capture_output=True,
            text=True,
        )
        print(result.stdout, result.stderr)
        if args.browser:
            from csp_check import check_site

            problems = check_site(base, urls[:8])
            print("CSP violations:", problems or "none")
            if problems:
                sys.exit(1)
        match = re.search(r"RESULT .*", result.stdout)
        if not match:
            sys.exit("wrk gave no result")
        fields = dict(item.split("=") for item in match.group(0).split()[1:])
        failures = sum(
            int(fields[key]) for key in ("non2xx3xx", "connect", "read", "write", "timeout")
        )
        sys.exit(1 if failures else 0)
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
