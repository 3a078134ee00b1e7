"""Moderation: the workflow and the audit log per department and reviewer; pages waiting."""

from collections import Counter, defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Coalesce, Greatest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.models import (
    Page,
    PageLogEntry,
    TaskState,
    WorkflowState,
)

from planning.stats.cache import cached
from planning.stats.common import (
    APPROVE_ACTION,
    BOARD_KEY,
    BOARD_LABEL,
    REJECT_ACTION,
    SUBMIT_ACTIONS,
    DaysBetween,
    Departments,
    days,
    median,
    percentile,
    rounded,
    user_names,
)

# Moderation -------------------------------------------------------------------------------


def moderation(period, now):
    """The figures of ``period`` (from the cache while nothing changed) and the pages waiting
    now with their age (counted on every call: their age moves with the clock)."""
    figures = cached("moderation", moderation_figures, period)
    return {**figures, "waiting": waiting_pages(Departments(), now)}


def moderation_figures(period):
    """Submissions, approvals, requests for changes and time to publication, per department and
    per reviewer."""
    departments = Departments()
    start, end = period.bounds()
    logged = PageLogEntry.objects.filter(
        timestamp__gte=start,
        timestamp__lt=end,
        action__in=[*SUBMIT_ACTIONS, APPROVE_ACTION, REJECT_ACTION],
    )
    dept_counts = defaultdict(Counter)
    for row in per_department(logged, departments):
        department = departments.of(row)
        key = department.pk if department else BOARD_KEY
        for kind in ("submitted", "approve", "reject"):
            dept_counts[key][kind] += row[kind] or 0
    # Reviewers need no page: read from the log's index alone.
    reviewer_counts = defaultdict(Counter)
    for action, user_id, n in (
        logged.filter(action__in=[APPROVE_ACTION, REJECT_ACTION], user_id__isnull=False)
        .values("action", "user_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("action", "user_id", "n")
    ):
        reviewer_counts[user_id][action.rsplit(".", 1)[1]] += n

    # Workflows approved (so published, or scheduled) in the period: submission -> publication.
    page_path = Page.objects.filter(pk=Cast(OuterRef("object_id"), IntegerField())).values("path")[
        :1
    ]
    # An approved workflow keeps its last task state, the final approval, as current: its
    # finish time is the decision, found through an indexed join rather than an aggregate
    # over every task state.
    approved = WorkflowState.objects.filter(
        status=WorkflowState.STATUS_APPROVED,
        base_content_type=ContentType.objects.get_for_model(Page),
        current_task_state__finished_at__gte=start,
        current_task_state__finished_at__lt=end,
    )
    # The days are counted by the database: only numbers and path prefixes come back.
    decided = F("current_task_state__finished_at")
    published_at = Greatest(
        decided, Coalesce(F("current_task_state__revision__approved_go_live_at"), decided)
    )
    finished = (
        approved.annotate(page_path=Subquery(page_path))
        .annotate(elapsed=DaysBetween(published_at, F("created_at")))
        .annotate(**departments.annotations("page_path"))
        .values_list("pk", "elapsed", *departments.annotations())
    )
    approvers = defaultdict(set)
    for workflow_id, user_id in TaskState.objects.filter(
        workflow_state__in=approved.values("pk"),
        status=TaskState.STATUS_APPROVED,
        finished_by__isnull=False,
    ).values_list("workflow_state_id", "finished_by_id"):
        approvers[user_id].add(workflow_id)
    durations = {}
    dept_durations = defaultdict(list)
    prefixes = list(departments.annotations())
    for workflow_id, elapsed, *paths in finished:
        durations[workflow_id] = elapsed
        department = departments.of(dict(zip(prefixes, paths, strict=True)))
        dept_durations[department.pk if department else BOARD_KEY].append(elapsed)

    def timing(values):
        return {
            "published": len(values),
            "median_days": rounded(median(values)),
            "p90_days": rounded(percentile(values, 0.9)),
        }

    department_rows = []
    for department in [*departments.list, None]:
        key = department.pk if department else BOARD_KEY
        counts = dept_counts.get(key, Counter())
        department_rows.append(
            {
                "name": department.name if department else str(BOARD_LABEL),
                "url": department.pages_url if department else "",
                "submitted": counts["submitted"],
                "approved": counts["approve"],
                "rejected": counts["reject"],
                **timing(dept_durations.get(key, [])),
            }
        )
    reviewer_ids = set(reviewer_counts) | set(approvers)
    names = user_names(reviewer_ids)
    reviewer_rows = []
    for user_id in reviewer_ids:
        counts = reviewer_counts.get(user_id, Counter())
        reviewer_rows.append(
            {
                "name": names.get(user_id, str(_("(deleted account)"))),
                "approved": counts["approve"],
                "rejected": counts["reject"],
                **timing([durations[w] for w in approvers.get(user_id, ()) if w in durations]),
            }
        )
    reviewer_rows.sort(key=lambda r: (-(r["approved"] + r["rejected"]), r["name"]))
    return {"departments": department_rows, "reviewers": reviewer_rows}


def per_department(logged, departments):
    """Workflow actions of ``logged`` counted per page first, then per department: each page's
    path is read once, not once per action. One query; rows carry the path prefixes."""
    per_page = (
        logged.values("page_id")
        .annotate(
            submitted=Count("pk", filter=Q(action__in=SUBMIT_ACTIONS)),
            approve=Count("pk", filter=Q(action=APPROVE_ACTION)),
            reject=Count("pk", filter=Q(action=REJECT_ACTION)),
        )
        .order_by()
    )
    inner, params = per_page.query.sql_with_params()
    names = [f"prefix{n}" for n in departments.lengths]
    prefixes = [f"SUBSTR(p.path, 1, {n})" for n in departments.lengths] or ["''"]
    sql = (
        f"SELECT {', '.join(prefixes)}, SUM(g.submitted), SUM(g.approve), SUM(g.reject)"
        f" FROM ({inner}) g INNER JOIN {Page._meta.db_table} p ON p.id = g.page_id"
        f" GROUP BY {', '.join(prefixes)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    columns = [*(names or ["none"]), "submitted", "approve", "reject"]
    return [dict(zip(columns, row, strict=True)) for row in rows]


def waiting_pages(departments, now):
    """Pages in review now, oldest submission first, with their current step. One query."""
    page = Page.objects.filter(pk=Cast(OuterRef("workflow_state__object_id"), IntegerField()))
    states = (
        TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            workflow_state__base_content_type__app_label="wagtailcore",
            workflow_state__base_content_type__model="page",
        )
        .annotate(
            page_id=Subquery(page.values("pk")[:1]),
            page_title=Subquery(page.values("title")[:1]),
            page_path=Subquery(page.values("path")[:1]),
        )
        .filter(page_id__isnull=False)
        .values(
            "page_id",
            "page_title",
            "page_path",
            "task__name",
            "started_at",
            "workflow_state__created_at",
            "workflow_state__requested_by__first_name",
            "workflow_state__requested_by__last_name",
            "workflow_state__requested_by__username",
        )
        .order_by("workflow_state__created_at")
    )
    rows = []
    for state in states:
        department = departments.of_path(state["page_path"] or "")
        submitted = state["workflow_state__created_at"]
        author = " ".join(
            part
            for part in (
                state["workflow_state__requested_by__first_name"],
                state["workflow_state__requested_by__last_name"],
            )
            if part
        )
        rows.append(
            {
                "name": state["page_title"],
                "url": reverse("wagtailadmin_pages:edit", args=[state["page_id"]]),
                "department": department.name if department else str(BOARD_LABEL),
                "author": author or state["workflow_state__requested_by__username"] or "",
                "step": state["task__name"],
                "submitted_at": submitted,
                "step_started_at": state["started_at"],
                "age_days": days((now - submitted).total_seconds()),
            }
        )
    return rows
