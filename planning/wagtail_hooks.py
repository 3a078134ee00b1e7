from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from planning.models import Occasion, OccasionReminder, TrainingSession
from planning.panels import UpcomingOccasionsPanel
from planning.views import calendar, drafts, overview, reports

REPORT_URLS = [
    ("tong-quan", None, "planning_report_overview", _("Year overview"), "table"),
    ("dong-gop", reports.ContributionsReportView, "planning_report_contributions", None, None),
    (
        "doan-vien",
        reports.MemberContributionsReportView,
        "planning_report_members",
        None,
        None,
    ),
    ("kiem-duyet", reports.ModerationReportView, "planning_report_moderation", None, None),
    ("chien-dich", reports.CampaignsReportView, "planning_report_campaigns", None, None),
    ("guong-sang", reports.ExemplarsReportView, "planning_report_exemplars", None, None),
    ("chi-tieu", reports.PlanTargetsView, "planning_report_targets", None, None),
    ("khen-thuong", reports.ShortlistReportView, "planning_report_shortlist", None, None),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("lantoa/lich/", calendar.MonthView.as_view(), name="planning_calendar"),
        path(
            "lantoa/lich/lich-trinh/",
            calendar.AgendaView.as_view(),
            name="planning_calendar_agenda",
        ),
        path("lantoa/lich/lich-bien-tap.ics", calendar.ics_download, name="planning_calendar_ics"),
        path(
            "lantoa/lich/soan-bai/<int:occasion_id>/<int:year>/",
            drafts.create_draft,
            name="planning_create_draft",
        ),
        path(
            "lantoa/bao-cao/tong-quan/",
            overview.OverviewView.as_view(),
            name="planning_report_overview",
        ),
    ]
    for slug, view, name, _label, _icon in REPORT_URLS:
        if view is None:
            continue
        urls += [
            path(f"lantoa/bao-cao/{slug}/", view.as_view(), name=name),
            path(
                f"lantoa/bao-cao/{slug}/ket-qua/",
                view.as_view(results_only=True),
                name=f"{name}_results",
            ),
        ]
    return urls


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("cms.view_reports")


def _report_menu_item(label, name, icon, order):
    @hooks.register("register_reports_menu_item")
    def register():
        return ReportsMenuItem(label, reverse(name), name=name, icon_name=icon, order=order)


for position, (_slug, view, name, label, icon) in enumerate(REPORT_URLS):
    _report_menu_item(label or view.page_title, name, icon or view.header_icon, order=10 + position)


@hooks.register("register_admin_menu_item")
def register_calendar_menu_item():
    return ReportsMenuItem(
        _("Editorial calendar"),
        reverse("planning_calendar"),
        name="planning-calendar",
        icon_name="calendar-alt",
        order=250,
    )


@hooks.register("construct_homepage_panels")
def add_occasion_panel(request, panels):
    panels.append(UpcomingOccasionsPanel())


class OccasionViewSet(SnippetViewSet):
    model = Occasion
    icon = "date"
    menu_label = _("Occasions")
    list_display = [
        "name",
        Column("rule_display", label=_("Date")),
        "lead_weeks",
        "is_peak",
        "campaign",
    ]
    list_filter = ["kind", "is_peak"]
    list_export = ["name", "kind", "day", "month", "lead_weeks", "is_peak", "campaign"]
    search_fields = ["name"]


class TrainingSessionViewSet(SnippetViewSet):
    model = TrainingSession
    icon = "group"
    menu_label = _("Training sessions")
    list_display = ["title", "date", "trainer"]
    list_export = ["title", "date", "trainer", "attendees", "notes"]
    search_fields = ["title", "trainer"]


class OccasionReminderViewSet(SnippetViewSet):
    model = OccasionReminder
    icon = "mail"
    menu_label = _("Occasion reminders sent")
    list_display = ["occasion", "year", "sent_at"]
    inspect_view_enabled = True


class PlanningGroup(SnippetViewSetGroup):
    items = (OccasionViewSet, TrainingSessionViewSet, OccasionReminderViewSet)
    menu_icon = "date"
    menu_label = _("Communication plan")
    menu_name = "planning"
    menu_order = 260


register_snippet(PlanningGroup)
