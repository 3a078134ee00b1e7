from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms import admin_views, translation_workflow
from cms.admin_panels import BoardQueuePanel, DepartmentPagesPanel
from cms.models import SiteText, TakedownRequest
from cms.models.workflow import verification_problems
from cms.reports import EditorialPagesReportView


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "lantoa/xac-minh/<int:page_id>/",
            admin_views.verification_refused,
            name="lantoa_verification_refused",
        ),
        path("lantoa/go-bai/<int:page_id>/", admin_views.takedown, name="lantoa_takedown"),
        path(
            "lantoa/bao-cao/trang/",
            EditorialPagesReportView.as_view(),
            name="lantoa_report_pages",
        ),
        path(
            "lantoa/bao-cao/trang/ket-qua/",
            EditorialPagesReportView.as_view(results_only=True),
            name="lantoa_report_pages_results",
        ),
    ]


class ReportsPermissionMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("cms.view_reports")


@hooks.register("register_reports_menu_item")
def register_pages_report():
    return ReportsPermissionMenuItem(
        _("Pages by department and status"),
        reverse("lantoa_report_pages"),
        name="lantoa-pages",
        icon_name="doc-full",
        order=50,
    )


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels.extend([BoardQueuePanel(), DepartmentPagesPanel()])


@hooks.register("register_log_actions")
def register_log_actions(actions):
    # register_action(action, label, message) takes a static message; a message built from the
    # entry's data needs a LogFormatter with format_message.
    @actions.register_action(admin_views.TAKEDOWN_ACTION)
    class TakedownFormatter(LogFormatter):
        label = _("Take down with a reason")

        def format_message(self, log_entry):
            return _("Taken down. Reason: {}").format(log_entry.data.get("reason", ""))

    @actions.register_action(admin_views.TAKEDOWN_REQUEST_ACTION)
    class TakedownRequestFormatter(LogFormatter):
        label = _("Request a takedown")

        def format_message(self, log_entry):
            return _("Takedown requested. Reason: {}").format(log_entry.data.get("reason", ""))


hooks.register("before_unpublish_page", admin_views.before_unpublish)


@hooks.register("after_edit_page")
def explain_refused_approval(request, page):
    """The edit page's "Approve" button posts the edit form, and Wagtail's edit view ignores
    the redirect that ``on_action`` returns when the exemplar gate refuses; without this the
    board would only read "page updated". Send it to the same explanation as the workflow
    action view."""
    if (
        request.method == "POST"
        and request.POST.get("action-workflow-action")
        and request.POST.get("workflow-action-name") == "approve"
        and verification_problems(page)
    ):
        return redirect("lantoa_verification_refused", page.pk)
    return None


class TakedownMenuItem(ActionMenuItem):
    name = "lantoa-takedown"
    icon_name = "cross"
    order = 900

    def is_shown(self, context):
        page = context.get("page")
        if context.get("view") != "edit" or page is None or not page.live:
            return False
        return self.get_user_page_permissions_tester(context).can_edit()

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        tester = self.get_user_page_permissions_tester(parent_context)
        context["label"] = (
            _("Take down (with a reason)") if tester.can_unpublish() else _("Request a takedown")
        )
        return context

    def get_url(self, context):
        return reverse("lantoa_takedown", args=[context["page"].pk])


@hooks.register("construct_page_action_menu")
def replace_unpublish(menu_items, request, context):
    """One way to take a page down: ours, which asks for the reason."""
    menu_items[:] = [item for item in menu_items if item.name != "action-unpublish"]
    item = TakedownMenuItem()
    if item.is_shown(context):
        menu_items.append(item)


class TakedownRequestViewSet(ModelViewSet):
    model = TakedownRequest
    icon = "cross"
    menu_label = _("Takedown requests")
    add_to_admin_menu = False
    list_display = ["page", "requested_by", "requested_at", "status", "decided_by"]
    list_filter = ["status"]
    list_export = ["page", "reason", "requested_by", "requested_at", "status", "decided_by"]
    form_fields = ["status", "decision_note"]
    inspect_view_enabled = True


takedown_request_viewset = TakedownRequestViewSet("takedown_requests")


@hooks.register("register_admin_viewset")
def register_takedown_viewset():
    return takedown_request_viewset


class SiteTextViewSet(SnippetViewSet):
    model = SiteText
    icon = "site"
    menu_label = _("Header and footer text")
    add_to_settings_menu = True
    list_display = ["union_name", "locale"]


register_snippet(SiteTextViewSet)


# Translations go through the review workflow (cms/translation_workflow.py). Ordered before
# wagtail-localize's own hooks: its edit hook would answer the POST, its URL would match first.
hooks.register("before_edit_page", translation_workflow.before_edit_page, order=-1)
hooks.register("register_admin_urls", translation_workflow.admin_urls, order=-1)
