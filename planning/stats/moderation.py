"""Moderation: the workflow and the audit log per department and reviewer; pages waiting."""

import math
from collections import Counter, defaultdict

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.models import (
    Page,
    PageLogEntry,
    TaskState,
)

from planning.stats.cache import cached
from planning.stats.common import (
    APPROVE_ACTION,
    BOARD_KEY,
    BOARD_LABEL,
    REJECT_ACTION,
    SUBMIT_ACTIONS,
    Departments,
    days,
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
    per reviewer, read from the report summary (whole years, months and days of the period).
    Four queries (five when the summary has something new to count)."""
    from planning.models import ReportFigure as F_
    from planning.stats import summary

    summary.ensure_current()
    departments = Departments()
    dept_counts = defaultdict(Counter)
    reviewer_counts = defaultdict(Counter)
    dept_durations = defaultdict(Counter)
    reviewer_durations = defaultdict(Counter)
    kinds = {
        F_.SUBMITTED: "submitted",
        F_.APPROVED: "approve",
        F_.REJECTED: "reject",
        F_.REVIEWER_APPROVED: "approve",
        F_.REVIEWER_REJECTED: "reject",
    }
    for metric, department, user, value, n in summary.read(
        period, list(kinds) + [F_.DURATION, F_.APPROVER_DURATION], "department", "user", "tenths"
    ):
        key = department if department in departments.by_pk else BOARD_KEY
        if metric in (F_.SUBMITTED, F_.APPROVED, F_.REJECTED):
            dept_counts[key][kinds[metric]] += n
        elif metric in (F_.REVIEWER_APPROVED, F_.REVIEWER_REJECTED):
            reviewer_counts[user][kinds[metric]] += n
        elif metric == F_.DURATION:
            dept_durations[key][value] += n
        else:
            reviewer_durations[user][value] += n
    return _figures(departments, dept_counts, reviewer_counts, dept_durations, reviewer_durations)


def moderation_figures_raw(period):
    """The same figures counted from the audit log and the workflow tables (the summary's
    reference)."""
    from planning.stats import summary

    departments = Departments()
    start, end = period.bounds()
    logged = PageLogEntry.objects.filter(
        timestamp__gte=start,
        timestamp__lt=end,
        action__in=[*SUBMIT_ACTIONS, APPROVE_ACTION, REJECT_ACTION],
    )
    dept_counts = defaultdict(Counter)
    for row in summary.action_rows(departments, logged, by_day=False):
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
    rows, approvers = summary.approved_workflows(departments, start=start, end=end)
    dept_durations = defaultdict(Counter)
    reviewer_durations = defaultdict(Counter)
    for workflow_id, _day, elapsed, department in rows:
        value = summary.tenths(elapsed)
        dept_durations[department if department is not None else BOARD_KEY][value] += 1
        for user_id in approvers.get(workflow_id, ()):
            reviewer_durations[user_id][value] += 1
    return _figures(departments, dept_counts, reviewer_counts, dept_durations, reviewer_durations)


def _nth(ordered, rank):
    """The ``rank``-th (from 1) of the values a sorted [(tenths, workflows)] histogram holds."""
    seen = 0
    for value, n in ordered:
        seen += n
        if seen >= rank:
            return value / 10
    return None


def timing(histogram):
    """Workflows, median and 90th percentile (nearest rank) days to publication, from
    {tenths of a day: workflows}: what ``median`` and ``percentile`` give on the list of
    values, without making the list."""
    ordered = sorted((value, n) for value, n in histogram.items() if n)
    total = sum(n for _value, n in ordered)
    if not total:
        return {"published": 0, "median_days": None, "p90_days": None}
    if total % 2:
        middle = _nth(ordered, (total + 1) // 2)
    else:
        middle = (_nth(ordered, total // 2) + _nth(ordered, total // 2 + 1)) / 2
    p90 = _nth(ordered, max(1, math.ceil(0.9 * total)))
    return {"published": total, "median_days": rounded(middle), "p90_days": rounded(p90)}


def _figures(departments, dept_counts, reviewer_counts, dept_durations, reviewer_durations):
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
                **timing(dept_durations.get(key, Counter())),
            }
        )
    reviewer_ids = set(reviewer_counts) | set(reviewer_durations)
    names = user_names(reviewer_ids)
    reviewer_rows = []
    for user_id in reviewer_ids:
        counts = reviewer_counts.get(user_id, Counter())
        reviewer_rows.append(
            {
                "name": names.get(user_id, str(_("(deleted account)"))),
                "approved": counts["approve"],
                "rejected": counts["reject"],
                **timing(reviewer_durations.get(user_id, Counter())),
            }
        )
    reviewer_rows.sort(key=lambda r: (-(r["approved"] + r["rejected"]), r["name"]))
    return {"departments": department_rows, "reviewers": reviewer_rows}


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
