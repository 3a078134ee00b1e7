"""One page with every number of the year-end review, and one workbook to attach to the minutes."""

import datetime
import io

from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from planning import periods
from planning.views import reports

# (report view, rows grouping, heading of its section and sheet)
SECTIONS = [
    (reports.PlanTargetsView, None, _("Plan targets")),
    (reports.ContributionsReportView, "don-vi", _("Contributions by department")),
    (reports.ContributionsReportView, "nguoi-viet", _("Contributions by author")),
    (reports.MemberContributionsReportView, "don-vi", _("Member contributions by department")),
    (reports.MemberContributionsReportView, "doan-vien", _("Member contributions by member")),
    (reports.ModerationReportView, "don-vi", _("Moderation by department")),
    (reports.ModerationReportView, "nguoi-duyet", _("Moderation by reviewer")),
    (reports.ModerationReportView, "dang-cho", _("Pages waiting now")),
    (reports.CampaignsReportView, "don-vi", _("Campaigns by department")),
    (reports.CampaignsReportView, "theo-ngay", _("Campaigns by day")),
    (reports.ExemplarsReportView, "danh-hieu", _("Exemplars by category")),
    (reports.ExemplarsReportView, "don-vi", _("Exemplars by unit")),
    (reports.ShortlistReportView, "ca-hai", _("Commendation shortlist")),
]


def build_sections(request):
    """Each section's heading, columns, rows and the full report's address."""
    sections = []
    period = None
    for view_class, group, heading in SECTIONS:
        view = view_class()
        view.setup(request)
        if group:
            view.__dict__["group"] = group
        rows = view.get_queryset()
        if getattr(view, "uses_period", True):
            period = view.period
        url = view.index_url + (f"?{request.GET.urlencode()}&group={group}" if group else "")
        if group and not request.GET:
            url = f"{view.index_url}?group={group}"
        sections.append(
            {
                "heading": heading,
                "spec": view.columns_spec,
                "rows": rows,
                "grid": reports.grid(view.columns_spec, rows),
                "url": url,
            }
        )
    return period, sections


def _cell(value):
    if isinstance(value, datetime.datetime):
        return timezone.make_naive(value) if timezone.is_aware(value) else value
    if isinstance(value, (int, float, datetime.date)) or value is None:
        return value
    text = str(value)
    # A cell that starts like a formula stays text.
    return "'" + text if text[:1] in "=+-@" else text


def workbook(period, sections):
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for section in sections:
        title = str(section["heading"])[:31]
        for bad in "[]:*?/\\":
            title = title.replace(bad, " ")
        sheet = book.create_sheet(title=title)
        sheet.append([str(_("Period")), period.label if period else ""])
        sheet.append([str(label) for _key, label, _kind in section["spec"]])
        for row in section["rows"]:
            sheet.append([_cell(row.get(key)) for key, _label, _kind in section["spec"]])
    output = io.BytesIO()
    book.save(output)
    output.seek(0)
    return output


class OverviewView(WagtailAdminTemplateMixin, TemplateView):
    """Every figure the year-end review needs, for the chosen period (default: the school year)."""

    template_name = "planning/reports/overview.html"
    page_title = _("Year overview")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("cms.view_reports"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        period, sections = build_sections(request)
        if request.GET.get("export") == "xlsx":
            return FileResponse(
                workbook(period, sections),
                as_attachment=True,
                filename=f"tong-hop-{period.slug}.xlsx",
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        form = reports.DateRangeForm(request.GET or None, initial={"period": periods.DEFAULT})
        params = request.GET.copy()
        params["export"] = "xlsx"
        return self.render_to_response(
            self.get_context_data(
                period=period,
                sections=sections,
                form=form,
                xlsx_url=f"{request.path}?{params.urlencode()}",
            )
        )
