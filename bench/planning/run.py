#!/usr/bin/env python3
"""Time every planning report (and the calendar) through its real admin view at growing sizes.

    .venv/bin/python bench/planning/run.py --db sqlite --scales 1000,10000,100000
    .venv/bin/python bench/planning/run.py --db postgres --scales 1000,10000,100000

The database comes from bench/common.py: a throwaway SQLite file or PostgreSQL cluster, given
each scale's articles from the ready datasets in /work/bench-data (else seed_bulk). Those
articles are published without any review, so every article without one is given a review
history in bulk (a workflow submitted six to seventy-two hours before publication: department
step approved, every fifth sent back once by the board and approved again, then the board's
approval; the matching audit-log entries). Each report is then timed with Django's test client
as an administrator, for the school year, the calendar year and a 30-year range: one warm-up,
then ``--repeat`` requests with the cache emptied first (figures counted anew) and ``--repeat``
answered from the report cache; median, p95 and maximum milliseconds, this process's CPU
milliseconds and the queries. Results go to bench/planning/results/ as JSON, and a Markdown
table to stdout.
"""

import argparse
import datetime
import json
import os
import platform
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench import common  # noqa: E402

REPORTS = [
    ("tong-quan", "planning_report_overview", {}),
    ("dong-gop", "planning_report_contributions", {}),
    ("dong-gop/nguoi-viet", "planning_report_contributions", {"group": "nguoi-viet"}),
    ("kiem-duyet", "planning_report_moderation", {}),
    ("kiem-duyet/nguoi-duyet", "planning_report_moderation", {"group": "nguoi-duyet"}),
    ("kiem-duyet/dang-cho", "planning_report_moderation", {"group": "dang-cho"}),
    ("chien-dich", "planning_report_campaigns", {}),
    ("chien-dich/theo-ngay", "planning_report_campaigns", {"group": "theo-ngay"}),
    ("guong-sang", "planning_report_exemplars", {}),
    ("chi-tieu", "planning_report_targets", {}),
    ("khen-thuong", "planning_report_shortlist", {}),
    ("dong-gop.xlsx", "planning_report_contributions", {"export": "xlsx"}),
    ("lich (thang)", "planning_calendar", {}),
    ("lich-trinh (366 ngay)", "planning_calendar_agenda", {"so-ngay": "366"}),
]
PERIODS = {
    "thang-nay": {"period": "thang-nay"},
    "nam-hoc": {"period": "nam-hoc"},
    "30 nam": {"period": "tuy-chon", "start": "01/01/2000", "end": "31/12/2030"},
}


def add_history():
    """A review history for every published article without one, in bulk."""
    from django.contrib.auth import get_user_model
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction

    from wagtail.models import Page, PageLogEntry, TaskState, Workflow, WorkflowState

    from articles.models import ArticlePage
    from cms.models import BoardApprovalTask, DepartmentReviewTask

    User = get_user_model()
    head, _ = User.objects.get_or_create(username="bench.head", defaults={"first_name": "Head"})
    board, _ = User.objects.get_or_create(username="bench.board", defaults={"first_name": "Board"})
    author, _ = User.objects.get_or_create(username="bench.author", defaults={"first_name": "An"})
    workflow = Workflow.objects.get(name="Quy trình duyệt tin bài")
    step1 = DepartmentReviewTask.objects.first()
    step2 = BoardApprovalTask.objects.first()
    page_type = ContentType.objects.get_for_model(Page)
    article_type = ContentType.objects.get_for_model(ArticlePage)
    task_state_type = ContentType.objects.get_for_model(TaskState)
    # A set in Python: an "id NOT IN (subquery with a cast)" took minutes at 10,000 pages.
    reviewed = {
        int(pk)
        for pk in WorkflowState.objects.filter(base_content_type=page_type).values_list(
            "object_id", flat=True
        )
    }
    pages = [
        row
        for row in ArticlePage.objects.filter(
            first_published_at__isnull=False, latest_revision__isnull=False
        ).values_list("pk", "first_published_at", "latest_revision_id", "title")
        if row[0] not in reviewed
    ]
    Page.objects.filter(content_type=article_type, owner__isnull=True).update(owner=author)
    rng = random.Random(2026)
    hour = datetime.timedelta(hours=1)
    fields = [
        (WorkflowState, "created_at"),
        (TaskState, "started_at"),
    ]
    for model, name in fields:
        model._meta.get_field(name).auto_now_add = False
    try:
        for start in range(0, len(pages), 2000):
            batch = pages[start : start + 2000]
            with transaction.atomic():
                states = []
                for pk, published, _revision, _title in batch:
                    states.append(
                        WorkflowState(
                            content_type=article_type,
                            base_content_type=page_type,
                            object_id=str(pk),
                            workflow=workflow,
                            status=WorkflowState.STATUS_APPROVED,
                            requested_by=author,
                            created_at=published - rng.randint(6, 72) * hour,
                        )
                    )
                WorkflowState.objects.bulk_create(states)
                task_states, entries = [], []
                for state, (pk, published, revision, title) in zip(states, batch, strict=True):
                    submitted = state.created_at
                    steps = [(step1, head, "approve"), (step2, board, "approve")]
                    if pk % 5 == 0:
                        steps.insert(1, (step2, board, "reject"))
                        steps.insert(2, (step1, head, "approve"))
                    moment = submitted
                    log = [("wagtail.workflow.start", author, submitted)]
                    gap = (published - submitted) / (len(steps) + 1)
                    for task, user, action in steps:
                        finished = moment + gap
                        task_states.append(
                            TaskState(
                                workflow_state=state,
                                revision_id=revision,
                                task=task,
                                status="approved" if action == "approve" else "rejected",
                                started_at=moment,
                                finished_at=finished,
                                finished_by=user,
                                content_type=task_state_type,
                            )
                        )
                        log.append((f"wagtail.workflow.{action}", user, finished))
                        if action == "reject":
                            log.append(("wagtail.workflow.resume", author, finished + gap / 2))
                        moment = finished
                    log.append(("wagtail.publish", board, published))
                    for action, user, when in log:
                        entries.append(
                            PageLogEntry(
                                content_type=article_type,
                                label=title,
                                action=action,
                                data={},
                                timestamp=when,
                                user=user,
                                page_id=pk,
                                revision_id=revision,
                            )
                        )
                TaskState.objects.bulk_create(task_states)
                # As Wagtail leaves it: an approved workflow's current task state is its last.
                last = {}
                for task_state in task_states:
                    last[task_state.workflow_state_id] = task_state
                for state in states:
                    state.current_task_state = last[state.pk]
                WorkflowState.objects.bulk_update(states, ["current_task_state"])
                PageLogEntry.objects.bulk_create(entries)
    finally:
        for model, name in fields:
            model._meta.get_field(name).auto_now_add = True
    return {p[0] for p in pages}


def make_change(rng, changes):
    """A real change before a "cold" request: an article published again through Wagtail
    (a revision, an audit-log entry; the report summary counts its day again when the
    transaction commits). Its wall and CPU milliseconds, sync included, go to ``changes``."""
    from wagtail.models import Page

    from articles.models import ArticlePage

    pk = rng.choice(changes["ids"])
    page = Page.objects.get(pk=pk).specific
    ms, cpu_ms, _ = common.timed(lambda: page.save_revision().publish())
    changes["wall"].append(ms)
    changes["cpu"].append(cpu_ms)
    del ArticlePage


def time_reports(client, only, repeat):
    """{"label · period": {"cold": figures, "cached": figures}} for every report: "cold" is
    the first request after a change (an article published again, the report cache emptied
    too), "cached" the next ones."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from articles.models import ArticlePage

    rng = random.Random(7)
    changes = {
        "ids": list(
            ArticlePage.objects.filter(live=True).order_by("-pk").values_list("pk", flat=True)[:200]
        ),
        "wall": [],
        "cpu": [],
    }
    results = {}
    for label, name, params in REPORTS:
        if only not in label:
            continue
        for period, period_params in PERIODS.items():
            url, query = reverse(name), {**period_params, **params}

            def get(url=url, query=query):
                response = client.get(url, query)
                assert response.status_code == 200, (url, response.status_code)
                if hasattr(response, "streaming_content"):
                    b"".join(response.streaming_content)
                return response

            get()  # warm-up: content types, site, templates

            def runs(cold):
                wall, cpu, counts = [], [], []
                for _ in range(repeat):
                    if cold:
                        make_change(rng, changes)
                        cache.clear()
                    with CaptureQueriesContext(connection) as queries:
                        ms, cpu_ms, _response = common.timed(get)
                    wall.append(ms)
                    cpu.append(cpu_ms)
                    counts.append(len(queries.captured_queries))
                figures = common.summary(wall)
                return {
                    "ms_median": figures["p50"],
                    "ms_p95": figures["p95"],
                    "ms_max": figures["max"],
                    # This process's CPU: Django, and SQLite's work (in process), not
                    # PostgreSQL's; on a loaded machine closer to what the view costs.
                    "cpu_ms_median": common.summary(cpu)["p50"],
                    "queries": max(counts),
                }

            results[f"{label} · {period}"] = {"cold": runs(True), "cached": runs(False)}
    change = {}
    if changes["wall"]:
        change = {
            "publish_ms": common.summary(changes["wall"]),
            "publish_cpu_ms": common.summary(changes["cpu"]),
        }
    return results, change


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--scales", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", default=str(ROOT / "bench" / "planning" / "results"))
    parser.add_argument("--only", default="", help="time only reports whose label has this")
    parser.add_argument(
        "--save-dataset",
        default="",
        help="folder: keep each scale's database, review history and summary included, as a"
        " ready dataset there (LANTOA_BENCH_DATA=<folder> loads it next time)",
    )
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    rows = []
    with common.database(args.db) as db:
        for scale in scales:
            db.ensure(scale)
            common.setup_django(db)
            from django.contrib.auth import get_user_model
            from django.core.management import call_command
            from django.db import connection

            from articles.models import ArticlePage

            started = time.monotonic()
            call_command("setup_editorial", verbosity=0)
            reviewed = len(add_history())
            history_seconds = round(time.monotonic() - started, 1)
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            common.log(f"{scale}: review history added to {reviewed} articles")
            # The history was written in bulk, behind the audit-log signal's back: count the
            # report summary again, as `manage.py rebuild_report_summary` does.
            from planning.stats import summary

            rebuild_ms, rebuild_cpu_ms, _ = common.timed(summary.rebuild)
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
            common.log(f"{scale}: report summary rebuilt in {rebuild_ms / 1000:.1f} s")
            if args.save_dataset:
                folder = Path(args.save_dataset)
                folder.mkdir(parents=True, exist_ok=True)
                name = "sqlite-{}.sqlite3" if db.vendor == "sqlite" else "postgres-{}.dump"
                target = folder / name.format(scale)
                db.dump(str(target) + ".tmp")
                os.replace(str(target) + ".tmp", target)
                media = folder / "media"
                if not media.exists():
                    media.symlink_to(common.DATA / "media")
                common.log(f"{scale}: saved as {target}")
            load_before = os.getloadavg()
            User = get_user_model()
            admin = User.objects.filter(username="bench.admin").first()
            if admin is None:
                admin = User.objects.create_superuser("bench.admin", "", "x")
            client = common.client()
            client.force_login(admin)
            reports, change = time_reports(client, args.only, args.repeat)
            row = {
                "database": connection.vendor,
                "articles": ArticlePage.objects.count(),
                "history_seconds": history_seconds,
                "summary_rebuild_ms": round(rebuild_ms),
                "summary_rebuild_cpu_ms": round(rebuild_cpu_ms),
                "reports": reports,
                "change": change,
                "load_average": {"before": load_before, "after": os.getloadavg()},
            }
            rows.append(row)
            if row["reports"]:
                worst = max(row["reports"].items(), key=lambda i: i[1]["cold"]["ms_median"])
                common.log(
                    f"{row['database']} {row['articles']}: slowest {worst[0]} "
                    f"{worst[1]['cold']['ms_median']} ms"
                )
            write(args.out, row["database"], rows, args)
    if rows and rows[0]["reports"]:
        table(rows)


def write(out, vendor, rows, args):
    Path(out).mkdir(parents=True, exist_ok=True)
    machine = common.machine()
    record = {
        "date": machine["date"],
        "machine": {**machine, "platform": platform.platform(), "load_average": os.getloadavg()},
        "command": " ".join(sys.argv),
        "repeat": args.repeat,
        "rows": rows,
    }
    stamp = datetime.datetime.now(datetime.UTC)
    path = Path(out) / f"{vendor}-{stamp:%Y%m%d-%H%M}.json"
    path.write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")


def table(rows):
    """Markdown: per report and period, the first request after a change — median / max wall
    ms [median CPU ms of this process] (queries) — then the next ones from the cache: median
    wall ms [CPU ms]."""
    scales = [f"{row['database']} {row['articles']:,}" for row in rows]
    print("| report · period | " + " | ".join(scales) + " |")
    print("| --- |" + " ---: |" * len(scales))
    for key in rows[0]["reports"]:
        cells = []
        for row in rows:
            cold, warm = row["reports"][key]["cold"], row["reports"][key]["cached"]
            cells.append(
                f"{cold['ms_median']:.0f} / {cold['ms_max']:.0f} [{cold['cpu_ms_median']:.0f}]"
                f" ({cold['queries']}) · {warm['ms_median']:.0f} [{warm['cpu_ms_median']:.0f}]"
            )
        print(f"| {key} | " + " | ".join(cells) + " |")
    for row in rows:
        change = row.get("change") or {}
        if change:
            print(
                f"\n{row['database']} {row['articles']:,}: the change (publish + summary sync)"
                f" {change['publish_ms']['p50']:.0f} ms wall, "
                f"{change['publish_cpu_ms']['p50']:.0f} ms CPU (median); summary rebuilt in "
                f"{row['summary_rebuild_ms'] / 1000:.1f} s ({row['summary_rebuild_cpu_ms'] / 1000:.1f}"
                f" s CPU); load {row['load_average']['before']} → {row['load_average']['after']}"
            )


if __name__ == "__main__":
    main()
