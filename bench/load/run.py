#!/usr/bin/env python3
"""Load run: gunicorn with production settings on 127.0.0.1, wrk over a mix of public URLs.

    .venv/bin/python bench/load/run.py                 # 60 s, 32 connections (the issue's run)
    .venv/bin/python bench/load/run.py --duration 10   # a quick look while developing
    scripts/pg_cluster.py -- .venv/bin/python bench/load/run.py   # on a throwaway PostgreSQL

Builds a throwaway seeded site (SQLite in a temporary folder, or the PostgreSQL database in
``DATABASE_URL``), starts gunicorn as in production (``security/gunicorn.conf.py``: gthread
workers, production settings, the page cache on in the database cache as without Redis) on a
free loopback port, runs wrk with ``mix.lua`` over home, news index, articles, exemplars,
search, tag pages and the RSS feed (what readers open; not the sitemap, which crawlers fetch
now and then and which costs ~0.8 s uncached), prints wrk's report, the load average and a
RESULT line (requests, p50/p90/p99 latency, errors), and exits non-zero if any request failed.
Everything stops afterwards.
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
urls = ["/", "/tim-kiem/?q=c%C3%B4ng+%C4%91o%C3%A0n", "/tim-kiem/?q=hoi+thao", "/rss/", "/en/"]
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


def connection_label(url):
    return "PostgreSQL" if url.startswith("postgres") else "SQLite"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, help="gunicorn workers (default: the config's)")
    parser.add_argument(
        "--worker-class", default="gthread", help="sync reproduces the earlier timeouts"
    )
    parser.add_argument(
        "--no-page-cache", action="store_true", help="serve every page uncached (comparison)"
    )
    parser.add_argument(
        "--dataset",
        help="start from a copy of this seeded SQLite file (e.g. /work/bench-data/"
        "sqlite-base.sqlite3, the demo site; its media/ beside it) instead of seeding",
    )
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
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith("postgres"):
        database_url = f"sqlite:///{work / 'db.sqlite3'}"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        # As in production without Redis: one page cache shared by every worker.
        "CACHE_DB_TABLE": "lantoa_cache",
        "PAGE_CACHE": "false" if args.no_page_cache else "true",
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
        if args.dataset and database_url.startswith("sqlite"):
            print(f"Copying {args.dataset} into {work} …", flush=True)
            shutil.copyfile(args.dataset, work / "db.sqlite3")
            media = Path(args.dataset).parent / "media"
            if media.is_dir():
                shutil.copytree(media, work / "media")
            manage(dev, "migrate", "--noinput")
            manage(dev, "createcachetable")
        else:
            print(f"Seeding a throwaway site in {work} …", flush=True)
            manage(dev, "migrate", "--noinput")
            manage(dev, "createcachetable")
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
                "--config",
                str(ROOT / "security/gunicorn.conf.py"),
                "--bind",
                f"127.0.0.1:{port}",
                "--worker-class",
                args.worker_class,
                *(["--workers", str(args.workers)] if args.workers else []),
                "--log-level",
                "warning",
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

        load_before = os.getloadavg()
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
        load_after = os.getloadavg()
        print(result.stdout, result.stderr)
        print(
            f"load average (1/5/15 min) before: {' '.join(f'{x:.2f}' for x in load_before)}; "
            f"after: {' '.join(f'{x:.2f}' for x in load_after)}; {os.cpu_count()} CPUs; "
            f"{args.worker_class} workers; page cache {'off' if args.no_page_cache else 'on'}; "
            f"{connection_label(database_url)}"
        )
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
