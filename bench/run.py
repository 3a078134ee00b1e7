#!/usr/bin/env python3
"""Throughput and latency of Lan Tỏa's pages under gunicorn, as ratios to a static file.

    .venv/bin/python bench/run.py --db sqlite --scales 1000,10000,100000
    .venv/bin/python bench/run.py --db postgres --scales 1000      # a throwaway cluster

For each database and scale it: makes a throwaway database in a temporary folder (PostgreSQL:
a private cluster) with bench/common.py, brings it to the scale (a ready dataset from
/work/bench-data when there is one, else migrate, setup_editorial, seed_demo and seed_bulk up
to the scale), collects static files, pre-generates renditions (warm_renditions),
starts gunicorn itself on 127.0.0.1 with the production configuration the README recommends
(``security/gunicorn.conf.py``: gthread, CPUs + 1 workers × 4 threads; production settings,
DEBUG=False, whitenoise), and runs wrk for each URL: a warm-up, then ``--duration`` seconds at each
of ``--connections``. Pages are measured with the page cache off (uncached) and, with
``--cached``, again with it on. Every figure is also given as a ratio to the ~30 KB static
file (site.css) measured in the same server run, since absolute numbers drift on a shared
machine. The searches are measured once more with their matches not kept (``unkept``:
SEARCH_KEEP_MATCHES=false, what the first reader of a search costs). Everything it started is stopped and removed at the end, also on Ctrl-C.

Results: a JSON file per run in bench/results/ and a Markdown table on stdout.
Needs wrk (Debian: apt-get install wrk).
"""

import argparse
import contextlib
import datetime
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import common  # noqa: E402
from bench.common import log, machine, production_env  # noqa: E402

GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
RESULTS = ROOT / "bench" / "results"
CONFIG = ROOT / "security" / "gunicorn.conf.py"
CACHE_TABLE = "lantoa_bench_cache"

# Targets of issue #8, as a minimum ratio to the static file's requests per second.
TARGETS = {
    "home": 1 / 25,
    "news_index": 1 / 25,
    "article": 1 / 20,
    "exemplar": 1 / 20,
    "campaign": 1 / 25,
    "tag": 1 / 25,
    "search": 1 / 30,
    "search_filtered": 1 / 30,
    "feed": 1 / 25,
}
CACHED_TARGET = 1 / 2
PAGES = ["home", "news_index", "article", "exemplar", "campaign", "tag"]
SEARCHES = ["search", "search_filtered"]

URLS_SCRIPT = r"""
import json
from articles.models import ArticlePage, NewsIndexPage
from exemplars.models import ExemplarPage
from home.models import CampaignPage
from cms.models import Tag
from django.db.models import Count
from django.contrib.staticfiles.storage import staticfiles_storage
from django.urls import reverse
vi = {"locale__language_code": "vi"}
article = ArticlePage.objects.live().filter(**vi).order_by("-date", "-pk").first()
exemplar = ExemplarPage.objects.live().filter(**vi).order_by("-pk").first()
campaign = CampaignPage.objects.live().filter(**vi).annotate(n=Count("articles")).order_by("-n").first()
tag = Tag.objects.annotate(n=Count("articles_articlepagetag_items")).order_by("-n").first()
urls = {
    "static": staticfiles_storage.url("css/site.css"),
    "home": "/",
    "news_index": NewsIndexPage.objects.live().filter(**vi).first().url,
    "article": article.url,
    "exemplar": exemplar.url,
    "campaign": campaign.url,
    "tag": f"/the/{tag.slug}/",
    "search": "/tim-kiem/?q=c%C3%B4ng+%C4%91o%C3%A0n",
    "search_filtered": f"/tim-kiem/?q=c%C3%B4ng+%C4%91o%C3%A0n&loai=bai-viet&nam={article.date.year}",
}
try:
    urls["feed"] = reverse("feed", kwargs={"kind": "rss"})
except Exception:
    pass
print("URLS=" + json.dumps(urls))
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def gunicorn(env, workers, cached, threads=None, extra=None):
    """gunicorn with the production configuration the README recommends
    (security/gunicorn.conf.py: gthread, CPUs + 1 workers, 4 threads each), on a free port;
    ``workers``/``threads`` override the configuration's numbers when given, ``extra`` adds
    settings by environment. Yields its address and its process group (the master's pid: the
    workers are in it)."""
    port = free_port()
    server_env = production_env(env, cached)
    server_env.update(extra or {})
    server_env["GUNICORN_BIND"] = f"127.0.0.1:{port}"
    if workers:
        server_env["GUNICORN_WORKERS"] = str(workers)
    if threads:
        server_env["GUNICORN_THREADS"] = str(threads)
    process = subprocess.Popen(
        [
            GUNICORN,
            *("-c", str(CONFIG), "cms.wsgi:application", "--log-level", "warning"),
            # The config recycles a worker after ~2,000 requests; wrk sends that many to the
            # static file in a few seconds, and the next URL would measure workers starting.
            *("--max-requests", "0"),
        ],
        cwd=ROOT,
        env=server_env,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(base + "/", timeout=60)
                break
            except urllib.error.HTTPError:
                break  # it answers; a page's error shows in the figures
            except OSError:
                pass
            if process.poll() is not None:
                raise SystemExit("gunicorn exited at start")
            time.sleep(0.5)
        else:
            raise SystemExit("gunicorn did not answer")
        yield base, process.pid
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def server_description(args):
    cpus = os.cpu_count() or 1
    workers = args.workers or int(os.environ.get("GUNICORN_WORKERS", cpus + 1))
    threads = args.threads or int(os.environ.get("GUNICORN_THREADS", "4"))
    cache = "database cache" if args.cache == "db" else "local-memory cache"
    return (
        f"gunicorn -c security/gunicorn.conf.py: {workers} gthread workers × {threads} threads, "
        f"{cache}"
    )


def check(url):
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            body = response.read()
            return response.status, len(body), response.headers.get("X-Cache", "")
    except urllib.error.HTTPError as exc:
        return exc.code, 0, ""


def to_ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(url, connections, duration):
    threads = min(connections, 2)
    result = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    )
    out = result.stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = {}
    for pct in ("50", "99"):
        match = re.search(rf"\s{pct}%\s+([\d.]+)(us|ms|s|m)\b", out)
        if match:
            latency[f"p{pct}_ms"] = round(to_ms(*match.groups()), 2)
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    requests = re.search(r"(\d+) requests in", out)
    return {
        "rps": rps,
        **latency,
        "requests": int(requests.group(1)) if requests else None,
        "non_2xx": int(errors.group(1)) if errors else 0,
    }


def group_cpu(group):
    """CPU seconds so far of each process of a process group (gunicorn's master and workers),
    by pid, from /proc (Linux); empty elsewhere."""
    times = {}
    with contextlib.suppress(OSError):
        pids = [pid for pid in os.listdir("/proc") if pid.isdigit()]
        for pid in pids:
            with contextlib.suppress(OSError, IndexError, ValueError):
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                if int(fields[2]) == group:  # after the name: state, ppid, pgrp, …
                    times[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return times


def busy_cores(before, after, duration):
    """Each process's cores used over ``duration`` seconds, busiest first (those above 0.01):
    at 8 connections wrk's keep-alive connections stay with the worker that accepted them,
    so [1.4] says they all landed on one worker (one core for its Python), [0.8, 0.8, 0.4]
    that three shared them."""
    used = ((after[pid] - before.get(pid, 0)) / duration for pid in after)
    return [round(cores, 2) for cores in sorted(used, reverse=True) if cores > 0.01]


def measure(base, urls, names, connections, duration, warmup, group=None):
    figures = {}
    for name in names:
        if name not in urls:
            continue
        url = base + urls[name]
        status, size, cache_state = check(url)
        check(url)  # a second request: a cached copy exists from here on
        entry = {"url": urls[name], "status": status, "bytes": size, "x_cache": cache_state}
        if status != 200:
            log(f"{name}: {url} answered {status}, skipped")
            figures[name] = entry
            continue
        wrk(url, 2, warmup)
        for c in connections:
            before = group_cpu(group) if group else {}
            entry[f"c{c}"] = wrk(url, c, duration)
            if group:
                entry[f"c{c}"]["cores"] = busy_cores(before, group_cpu(group), duration)
            cores = entry[f"c{c}"].get("cores")
            log(
                f"{name:16} c={c}: {entry[f'c{c}']['rps']:8.1f} req/s"
                + (f"  cores by process {cores}" if cores is not None else "")
            )
        figures[name] = entry
    return figures


def ratios(figures, connections):
    static = figures.get("static", {})
    for entry in figures.values():
        for c in connections:
            key = f"c{c}"
            if key in entry and key in static and static[key]["rps"]:
                entry[key]["ratio"] = round(entry[key]["rps"] / static[key]["rps"], 4)


def run_database(args, db):
    results = []
    flat_rows, cold_rows = [], []
    db.ensure(args.scales[0], reuse=not args.no_datasets)
    db.manage("collectstatic", "--noinput", production=True)
    for scale in args.scales:
        db.ensure(scale, reuse=not args.no_datasets)
        if args.cache == "db":
            db.manage("createcachetable", production=True)
        if args.warm:
            db.manage("warm_renditions", production=True)
        urls_out = db.manage("shell", "-c", URLS_SCRIPT, production=True)
        urls = json.loads(re.search(r"URLS=(.*)", urls_out).group(1))
        run = {
            "database": db.label,
            "articles": db.articles,
            "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "machine": machine(),
            "command": " ".join(sys.argv),
            "server": server_description(args),
            "cache": args.cache,
            "duration_s": args.duration,
            "connections": args.connections,
            "uncached": {},
            "unkept": {},
            "cached": {},
        }
        with gunicorn(db.env, args.workers, False, args.threads) as (base, group):
            names = ["static", *PAGES, *SEARCHES, "feed"]
            if args.pages:
                names = ["static", *(n for n in names if n in args.pages)]
            run["uncached"] = measure(
                base, urls, names, args.connections, args.duration, args.warmup, group
            )
        ratios(run["uncached"], args.connections)
        searches = [n for n in SEARCHES if not args.pages or n in args.pages]
        if not args.no_unkept and searches:
            # The first reader of a search: its matches not kept (SEARCH_KEEP_MATCHES=false),
            # the full-text index walked on every request.
            extra = {"SEARCH_KEEP_MATCHES": "false"}
            with gunicorn(db.env, args.workers, False, args.threads, extra) as (base, group):
                run["unkept"] = measure(
                    base,
                    urls,
                    ["static", *searches],
                    args.connections,
                    args.duration,
                    args.warmup,
                    group,
                )
            ratios(run["unkept"], args.connections)
        cached_pages = [n for n in PAGES if not args.pages or n in args.pages]
        if args.cached and cached_pages:
            with gunicorn(db.env, args.workers, True, args.threads) as (base, group):
                run["cached"] = measure(
                    base,
                    urls,
                    ["static", *cached_pages],
                    args.connections,
                    args.duration,
                    args.warmup,
                    group,
                )
            ratios(run["cached"], args.connections)
        results.append(run)
        save(run)
        print(table(run), flush=True)
        if args.flat:
            flat_rows.append(in_process(db, args))
            if args.flat_cold:
                cold_rows.append(in_process(db, args, cold=True))
    if args.flat:
        flat_report(db, flat_rows, args)
        if args.flat_cold:
            flat_report(db, cold_rows, args, cold=True)
    return results


def in_process(db, args, cold=False):
    """bench/flat.py's measurement on the same database (no second load of a dataset)."""
    from bench import flat

    if "django" not in sys.modules or not _django_ready():
        common.setup_django(db, settings="settings.test")
    return {"articles": db.articles, "pages": flat.measure(args.flat_repeat, cold=cold)}


def _django_ready():
    from django.apps import apps

    return apps.ready


def flat_report(db, rows, args, cold=False):
    from bench import flat

    run = {
        "machine": machine(),
        "repeat": args.flat_repeat,
        "cold": cold,
        "vendor": db.vendor,
        "label": db.label,
        "rows": rows,
        "command": " ".join(sys.argv),
    }
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M")
    out = RESULTS / f"flat-{stamp}-{db.label}{'-cold' if cold else ''}.json"
    out.write_text(json.dumps(run, indent=2, ensure_ascii=False) + "\n")
    log(f"results in {out.relative_to(ROOT)}")
    print(flat.table(run), flush=True)


def save(run):
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M")
    path = RESULTS / f"{stamp}-{run['database']}-{run['articles']}.json"
    path.write_text(json.dumps(run, indent=2, ensure_ascii=False) + "\n")
    log(f"results in {path.relative_to(ROOT)}")


def table(run):
    lines = [
        f"\n### {run['database']}, {run['articles']:,} articles — {run['date']}",
        f"{run['machine']['cpus']} CPUs ({run['machine']['cpu']}), load "
        f"{run['machine']['load_1min_at_start']:.1f} at start; {run['server']}; "
        f"wrk {run['duration_s']} s per URL and concurrency.",
        "",
        "| URL | mode | "
        + " | ".join(f"c={c} req/s (ratio)" for c in run["connections"])
        + " | p50/p99 ms (c=1) | target | met |",
        "| --- | --- | " + " | ".join("---" for _ in run["connections"]) + " | --- | --- | --- |",
    ]
    for mode in ("uncached", "unkept", "cached"):
        for name, entry in run.get(mode, {}).items():
            cells = []
            met = []
            for c in run["connections"]:
                figure = entry.get(f"c{c}")
                if not figure:
                    cells.append(f"HTTP {entry.get('status')}")
                    continue
                ratio = figure.get("ratio")
                cells.append(
                    f"{figure['rps']:.1f} ({ratio:.3f})" if ratio else f"{figure['rps']:.1f}"
                )
                target = CACHED_TARGET if mode == "cached" else TARGETS.get(name)
                if target and ratio is not None:
                    met.append(ratio >= target)
            first = entry.get(f"c{run['connections'][0]}", {})
            latency = f"{first.get('p50_ms', '–')}/{first.get('p99_ms', '–')}"
            target = CACHED_TARGET if mode == "cached" and name != "static" else TARGETS.get(name)
            target_text = f"≥ 1/{round(1 / target)}" if target else "reference"
            verdict = "" if not met else ("yes" if all(met) else "no")
            lines.append(
                f"| {name} | {mode} | "
                + " | ".join(cells)
                + f" | {latency} | {target_text} | {verdict} |"
            )
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--scales", default="1000", help="comma-separated article counts")
    parser.add_argument("--duration", type=int, default=15, help="seconds per URL and concurrency")
    parser.add_argument("--warmup", type=int, default=3, help="warm-up seconds per URL")
    parser.add_argument("--connections", default="1,8")
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="gunicorn workers (default: security/gunicorn.conf.py's, CPUs + 1)",
    )
    parser.add_argument(
        "--threads", type=int, default=None, help="threads per worker (default: the config's, 4)"
    )
    parser.add_argument("--cached", action="store_true", help="also measure with the page cache")
    parser.add_argument(
        "--cache",
        choices=["locmem", "db"],
        default="locmem",
        help="Django cache: local memory per worker (default; like Redis, a cache in memory) "
        "or the database cache shared by the workers (CACHE_DB_TABLE)",
    )
    parser.add_argument(
        "--warm",
        action="store_true",
        help="run warm_renditions first (else each page's first check request makes them)",
    )
    parser.add_argument(
        "--flat",
        action="store_true",
        help="after each scale, also run bench/flat.py's in-process measurement on the same "
        "database (one dataset load for both)",
    )
    parser.add_argument("--flat-repeat", type=int, default=5, help="requests per page (--flat)")
    parser.add_argument(
        "--flat-cold",
        action="store_true",
        help="--flat: also measure every page with every cache emptied before each request",
    )
    parser.add_argument(
        "--no-datasets",
        action="store_true",
        help="seed every scale with seed_bulk instead of loading /work/bench-data datasets",
    )
    parser.add_argument(
        "--no-unkept",
        action="store_true",
        help="skip measuring the searches again with their matches not kept "
        "(SEARCH_KEEP_MATCHES=false: the index walked on every request)",
    )
    parser.add_argument(
        "--pages",
        default="",
        help="comma-separated pages to measure (default: all), e.g. search,search_filtered",
    )
    args = parser.parse_args()
    args.pages = [p for p in args.pages.split(",") if p]
    args.scales = [int(s) for s in args.scales.split(",")]
    args.connections = [int(c) for c in args.connections.split(",")]
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")

    with common.database(args.db) as db:
        if args.cache == "db":
            db.env["CACHE_DB_TABLE"] = CACHE_TABLE  # every command and server uses it
        run_database(args, db)


if __name__ == "__main__":
    main()
