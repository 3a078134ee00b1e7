"""Moderation: the workflow and the audit log per department and reviewer; pages waiting."""

from collections import Counter, defaultdict

from django.db.models import Count, F, IntegerField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.models import (
    Page,
    PageLogEntry,
    TaskState,
    WorkflowState,
)

from planning.stats.common import (
    APPROVE_ACTION,
    BOARD_KEY,
    BOARD_LABEL,
    REJECT_ACTION,
    SUBMIT_ACTIONS,
    Departments,
    days,
    median,
    percentile,
    user_names,
)

# Moderation -------------------------------------------------------------------------------


def moderation(period, now):
    """Submissions, approvals, requests for changes and time to publication, per department and
    per reviewer, and the pages waiting now with their age. Five queries."""
    departments = Departments()
    start, end = period.bounds()
    actions = (
        PageLogEntry.objects.filter(
            timestamp__gte=start,
            timestamp__lt=end,
            action__in=[*SUBMIT_ACTIONS, APPROVE_ACTION, REJECT_ACTION],
        )
        .annotate(**departments.annotations("page__path"))
        .values("action", "user_id", *departments.annotations())
        .annotate(n=Count("pk"))
        .order_by()
    )
    dept_counts = defaultdict(Counter)
    reviewer_counts = defaultdict(Counter)
    for row in actions:
        department = departments.of(row)
        key = department.pk if department else BOARD_KEY
        kind = "submitted" if row["action"] in SUBMIT_ACTIONS else row["action"].rsplit(".", 1)[1]
        dept_counts[key][kind] += row["n"]
        if kind in {"approve", "reject"} and row["user_id"]:
            reviewer_counts[row["user_id"]][kind] += row["n"]

    # Workflows approved (so published, or scheduled) in the period: submission -> publication.
    page_path = Page.objects.filter(pk=Cast(OuterRef("object_id"), IntegerField())).values("path")[
        :1
    ]
    # An approved workflow keeps its last task state, the final approval, as current: its
    # finish time is the decision, found through an indexed join rather than an aggregate
    # over every task state.
    approved = WorkflowState.objects.filter(
        status=WorkflowState.STATUS_APPROVED,
        base_content_type__app_label="wagtailcore",
        base_content_type__model="page",
        current_task_state__finished_at__gte=start,
        current_task_state__finished_at__lt=end,
    )
    finished = list(
        approved.annotate(
            decided_at=F("current_task_state__finished_at"),
            go_live_at=F("current_task_state__revision__approved_go_live_at"),
            page_path=Subquery(page_path),
        ).values("pk", "created_at", "decided_at", "page_path", "go_live_at")
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
    for workflow in finished:
        published_at = max(workflow["decided_at"], workflow["go_live_at"] or workflow["decided_at"])
        seconds = (published_at - workflow["created_at"]).total_seconds()
        durations[workflow["pk"]] = seconds
        department = departments.of_path(workflow["page_path"] or "")
        dept_durations[department.pk if department else BOARD_KEY].append(seconds)

    def timing(values):
        return {
            "published": len(values),
            "median_days": days(median(values)),
            "p90_days": days(percentile(values, 0.9)),
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
    return {
        "departments": department_rows,
        "reviewers": reviewer_rows,
        "waiting": waiting_pages(departments, now),
    }


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
