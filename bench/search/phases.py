#!/usr/bin/env python3
"""Where a search request's time goes, phase by phase, without a profiler's overhead.

    flock /work/bench.lock .venv/bin/python bench/search/phases.py --db sqlite --scales 1000
    flock /work/bench.lock .venv/bin/python bench/search/phases.py --db postgres --scales 100000

The production stack in-process, as ``bench/flat.py --profile`` runs it (production settings
through Django's WSGI handler, page cache off), on the same two URLs (search for "công đoàn",
and with the type and year filters) plus any ``--query``. The view's functions are wrapped with
a timer (each call's wall time, its callees included, so nested phases overlap); per URL, the
median over ``--repeat`` requests of the request's CPU and wall time and of each phase's wall
time. Nothing is written but stdout.
"""

import argparse
import functools
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from bench import common  # noqa: E402
from bench.flat import URLS_CODE, wsgi_get  # noqa: E402

PHASES = {
    "search.views": [
        "read_filters",
        "base_pages",
        "filter_pages",
        "matched_ids",
        "ordered_ids",
        "facet_boosts",
        "index_texts",
        "paginate",
        "describe",
        "editors_picks",
        "add_hit",
        "filter_choices",
        "filter_options",
        "suggestions",
        "render",
    ],
    "search.engine": ["candidates", "title_scores", "with_ids"],
}


def instrument(timings):
    import importlib

    def wrap(module, name):
        original = getattr(module, name)

        @functools.wraps(original)
        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                timings[name] = timings.get(name, 0) + time.perf_counter() - started

        setattr(module, name, timed)

    for module_name, names in PHASES.items():
        module = importlib.import_module(module_name)
        for name in names:
            if hasattr(module, name):
                wrap(module, name)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--scales", default="1000")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--query", action="append", default=[], help="more queries (q=...)")
    args = parser.parse_args()
    with common.database(args.db) as db:
        scales = [int(s) for s in args.scales.split(",")]
        db.ensure(scales[0])
        db.manage("collectstatic", "--noinput", production=True)
        os.environ.update(common.production_env(db.env))
        # Every request walks the index: the engine, not its kept matches (search.views).
        os.environ["SEARCH_KEEP_MATCHES"] = "false"
        common.setup_django(db, settings="settings.production")
        from django.core.cache import caches
        from django.core.wsgi import get_wsgi_application

        app = get_wsgi_application()
        timings = {}
        instrument(timings)
        print(common.machine())
        for scale in scales:
            db.ensure(scale)
            for cache in caches.all():
                cache.clear()
            namespace = {}
            exec(URLS_CODE, namespace)  # noqa: S102 - our own code, run after django.setup()
            urls = {k: v for k, v in namespace["URLS"].items() if k.startswith("search")}
            for query in args.query:
                urls[query] = ("/tim-kiem/", {"q": query})
            for name, (path, data) in urls.items():
                for _ in range(3):
                    wsgi_get(app, path, data)
                rows = []
                for _ in range(args.repeat):
                    timings.clear()
                    cpu, wall = time.process_time(), time.perf_counter()
                    status, _content = wsgi_get(app, path, data)
                    timings["REQUEST cpu"] = time.process_time() - cpu
                    timings["REQUEST wall"] = time.perf_counter() - wall
                    rows.append(dict(timings))
                print(f"\n{db.label} {db.articles:,} {name} (HTTP {status}), median ms:")
                for phase in rows[-1]:
                    values = [row.get(phase, 0) * 1000 for row in rows]
                    print(f"  {phase:16} {statistics.median(values):7.2f}")


if __name__ == "__main__":
    main()
