"""Dashboard panels: the board's review queue, and each department's own pages."""

import datetime

from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState

from cms import roles
from cms.models import BoardApprovalTask, DepartmentPage, TakedownRequest
from cms.utils import attach_departments

OVERDUE_AFTER = datetime.timedelta(days=2)


def is_board(user):
    return user.is_superuser or user.groups.filter(name=roles.COMMUNICATIONS).exists()


def departments_of(user):
    """The departments whose editor or head group ``user`` belongs to."""
    group_ids = list(user.groups.values_list("pk", flat=True))
    return DepartmentPage.objects.filter(
        Q(editors_group_id__in=group_ids) | Q(heads_group_id__in=group_ids)
    )


class BoardQueuePanel(Component):
    """Pages waiting for the board's decision, oldest first; more than two days is overdue."""

    name = "lantoa_board_queue"
    template_name = "cms/panels/board_queue.html"
    order = 50

    def render_html(self, parent_context=None):
        request = parent_context["request"]
        if not is_board(request.user):
            return ""
        now = timezone.now()
        states = list(
            TaskState.objects.filter(
                status=TaskState.STATUS_IN_PROGRESS,
                task__in=BoardApprovalTask.objects.all(),
            )
            .select_related("workflow_state__requested_by", "revision__user")
            .order_by("started_at")[:50]
        )
        pages = Page.objects.filter(
            pk__in=[int(state.workflow_state.object_id) for state in states]
        ).specific()
        pages_by_id = {page.pk: page for page in pages}
        attach_departments(pages_by_id.values())
        rows = []
        for state in states:
            page = pages_by_id.get(int(state.workflow_state.object_id))
            if page is None:
                continue
            waiting = now - state.started_at
            rows.append(
                {
                    "page": page,
                    "department": page.__dict__.get("department"),
                    "author": state.workflow_state.requested_by,
                    "started_at": state.started_at,
                    "overdue": waiting > OVERDUE_AFTER,
                }
            )
        takedowns = TakedownRequest.objects.filter(
            status=TakedownRequest.STATUS_PENDING
        ).select_related("page", "requested_by")
        return render_to_string(
            self.template_name, {"rows": rows, "takedowns": takedowns}, request=request
        )


def page_status(page):
    """Status of a department's page as its editors think of it."""
    state = page.current_workflow_state
    if state is not None:
        task_state = state.current_task_state
        if state.status == state.STATUS_NEEDS_CHANGES:
            return {
                "label": pgettext_lazy("department page status", "Changes requested"),
                "comment": task_state.comment if task_state else "",
                "kind": "changes",
            }
        if task_state is not None:
            return {
                "label": _("In review: {task}").format(task=task_state.task.name),
                "kind": "review",
            }
    if page.go_live_at and page.go_live_at > timezone.now() and page.approved_schedule:
        return {"label": _("Scheduled"), "kind": "scheduled"}
    if page.live and page.has_unpublished_changes:
        return {"label": _("Published, with a newer draft"), "kind": "draft"}
    if page.live:
        return {"label": _("Published"), "kind": "live"}
    return {"label": _("Draft"), "kind": "draft"}


class DepartmentPagesPanel(Component):
    """For department editors and heads: their department's pages and where each one stands."""

    name = "lantoa_department_pages"
    template_name = "cms/panels/department_pages.html"
    order = 60

    def render_html(self, parent_context=None):
        request = parent_context["request"]
        departments = list(departments_of(request.user))
        if not departments:
            return ""
        sections = []
        for department in departments:
            pages = (
                Page.objects.descendant_of(department)
                .select_related("owner", "latest_revision__user")
                .prefetch_workflow_states()
                .annotate_approved_schedule()
                .order_by("-latest_revision_created_at")[:20]
            )
            sections.append(
                {
                    "department": department,
                    "rows": [{"page": page, "status": page_status(page)} for page in pages],
                }
            )
        return render_to_string(self.template_name, {"sections": sections}, request=request)
