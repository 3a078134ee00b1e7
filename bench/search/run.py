#!/usr/bin/env python3
"""Search latency through the real view at growing archive sizes, beside a plain icontains scan.

    .venv/bin/python bench/search/run.py --scales 1000,10000,100000              # SQLite
    .venv/bin/python scripts/pg_cluster.py -- \\
        .venv/bin/python bench/search/run.py --scales 1000,10000,100000          # PostgreSQL

Uses DATABASE_URL when set (pg_cluster.py sets it), else a fresh SQLite file in a temporary
folder. Migrates, then for each scale adds articles with ``seed_bulk`` up to that many and
times the 20 queries of QUERIES through ``/tim-kiem/`` with Django's test client (the whole
view: cleaning, engine, filters, ranking, template), ``--repeat`` times each after one warm-up
run. The baseline is what a naive search would do on the same data: a case-insensitive
``icontains`` on title, lead and body of live articles, counting matches and fetching the first
ten. Figures are milliseconds; results are written to bench/search/results/ as JSON and
printed as a Markdown table.
"""

import argparse
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

QUERIES = [
    "guong sang nha giao 2024",
    "gương sáng nhà giáo",
    "cong doan",
    "công đoàn",
    "20/11",
    "tri an thay co",
    "hội nghị cán bộ viên chức",
    "hoi nghi can bo vien chuc",
    "chuyen doi so",
    "bảo hiểm xã hội",
    "an toan ve sinh lao dong",
    "Tháng Công nhân",
    "hien mau tinh nguyen",
    "khoa toan 2023",
    "nữ công gia chánh",
    "mai am cong doan",
    "đoàn viên có hoàn cảnh khó khăn",
    "quy che chi tieu noi bo",
    "xylophone",
    "truyen thong cong doan giai doan 2023 2028",
]


COUNT = re.compile(r'class="result-count"[^>]*>\D*(\d+)')


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def timed(function):
    """Wall-clock and this process's CPU milliseconds. On a loaded machine the wall clock
    mostly measures waiting for a core; on SQLite (the database runs in this process) CPU
    time is what the request costs."""
    started, cpu = time.perf_counter(), time.process_time()
    result = function()
    return (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000, result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", default=str(ROOT / "bench" / "search" / "results"))
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]

    folder = None
    if not os.environ.get("DATABASE_URL"):
        folder = tempfile.mkdtemp(prefix="lantoa-search-bench-")
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "settings.test"
    os.environ.setdefault("TEST_MEDIA_ROOT", tempfile.mkdtemp(prefix="lantoa-search-media-"))

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Q
    from django.test import Client

    from articles.models import ArticlePage

    vendor = connection.vendor
    print(f"[bench/search] {vendor}: migrating", file=sys.stderr, flush=True)
    call_command("migrate", verbosity=0)
    client = Client()
    rows = []
    for scale in scales:
        current = ArticlePage.objects.count()
        if current < scale:
            started = time.monotonic()
            call_command("seed_bulk", articles=scale - current)
            seed_seconds = time.monotonic() - started
        else:
            seed_seconds = 0.0
        if vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        view, scan, view_cpu, scan_cpu, per_query = [], [], [], [], {}
        for query in QUERIES:

            def search(query=query):
                response = client.get("/tim-kiem/", {"q": query})
                assert response.status_code == 200, response.status_code
                match = COUNT.search(response.content.decode())
                return int(match.group(1)) if match else 0

            def icontains(query=query):
                matches = ArticlePage.objects.live().filter(
                    Q(title__icontains=query) | Q(lead__icontains=query) | Q(body__icontains=query)
                )
                first = list(matches.order_by("-date").values_list("pk", flat=True)[:10])
                return matches.count(), first

            search()
            icontains()
            view_times, scan_times = [], []
            for _ in range(args.repeat):
                elapsed, cpu, found = timed(search)
                view_times.append(elapsed)
                view_cpu.append(cpu)
                elapsed, cpu, (scanned, _first) = timed(icontains)
                scan_times.append(elapsed)
                scan_cpu.append(cpu)
            view += view_times
            scan += scan_times
            per_query[query] = {
                "view_ms_median": round(statistics.median(view_times), 1),
                "found": found,
                "icontains_ms_median": round(statistics.median(scan_times), 1),
                "icontains_found": scanned,
            }
        row = {
            "database": vendor,
            "articles": ArticlePage.objects.count(),
            "seed_seconds": round(seed_seconds, 1),
            "view_p50": round(percentile(view, 0.5), 1),
            "view_p95": round(percentile(view, 0.95), 1),
            "icontains_p50": round(percentile(scan, 0.5), 1),
            "icontains_p95": round(percentile(scan, 0.95), 1),
            "view_cpu_p50": round(percentile(view_cpu, 0.5), 1),
            "view_cpu_p95": round(percentile(view_cpu, 0.95), 1),
            "icontains_cpu_p50": round(percentile(scan_cpu, 0.5), 1),
            "icontains_cpu_p95": round(percentile(scan_cpu, 0.95), 1),
            "queries": per_query,
        }
        rows.append(row)
        print(
            f"[bench/search] {vendor} {row['articles']}: view p50 {row['view_p50']} ms, "
            f"p95 {row['view_p95']} ms (CPU {row['view_cpu_p50']}/{row['view_cpu_p95']}); "
            f"icontains p50 {row['icontains_p50']} ms, p95 {row['icontains_p95']} ms "
            f"(CPU {row['icontains_cpu_p50']}/{row['icontains_cpu_p95']})",
            file=sys.stderr,
            flush=True,
        )
        write(args.out, vendor, rows, args)
    table(rows)
    if folder:
        subprocess.run(["rm", "-rf", folder], check=False)


def write(out, vendor, rows, args):
    Path(out).mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC)
    record = {
        "date": stamp.isoformat(timespec="seconds"),
        "machine": {
            "platform": platform.platform(),
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "load_average": os.getloadavg(),
        },
        "command": " ".join(sys.argv),
        "repeat": args.repeat,
        "rows": rows,
    }
    path = Path(out) / f"{vendor}-{stamp:%Y%m%d-%H%M}.json"
    path.write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")


def table(rows):
    print(
        "| database | articles | view p50 ms | view p95 ms | icontains p50 ms | icontains p95 ms |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        print(
            f"| {row['database']} | {row['articles']} | {row['view_p50']} | {row['view_p95']} "
            f"| {row['icontains_p50']} | {row['icontains_p95']} |"
        )


if __name__ == "__main__":
    main()
