#!/usr/bin/env python3
"""Time every planning report (and the calendar) through its real admin view at growing sizes.

    .venv/bin/python bench/planning/run.py --scales 1000,10000,100000              # SQLite
    .venv/bin/python scripts/pg_cluster.py -- \\
        .venv/bin/python bench/planning/run.py --scales 1000,10000,100000          # PostgreSQL

Uses DATABASE_URL when set (pg_cluster.py sets it), else a fresh SQLite file in a temporary
folder. Migrates, then for each scale adds articles with ``seed_bulk`` up to that many, gives
every new article a review history in bulk (a workflow submitted one to three days before
publication: department step approved, every fifth sent back once by the board, then
approved; the matching audit-log entries), and times each report with Django's test client
as an administrator: one warm-up, then ``--repeat`` runs; the median is reported in
milliseconds, with the number of queries, for the school year, the calendar year and a
30-year range. Results go to bench/planning/results/ as JSON and a Markdown table.
"""

import argparse
import datetime
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

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
    "nam-hoc": {"period": "nam-hoc"},
    "nam-nay": {"period": "nam-nay"},
    "30 nam": {"period": "tuy-chon", "start": "01/01/2000", "end": "31/12/2030"},
}


def add_history(done_ids):
    """Review history for every article not yet in ``done_ids``, in bulk."""
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
    pages = list(
        ArticlePage.objects.exclude(pk__in=done_ids).values_list(
            "pk", "first_published_at", "latest_revision_id", "title"
        )
    )
    Page.objects.filter(pk__in=[p[0] for p in pages], owner__isnull=True).update(owner=author)
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", default=str(ROOT / "bench" / "planning" / "results"))
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]

    folder = None
    if not os.environ.get("DATABASE_URL"):
        folder = tempfile.mkdtemp(prefix="lantoa-planning-bench-")
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "settings.test"

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from articles.models import ArticlePage

    vendor = connection.vendor
    print(f"[bench/planning] {vendor}: migrating", file=sys.stderr, flush=True)
    call_command("migrate", verbosity=0)
    admin = get_user_model().objects.create_superuser("bench.admin", "", "x")
    client = Client()
    client.force_login(admin)
    done = set()
    rows = []
    for scale in scales:
        current = ArticlePage.objects.count()
        started = time.monotonic()
        if current < scale:
            call_command("seed_bulk", articles=scale - current, no_index=True)
            call_command("setup_editorial", verbosity=0)
        done |= add_history(done)
        seed_seconds = round(time.monotonic() - started, 1)
        if vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        results = {}
        for label, name, params in REPORTS:
            for period, period_params in PERIODS.items():
                url = reverse(name)
                query = {**period_params, **params}

                def get(url=url, query=query):
                    response = client.get(url, query)
                    assert response.status_code == 200, (url, response.status_code)
                    if hasattr(response, "streaming_content"):
                        b"".join(response.streaming_content)
                    return response

                get()
                times = []
                for _ in range(args.repeat):
                    with CaptureQueriesContext(connection) as queries:
                        began = time.perf_counter()
                        get()
                        times.append((time.perf_counter() - began) * 1000)
                results[f"{label} · {period}"] = {
                    "ms_median": round(statistics.median(times), 1),
                    "queries": len(queries.captured_queries),
                }
        row = {
            "database": vendor,
            "articles": ArticlePage.objects.count(),
            "seed_seconds": seed_seconds,
            "reports": results,
        }
        rows.append(row)
        worst = max(results.items(), key=lambda item: item[1]["ms_median"])
        print(
            f"[bench/planning] {vendor} {row['articles']}: slowest {worst[0]} "
            f"{worst[1]['ms_median']} ms",
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
    path = Path(out) / f"{vendor}-{stamp:%Y%m%d}.json"
    path.write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")


def table(rows):
    scales = [row["articles"] for row in rows]
    print("| report · period | " + " | ".join(f"{n} articles: ms (queries)" for n in scales) + " |")
    print("| --- |" + " ---: |" * len(scales))
    for key in rows[0]["reports"]:
        cells = [
            f"{row['reports'][key]['ms_median']} ({row['reports'][key]['queries']})" for row in rows
        ]
        print(f"| {key} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
