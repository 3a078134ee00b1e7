#!/usr/bin/env python3
"""Is the site flat as the archive grows? Each page's cost at several scales, in-process.

    .venv/bin/python bench/flat.py --db sqlite   --scales 1000,10000,100000
    .venv/bin/python bench/flat.py --db postgres --scales 1000,10000

For each scale it takes a throwaway database from bench/common.py (the ready datasets of
/work/bench-data when present), then requests home, news index, its 50th page, the newest
article, the newest exemplar, the campaign with most articles, the most used tag, the archive index, search
without and with filters, the RSS feed and the English news index through Django's test
client (the whole stack but the HTTP server, page cache off), ``--repeat`` times after one warm-up, and records wall and CPU milliseconds (p50/p95).
On SQLite the database runs in this process, so CPU time is what a request costs whatever
else the machine is doing; on PostgreSQL the server's own time is only in the wall clock.
The table gives each scale's p50 as a multiple of the first scale's (issue #8: home and
indexes at most 1.5×, search 3×, from 1,000 to 100,000 articles).

Results: bench/results/flat-<date>-<db>.json and a Markdown table on stdout.

``--interleave`` loads every scale at once (one throwaway database each) and serves each
from its own process, and asks them in turn, request by request (1,000, 100,000, then
100,000, 1,000 …): the machine's drift over the minutes one scale's measurement takes falls on
every scale alike, so the multiples compare the same moments (on the shared development
machine the CPU time of one request moved by up to ±40% within minutes).

    flock /work/bench.lock .venv/bin/python bench/flat.py --db sqlite --scales 1000,100000 \
        --repeat 15 --interleave

``--profile`` measures what gunicorn runs instead: Django's WSGI handler called in-process
with the production settings (``settings.production``, DEBUG off, the environment
bench/run.py gives gunicorn, page cache off unless ``--cached``), after ``collectstatic``;
per page (``--pages``, default all) the p50 CPU ms of ``--repeat`` requests after a warm-up,
then, unless ``--no-cprofile``, a cProfile of as many more requests: the functions with
the most own time and the project's own functions by cumulative time (``--top``).

    .venv/bin/python bench/flat.py --profile --db sqlite --scales 1000 --pages article,home
    flock /work/bench.lock .venv/bin/python bench/flat.py --profile --db postgres \
        --scales 1000,100000 --repeat 30 --no-cprofile

Results: bench/results/profile-<date>-<db>.json and the figures on stdout.
"""

import argparse
import contextlib
import cProfile
import datetime
import io
import json
import os
import pstats
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import common  # noqa: E402

LIMITS = {"home": 1.5, "news_index": 1.5, "news_page_50": 1.5, "tag": 1.5, "archive": 1.5}
LIMITS.update({"campaign": 1.5, "english_news_index": 1.5})
LIMITS.update({"search": 3.0, "search_filtered": 3.0})

URLS_CODE = """
from articles.models import ArticlePage, NewsIndexPage
from cms.models import Tag
from exemplars.models import ExemplarPage
from home.models import CampaignPage
from django.db.models import Count
from django.urls import reverse
vi = {"locale__language_code": "vi"}
news = NewsIndexPage.objects.live().filter(**vi).first().url
campaign = (
    CampaignPage.objects.live().filter(**vi).annotate(n=Count("articles")).order_by("-n").first()
)
english_news = NewsIndexPage.objects.live().filter(locale__language_code="en").first()
article = ArticlePage.objects.live().filter(**vi).order_by("-date", "-pk").first()
exemplar = ExemplarPage.objects.live().filter(**vi).order_by("-pk").first()
tag = Tag.objects.annotate(n=Count("articles_articlepagetag_items")).order_by("-n").first()
q = "c\u00f4ng \u0111o\u00e0n"
URLS = {
    "home": ("/", {}),
    "news_index": (news, {}),
    "news_page_50": (news, {"trang": "50"}),
    "article": (article.url, {}),
    "exemplar": (exemplar.url, {}),
    "campaign": (campaign.url, {}),
    "tag": (f"/the/{tag.slug}/", {}),
    "archive": (news + "luu-tru/", {}),
    "search": ("/tim-kiem/", {"q": q}),
    "search_filtered": ("/tim-kiem/", {"q": q, "loai": "bai-viet", "nam": str(article.date.year)}),
    "feed": (reverse("feed", kwargs={"kind": "rss"}), {}),
}
if english_news is not None:
    URLS["english_news_index"] = (english_news.url, {})
"""


def clear_caches():
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


def measure(repeat, cold=False):
    """Each page ``repeat`` times after a warm-up. ``cold``: every cache is emptied before
    each timed request (untimed), so nothing is kept: the first reader after a change pays
    the whole page (lists, counts, parts, the routed page, lookups). Searches are never
    answered from kept matches here."""
    from django.conf import settings

    clear_caches()  # nothing cached from the previous scale's database
    # The searches walk the index on every request: the engine's flatness, not the kept
    # matches' (search.views.kept_matches), which cost the same at any scale.
    settings.SEARCH_KEEP_MATCHES = False
    namespace = {}
    exec(URLS_CODE, namespace)  # noqa: S102 - our own code, run after django.setup()
    client = common.client()
    figures = {}
    # settings.test: DEBUG off, page cache off, local-memory cache for lookups
    for name, (path, data) in namespace["URLS"].items():
        status = client.get(path, data).status_code
        if status != 200:
            figures[name] = {"status": status}
            continue
        if cold:
            durations = common.Durations([], [])
            for _ in range(repeat):
                clear_caches()
                once = common.time_requests(client, path, data, repeat=1, warmup=0)
                durations.wall += once.wall
                durations.cpu += once.cpu
        else:
            durations = common.time_requests(client, path, data, repeat=repeat, warmup=1)
        figures[name] = {
            "path": path,
            "data": data,
            "wall": common.summary(durations.wall),
            "cpu": common.summary(durations.cpu),
        }
        common.log(
            f"{name:16} cpu p50 {figures[name]['cpu']['p50']:7.1f} ms, "
            f"wall p50 {figures[name]['wall']['p50']:7.1f} ms"
        )
    return figures


def table(run):
    scales = [row["articles"] for row in run["rows"]]
    first = run["rows"][0]["pages"]
    key = "cpu" if run["vendor"] == "sqlite" else "wall"
    cold = ", cold: every cache emptied before each request" if run.get("cold") else ""
    lines = [
        f"\n#### {run['label']}: p50 {key} ms per request{cold} (× the {scales[0]:,}-article "
        "figure)",
        "",
        "| page | " + " | ".join(f"{s:,}" for s in scales) + " | limit | met |",
        "| --- | " + " | ".join("---:" for _ in scales) + " | ---: | --- |",
    ]
    for name in first:
        cells, last = [], None
        for row in run["rows"]:
            figure = row["pages"].get(name, {})
            if key not in figure:
                cells.append(f"HTTP {figure.get('status')}")
                continue
            value = figure[key]["p50"]
            base = first[name].get(key, {}).get("p50")
            last = value / base if base else None
            cells.append(f"{value:.0f} (×{last:.1f})" if last else f"{value:.0f}")
        limit = LIMITS.get(name)
        met = "" if not limit or last is None else ("yes" if last <= limit else "no")
        lines.append(
            f"| {name} | " + " | ".join(cells) + f" | {f'×{limit}' if limit else '–'} | {met} |"
        )
    return "\n".join(lines)


def wsgi_get(app, path, data=None):
    """One GET through Django's WSGI handler, as gunicorn calls it: (status, body bytes)."""
    from urllib.parse import urlencode

    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": urlencode(data or {}),
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "HTTP_HOST": "127.0.0.1:8000",
        "HTTP_USER_AGENT": "wrk",
        "HTTP_ACCEPT_ENCODING": "gzip",
        "REMOTE_ADDR": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.version": (1, 0),
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    status = []
    body = app(environ, lambda code, headers, exc_info=None: status.append(code))
    try:
        content = b"".join(body)
    finally:
        if hasattr(body, "close"):
            body.close()
    return int(status[0].split()[0]), content


def _cprofile(app, path, data, repeat, top):
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(repeat):
        wsgi_get(app, path, data)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(rf"^{ROOT}/(?!\.venv)", top)
    root = f"{ROOT}/"
    return out.getvalue().replace(root + ".venv/lib/", "").replace(root, "")


def profile(args, scales):
    """Per-page cost of the production stack in-process (see the module docstring)."""
    run = {"machine": common.machine(), "repeat": args.repeat, "rows": []}
    with common.database(args.db) as db:
        run.update(vendor=db.vendor, label=db.label, cached=args.cached)
        db.ensure(scales[0])
        db.manage("collectstatic", "--noinput", production=True)
        os.environ.update(common.production_env(db.env, cached=args.cached))
        common.setup_django(db, settings="settings.production")
        from django.core.cache import caches
        from django.core.wsgi import get_wsgi_application

        app = get_wsgi_application()
        wanted = set(args.pages.split(",")) if args.pages else None
        for scale in scales:
            db.ensure(scale)
            for cache in caches.all():
                cache.clear()
            namespace = {}
            exec(URLS_CODE, namespace)  # noqa: S102 - our own code, run after django.setup()
            pages = {}
            for name, (path, data) in namespace["URLS"].items():
                if wanted and name not in wanted:
                    continue
                for _ in range(3):  # warm-up: templates, page parts, lookups
                    status, content = wsgi_get(app, path, data)
                cpu = []
                for _ in range(args.repeat):
                    started = time.process_time()
                    wsgi_get(app, path, data)
                    cpu.append((time.process_time() - started) * 1000)
                pages[name] = {"path": path, "status": status, "bytes": len(content)}
                pages[name]["cpu"] = common.summary(cpu, digits=2)
                print(
                    f"{db.articles:>7,} {name:20} HTTP {status} {len(content):>7,} B  "
                    f"cpu p50 {pages[name]['cpu']['p50']:6.2f} ms  "
                    f"min {pages[name]['cpu']['min']:6.2f} ms",
                    flush=True,
                )
                if not args.no_cprofile:
                    print(_cprofile(app, path, data, args.repeat, args.top), flush=True)
            run["rows"].append({"articles": db.articles, "pages": pages})
    run["command"] = " ".join(sys.argv)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M")
    out = ROOT / "bench" / "results" / f"profile-{stamp}-{run['label']}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(run, indent=2, ensure_ascii=False) + "\n")
    common.log(f"results in {out.relative_to(ROOT)}")


def serve():
    """``--serve`` (a child of ``--interleave``): set up Django on the database the
    environment names (settings.test, searches never from kept matches), print the pages'
    addresses as one JSON line, then for each page name read on stdin answer one request with
    its status, wall and CPU milliseconds (a JSON line)."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "settings.test"
    os.environ["SEARCH_KEEP_MATCHES"] = "false"  # the engine's flatness (see measure)
    import django

    django.setup()
    clear_caches()
    namespace = {}
    exec(URLS_CODE, namespace)  # noqa: S102 - our own code, run after django.setup()
    urls = namespace["URLS"]
    client = common.client()
    print(json.dumps(urls), flush=True)
    for line in sys.stdin:
        path, data = urls[line.strip()]
        wall, cpu, response = common.timed(lambda: client.get(path, data))  # noqa: B023
        print(json.dumps({"status": response.status_code, "wall": wall, "cpu": cpu}), flush=True)


class Child:
    """One scale's database served by a ``--serve`` process."""

    def __init__(self, db):
        env = {**db.env, "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--serve"],
            env=env,
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.urls = json.loads(self.process.stdout.readline())

    def get(self, name):
        self.process.stdin.write(name + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=60)


def interleaved(args, scales):
    """Every scale loaded at once, each page asked of each scale's process in turn."""
    with contextlib.ExitStack() as stack:
        dbs = []
        for scale in scales:
            db = stack.enter_context(common.database(args.db))
            db.ensure(scale)
            dbs.append(db)
        children = [Child(db) for db in dbs]
        stack.callback(lambda: [child.close() for child in children])
        names = [name for name in children[0].urls if all(name in c.urls for c in children)]
        rows = [{"articles": db.articles, "pages": {}} for db in dbs]
        for name in names:
            answers = [child.get(name) for child in children]  # warm-up
            if any(answer["status"] != 200 for answer in answers):
                for row, answer in zip(rows, answers, strict=True):
                    row["pages"][name] = {"status": answer["status"]}
                continue
            walls, cpus = [[] for _ in children], [[] for _ in children]
            for number in range(args.repeat):
                order = range(len(children)) if number % 2 == 0 else reversed(range(len(children)))
                for index in order:
                    answer = children[index].get(name)
                    walls[index].append(answer["wall"])
                    cpus[index].append(answer["cpu"])
            for index, row in enumerate(rows):
                path, data = children[index].urls[name]
                row["pages"][name] = {
                    "path": path,
                    "data": data,
                    "wall": common.summary(walls[index]),
                    "cpu": common.summary(cpus[index]),
                }
            common.log(
                f"{name:16} cpu p50 "
                + ", ".join(f"{row['pages'][name]['cpu']['p50']:.1f}" for row in rows)
                + " ms"
            )
        return {"vendor": dbs[0].vendor, "label": dbs[0].label, "rows": rows}


def main():
    if sys.argv[1:] == ["--serve"]:
        return serve()
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--scales", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--profile", action="store_true", help="production settings through the WSGI handler"
    )
    parser.add_argument(
        "--cold", action="store_true", help="empty every cache before each timed request"
    )
    parser.add_argument(
        "--interleave",
        action="store_true",
        help="every scale loaded at once, each served by its own process, asked in turn",
    )
    parser.add_argument("--pages", default="", help="--profile: these pages only (a,b,…)")
    parser.add_argument("--cached", action="store_true", help="--profile: page cache on")
    parser.add_argument("--no-cprofile", action="store_true", help="--profile: timings only")
    parser.add_argument("--top", type=int, default=25, help="--profile: functions shown")
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    if args.profile:
        return profile(args, scales)
    run = {"machine": common.machine(), "repeat": args.repeat, "cold": args.cold, "rows": []}
    if args.interleave:
        if args.cold:
            raise SystemExit("--interleave measures warm pages only")
        run.update(interleaved(args, scales), interleaved=True)
        return save(run, args)
    with common.database(args.db) as db:
        run.update(vendor=db.vendor, label=db.label)
        db.ensure(scales[0])
        common.setup_django(db, settings="settings.test")
        for scale in scales:
            db.ensure(scale)
            pages = measure(args.repeat, cold=args.cold)
            run["rows"].append({"articles": db.articles, "pages": pages})
    return save(run, args)


def save(run, args):
    run.setdefault("command", " ".join(sys.argv))
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M")
    name = f"flat-{stamp}-{run['label']}{'-cold' if args.cold else ''}.json"
    out = ROOT / "bench" / "results" / name
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(run, indent=2, ensure_ascii=False) + "\n")
    common.log(f"results in {out.relative_to(ROOT)}")
    print(table(run), flush=True)


if __name__ == "__main__":
    main()
