#!/usr/bin/env python3
"""Search latency through the real view at growing archive sizes, beside a plain icontains scan.

    .venv/bin/python bench/search/run.py --db sqlite --scales 1000,10000,100000
    .venv/bin/python bench/search/run.py --db postgres --scales 1000,10000,100000

The database is a throwaway copy made by bench/common.py: the ready dataset of each scale in
/work/bench-data/ when there is one (else the base dataset plus ``seed_bulk``), SQLite in a
temporary folder or PostgreSQL in a private cluster, removed at the end. For each scale the
20 queries of QUERIES are sent through ``/tim-kiem/`` with Django's test client (the whole
view: cleaning, engine, filters, ranking, template), ``--repeat`` times each after one warm-up
run. The baseline is what a naive search would do on the same data: a case-insensitive
``icontains`` on title, lead and body of live articles, counting matches and fetching the first
ten. Figures are milliseconds (wall clock, and this process's CPU time: with SQLite the
database runs in the process); results are written to bench/search/results/ as JSON and
printed as a Markdown table.
"""

import argparse
import datetime
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench import common  # noqa: E402

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

# Beside the 20 (not in their percentiles): the English page and filters, whose candidates are
# restricted before the newest are kept (search.engine: a looked-up, set or chunked scope).
EXTRA = [
    ("/en/search/", {"q": "cong doan"}),
    ("/en/search/", {"q": "20/11"}),
    ("/tim-kiem/", {"q": "cong doan", "loai": "guong-sang"}),
    ("/tim-kiem/", {"q": "cong doan", "nam": "2023"}),
    ("/tim-kiem/", {"q": "cong doan", "loai": "bai-viet"}),
    ("/tim-kiem/", {"q": "hoi nghi", "loai": "bai-viet", "sap-xep": "moi-nhat"}),
]

COUNT = re.compile(r'class="result-count"[^>]*>\D*(\d+)')


EXPLAINED = ["cong doan", "nu cong gia chanh", "bao hiem xa hoi", "xylophone"]


def explain():
    """The database's plans of the engine's statements (EXPLAIN ANALYZE on PostgreSQL, EXPLAIN
    QUERY PLAN on SQLite): the main language's walk, and the English pages' scope."""
    from modelsearch.utils import get_descendants_content_types_pks

    from django.db import connection

    from wagtail.models import Locale, Page

    from search import engine

    types = ", ".join(str(pk) for pk in get_descendants_content_types_pks(Page))
    main = engine.main_locale_id()
    english = Locale.objects.filter(language_code="en").first()
    plans = {}
    for query in EXPLAINED:
        terms = query.split()
        statements = {}
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT MAX(id) FROM wagtailsearch_indexentry")
                since = cursor.fetchone()[0] - engine.WINDOW
            statements["main, window"] = engine._postgresql(terms, "and", since, main)
            statements["main, whole index"] = engine._postgresql(terms, "and", None, main)
            if english:
                scope = Page.objects.filter(locale=english).values("pk").query.sql_with_params()
                statements["English"] = engine._postgresql(terms, "and", None, None, scope)
            prefix = "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) "
        else:
            statements["main"] = engine._sqlite(terms, "and", main)
            prefix = "EXPLAIN QUERY PLAN "
        for name, (sql, params) in statements.items():
            with connection.cursor() as cursor:
                cursor.execute(prefix + sql.replace("{types}", types), params)
                plans[f"{query} — {name}"] = [str(row[-1]) for row in cursor.fetchall()]
    return plans


def measure(client, repeat, scan_repeat=None):
    from django.db import connection
    from django.db.models import Q

    from articles.models import ArticlePage

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    view, scan, view_cpu, scan_cpu, per_query = [], [], [], [], {}
    database = []  # per timed request: ms spent waiting for the database's answers

    def timer(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent[0] += (time.perf_counter() - started) * 1000

    spent = [0.0]
    for query in QUERIES:

        def search(query=query):
            spent[0] = 0.0
            with connection.execute_wrapper(timer):
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
        scan_repeat = repeat if scan_repeat is None else scan_repeat
        if scan_repeat >= repeat:
            icontains()  # warm-up (skipped when the scan is timed fewer times: a long scan)
        view_times, scan_times = [], []
        for number in range(repeat):
            elapsed, cpu, found = common.timed(search)
            view_times.append(elapsed)
            view_cpu.append(cpu)
            database.append(spent[0])
            if number < scan_repeat:
                elapsed, cpu, (scanned, _first) = common.timed(icontains)
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
    extra = {}
    for path, params in EXTRA:

        def page(path=path, params=params):
            response = client.get(path, params)
            assert response.status_code == 200, response.status_code
            match = COUNT.search(response.content.decode())
            return int(match.group(1)) if match else 0

        page()
        times = [common.timed(page) for _ in range(repeat)]
        extra[f"{path}?{urlencode(params)}"] = {
            "view_ms_median": round(statistics.median(t[0] for t in times), 1),
            "view_cpu_ms_median": round(statistics.median(t[1] for t in times), 1),
            "found": times[-1][2],
        }
    return {
        "view": common.summary(view),
        "view_cpu": common.summary(view_cpu),
        "view_database": common.summary(database),
        "icontains": common.summary(scan),
        "icontains_cpu": common.summary(scan_cpu),
        "queries": per_query,
        "extra": extra,
        "plans": explained(),
    }


def explained():
    try:
        return explain()
    except Exception as error:  # noqa: BLE001 - a plan is a bonus; never lose the figures
        return {"error": repr(error)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--scales", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--scan-repeat",
        type=int,
        default=None,
        help="timed icontains scans per query (default --repeat; fewer, and no warm-up, "
        "where one scan takes seconds)",
    )
    parser.add_argument("--out", default=str(ROOT / "bench" / "search" / "results"))
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    started = common.machine()
    rows = []
    with common.database(args.db) as db:
        for number, scale in enumerate(scales):
            db.ensure(scale)
            if number == 0:
                # Every request walks the index: the engine, not its kept matches (search.views).
                os.environ["SEARCH_KEEP_MATCHES"] = "false"
                common.setup_django(db)
                client = common.client()
            from django.core.cache import cache

            cache.clear()
            common.log(f"search: {db.label} {scale} articles, {len(QUERIES)} queries")
            row = {
                "database": db.vendor,
                "articles": db.articles,
                **measure(client, args.repeat, args.scan_repeat),
            }
            rows.append(row)
            common.log(
                f"search {db.vendor} {row['articles']}: view p50/p95 {row['view']['p50']}/"
                f"{row['view']['p95']} ms (CPU {row['view_cpu']['p50']}/{row['view_cpu']['p95']}"
                f", database {row['view_database']['p50']}/{row['view_database']['p95']})"
                f"; icontains {row['icontains']['p50']}/{row['icontains']['p95']} ms (CPU "
                f"{row['icontains_cpu']['p50']}/{row['icontains_cpu']['p95']})"
            )
            write(args, db.vendor, rows, started)
    table(rows)
    for row in rows:
        for url, figures in row["extra"].items():
            print(f"{row['database']} {row['articles']:,} {url}: {figures}")
        for name, plan in row["plans"].items():
            print(f"{row['database']} {row['articles']:,} plan {name}:", *plan, sep="\n    ")


def write(args, vendor, rows, started):
    Path(args.out).mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC)
    record = {
        "machine": started,
        "finished": stamp.isoformat(timespec="seconds"),
        "command": " ".join([".venv/bin/python", *sys.argv]),
        "repeat": args.repeat,
        "rows": rows,
    }
    path = Path(args.out) / f"{vendor}-{stamp:%Y%m%d-%H%M}.json"
    path.write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")


def table(rows):
    print(
        "| database | articles | view p50 | view p95 | view CPU p50 | view CPU p95 "
        "| icontains p50 | icontains p95 | icontains CPU p50 | icontains CPU p95 |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        cells = [
            row[key][stat]
            for key in ("view", "view_cpu", "icontains", "icontains_cpu")
            for stat in ("p50", "p95")
        ]
        print(f"| {row['database']} | {row['articles']:,} | " + " | ".join(map(str, cells)) + " |")


if __name__ == "__main__":
    main()
