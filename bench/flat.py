#!/usr/bin/env python3
"""Is the site flat as the archive grows? Each page's cost at several scales, in-process.

    .venv/bin/python bench/flat.py --db sqlite   --scales 1000,10000,100000
    .venv/bin/python bench/flat.py --db postgres --scales 1000,10000

For each scale it takes a throwaway database from bench/common.py (the ready datasets of
/work/bench-data when present), then requests home, news index, its 50th page, the newest
article, the campaign with most articles, the most used tag, the archive index, search
without and with filters, the RSS feed and the English news index through Django's test
client (the whole stack but the HTTP server, page cache off), ``--repeat`` times after one warm-up, and records wall and CPU milliseconds (p50/p95).
On SQLite the database runs in this process, so CPU time is what a request costs whatever
else the machine is doing; on PostgreSQL the server's own time is only in the wall clock.
The table gives each scale's p50 as a multiple of the first scale's (issue #8: home and
indexes at most 1.5×, search 3×, from 1,000 to 100,000 articles).

Results: bench/results/flat-<date>-<db>.json and a Markdown table on stdout.
"""

import argparse
import datetime
import json
import sys
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
tag = Tag.objects.annotate(n=Count("articles_articlepagetag_items")).order_by("-n").first()
q = "c\u00f4ng \u0111o\u00e0n"
URLS = {
    "home": ("/", {}),
    "news_index": (news, {}),
    "news_page_50": (news, {"trang": "50"}),
    "article": (article.url, {}),
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


def measure(repeat):
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()  # nothing cached from the previous scale's database
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
    lines = [
        f"\n#### {run['label']}: p50 {key} ms per request (× the {scales[0]:,}-article figure)",
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--scales", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    run = {"machine": common.machine(), "repeat": args.repeat, "rows": []}
    with common.database(args.db) as db:
        run.update(vendor=db.vendor, label=db.label)
        db.ensure(scales[0])
        common.setup_django(db, settings="settings.test")
        for scale in scales:
            db.ensure(scale)
            run["rows"].append({"articles": db.articles, "pages": measure(args.repeat)})
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M")
    out = ROOT / "bench" / "results" / f"flat-{stamp}-{run['label']}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(run, indent=2, ensure_ascii=False) + "\n")
    common.log(f"results in {out.relative_to(ROOT)}")
    print(table(run), flush=True)


if __name__ == "__main__":
    main()
