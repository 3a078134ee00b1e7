"""The plan's reports in the admin, each exportable as CSV and XLSX with Wagtail's report export.

Every view reads ``cms.view_reports`` (the board, the executive committee, administrators), takes
its period from the filter drawer and builds flat rows from ``planning.stats``: one dict per
row, whose keys are the export's columns, so the table and the spreadsheet always agree.
"""

import datetime

import django_filters

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import AdminDateInput
from wagtail.models import Page

from planning import periods, stats
from planning.models import PlanSettings


def _noop(queryset, name, value):
    return queryset


class PeriodFilterSet(WagtailFilterSet):
    period = django_filters.ChoiceFilter(
        label=_("Period"), choices=periods.PRESETS, empty_label=None, method=_noop
    )
    start = django_filters.DateFilter(label=_("From date"), widget=AdminDateInput, method=_noop)
    end = django_filters.DateFilter(label=_("To date"), widget=AdminDateInput, method=_noop)

    class Meta:
        model = Page
        fields = []


def grouped_filterset(choices, default):
    """A period filter set with a "group by" choice (what the table's rows are)."""

    class GroupedFilterSet(PeriodFilterSet):
        group = django_filters.ChoiceFilter(
            label=_("Rows"), choices=choices, empty_label=None, method=_noop
        )

    GroupedFilterSet.default_group = default
    return GroupedFilterSet


class PlanningReportView(ReportView):
    """A report whose rows are dicts computed for the chosen period and grouping."""

    header_icon = "table"
    template_name = "planning/reports/report.html"
    results_template_name = "planning/reports/results.html"
    paginate_by = None
    filterset_class = PeriodFilterSet
    export_name = "bao-cao"
    # Filled per request from the rows' columns.
    list_export = ["name"]
    show_export_buttons = True
    # Dates as the union writes them in CSV; XLSX keeps real dates, in local time.
    custom_value_preprocess = {
        datetime.datetime: {
            SpreadsheetExportMixin.FORMAT_CSV: lambda v: f"{timezone.localtime(v):%d/%m/%Y %H:%M}",
            SpreadsheetExportMixin.FORMAT_XLSX: lambda v: timezone.make_naive(v),
        },
        datetime.date: {
            SpreadsheetExportMixin.FORMAT_CSV: lambda v: f"{v:%d/%m/%Y}",
            SpreadsheetExportMixin.FORMAT_XLSX: None,
        },
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("cms.view_reports"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.page_title

    @cached_property
    def cleaned(self):
        if self.filters is not None and self.filters.is_valid():
            return self.filters.form.cleaned_data
        return {}

    @cached_property
    def period(self):
        return periods.resolve(
            self.cleaned.get("period") or periods.DEFAULT,
            self.cleaned.get("start"),
            self.cleaned.get("end"),
        )

    @cached_property
    def group(self):
        default = getattr(self.filterset_class, "default_group", None)
        return self.cleaned.get("group") or default

    def filter_queryset(self, queryset):
        return queryset

    def get_columns_spec(self):
        """[(key, label, kind)]; kind: text, number, days, datetime, progress."""
        raise NotImplementedError

    def get_rows(self):
        raise NotImplementedError

    def get_queryset(self):
        rows = self.get_rows()
        spec = self.get_columns_spec()
        self.columns_spec = spec
        self.list_export = [key for key, _label, _kind in spec]
        self.export_headings = {key: str(label) for key, label, _kind in spec}
        return rows

    def get_filename(self):
        if getattr(self, "uses_period", True):
            return f"{self.export_name}-{self.period.slug}"
        return self.export_name

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["columns_spec"] = self.columns_spec
        context["grid"] = grid(self.columns_spec, context["object_list"])
        context["period"] = self.period if getattr(self, "uses_period", True) else None
        context["intro"] = getattr(self, "intro", "")
        return context


def grid(spec, rows):
    """Rows as the table template shows them: cells with their kind and link."""
    return [
        {
            "total": bool(row.get("is_total")),
            "cells": [
                {"value": row.get(key), "kind": kind, "url": row.get(f"{key}_url", "")}
                for key, _label, kind in spec
            ],
        }
        for row in rows
    ]


def _type_columns(types):
    return [(f"type_{pk}", label, "number") for pk, label in types]


def _flatten_counts(row, types):
    flat = {key: value for key, value in row.items() if key != "counts"}
    for pk, _label in types:
        flat[f"type_{pk}"] = row["counts"].get(pk, 0)
    flat["name_url"] = row.get("url", "")
    return flat


class ContributionsReportView(PlanningReportView):
    page_title = _("Contributions")
    intro = _(
        "Pages first published in the period, by page type. A page counts for the department "
        "it sits under and for the account that created it; translations are not counted again."
    )
    header_icon = "group"
    index_url_name = "planning_report_contributions"
    index_results_url_name = "planning_report_contributions_results"
    export_name = "dong-gop"
    filterset_class = grouped_filterset(
        [("don-vi", _("Departments")), ("nguoi-viet", _("Authors"))], "don-vi"
    )

    @cached_property
    def data(self):
        return stats.cached("contributions", stats.contributions, self.period)

    def get_columns_spec(self):
        first = [("name", _("Department"), "text")]
        if self.group == "nguoi-viet":
            first = [("name", _("Author"), "text"), ("department", _("Department"), "text")]
        return [*first, *_type_columns(self.data["types"]), ("total", _("Total"), "number")]

    def get_rows(self):
        types = self.data["types"]
        rows = self.data["authors"] if self.group == "nguoi-viet" else self.data["departments"]
        total = {**self.data["total"], "name": str(_("Total")), "is_total": True}
        return [_flatten_counts(row, types) for row in [*rows, total]]


class ModerationReportView(PlanningReportView):
    page_title = _("Moderation")
    intro = _(
        "From the workflow and the audit log. Submissions include resubmissions after a request "
        "for changes; approvals count each review step. Time to publication runs from the first "
        "submission to publication (or to the scheduled go-live time), in days, for pages "
        "approved in the period."
    )
    header_icon = "tasks"
    index_url_name = "planning_report_moderation"
    index_results_url_name = "planning_report_moderation_results"
    export_name = "kiem-duyet"
    filterset_class = grouped_filterset(
        [
            ("don-vi", _("Departments")),
            ("nguoi-duyet", _("Reviewers")),
            ("dang-cho", _("Waiting now")),
        ],
        "don-vi",
    )

    def get_rows(self):
        if self.group == "dang-cho":
            rows = stats.waiting_pages(stats.Departments(), timezone.now())
        else:
            figures = stats.cached("moderation", stats.moderation_figures, self.period)
            key = "reviewers" if self.group == "nguoi-duyet" else "departments"
            rows = figures[key]
        return [{**row, "name_url": row.get("url", "")} for row in rows]

    def get_columns_spec(self):
        timing = [
            ("published", _("Published after review"), "number"),
            ("median_days", _("Median days to publication"), "days"),
            ("p90_days", _("90th percentile (days)"), "days"),
        ]
        if self.group == "nguoi-duyet":
            return [
                ("name", _("Reviewer"), "text"),
                ("approved", _("Approvals"), "number"),
                ("rejected", _("Requests for changes"), "number"),
                *timing,
            ]
        if self.group == "dang-cho":
            return [
                ("name", _("Page"), "text"),
                ("department", _("Department"), "text"),
                ("author", _("Submitted by"), "text"),
                ("step", _("Waiting at"), "text"),
                ("submitted_at", _("Submitted at"), "datetime"),
                ("age_days", _("Waiting (days)"), "days"),
            ]
        return [
            ("name", _("Department"), "text"),
            ("submitted", _("Submissions"), "number"),
            ("approved", _("Approvals"), "number"),
            ("rejected", _("Requests for changes"), "number"),
            *timing,
        ]


class CampaignsReportView(PlanningReportView):
    page_title = _("Campaigns")
    intro = _(
        "Campaigns that overlap the period, and the published pages linked to each: per "
        "department, or per day around the key date (D = key date, or the start date when the "
        "campaign has none)."
    )
    header_icon = "calendar-alt"
    index_url_name = "planning_report_campaigns"
    index_results_url_name = "planning_report_campaigns_results"
    export_name = "chien-dich"
    filterset_class = grouped_filterset(
        [("don-vi", _("By department")), ("theo-ngay", _("By day around the key date"))],
        "don-vi",
    )

    @cached_property
    def data(self):
        return stats.cached("campaigns", stats.campaigns, self.period)

    def get_columns_spec(self):
        first = [("name", _("Campaign"), "text"), ("anchor", _("Key date"), "date")]
        if self.group == "theo-ngay":
            days = [("day_before", _("Earlier"), "number")]
            for offset in range(-stats.AROUND_DAYS, stats.AROUND_DAYS + 1):
                label = "D" if offset == 0 else f"D{offset:+d}"
                days.append((f"day_{offset}", label, "number"))
            days.append(("day_after", _("Later"), "number"))
            return [*first, *days, ("total", _("Total"), "number")]
        departments = [(f"dept_{d.pk}", d.name, "number") for d in self.data["departments"]]
        return [
            *first,
            *departments,
            ("board", _("Board"), "number"),
            ("total", _("Total"), "number"),
            ("taking_part", _("Departments taking part"), "number"),
            ("missing_names", _("Not yet taking part"), "text"),
        ]

    def get_rows(self):
        rows = []
        for campaign in self.data["campaigns"]:
            row = {
                "name": campaign["name"],
                "name_url": campaign["url"],
                "anchor": campaign["anchor"],
                "board": campaign["board"],
                "total": campaign["total"],
                "taking_part": campaign["taking_part"],
                "missing_names": ", ".join(campaign["missing"]),
                "day_before": campaign["days"].get("before", 0),
                "day_after": campaign["days"].get("after", 0),
            }
            for pk, count in campaign["departments"].items():
                row[f"dept_{pk}"] = count
            for offset in range(-stats.AROUND_DAYS, stats.AROUND_DAYS + 1):
                row[f"day_{offset}"] = campaign["days"].get(offset, 0)
            rows.append(row)
        return rows


class ExemplarsReportView(PlanningReportView):
    page_title = _("Exemplars")
    intro = _("Exemplar profiles first published in the period, per year.")
    header_icon = "user"
    index_url_name = "planning_report_exemplars"
    index_results_url_name = "planning_report_exemplars_results"
    export_name = "guong-sang"
    filterset_class = grouped_filterset(
        [("danh-hieu", _("By category")), ("don-vi", _("By unit"))], "danh-hieu"
    )

    @cached_property
    def data(self):
        return stats.cached("exemplars", stats.exemplars, self.period)

    def get_columns_spec(self):
        label = _("Work unit") if self.group == "don-vi" else _("Category")
        return [
            ("year", _("Year"), "text"),
            ("name", label, "text"),
            ("total", _("Profiles"), "number"),
        ]

    def get_rows(self):
        rows = self.data["units"] if self.group == "don-vi" else self.data["categories"]
        total = {
            "year": "",
            "name": str(_("Total")),
            "total": sum(r["total"] for r in rows),
            "is_total": True,
        }
        return [*rows, total]


class PlanTargetsView(PlanningReportView):
    page_title = _("Plan targets")
    intro = _(
        "Counted from the site: campaigns by start year, peak occasions covered by a campaign, "
        "departments' published pages, and the training register. Targets are in Settings → "
        "Plan targets."
    )
    header_icon = "success"
    index_url_name = "planning_report_targets"
    index_results_url_name = "planning_report_targets_results"
    export_name = "chi-tieu-ke-hoach"
    filterset_class = None
    uses_period = False

    def get_columns_spec(self):
        return [
            ("year", _("Year"), "text"),
            ("name", _("Plan target"), "text"),
            ("value", _("Reached"), "number"),
            ("goal", _("Goal"), "number"),
            ("progress", _("Progress (%)"), "progress"),
            ("detail", _("Details"), "text"),
        ]

    def get_rows(self):
        plan = PlanSettings.for_request(self.request)
        return stats.plan_targets(plan, timezone.localdate())


class ShortlistReportView(PlanningReportView):
    page_title = _("Commendation shortlist")
    intro = _(
        "The people and departments who published most in the period, with their pages, and "
        "the members whose news tips and nominations were published, for the executive "
        "committee's meeting. The list's size is in Settings → Plan targets."
    )
    header_icon = "pick"
    index_url_name = "planning_report_shortlist"
    index_results_url_name = "planning_report_shortlist_results"
    export_name = "de-xuat-khen-thuong"
    filterset_class = grouped_filterset(
        [
            ("ca-hai", pgettext_lazy("shortlist", "Everyone")),
            ("ca-nhan", _("People")),
            ("don-vi", _("Departments")),
            ("doan-vien", _("Members who sent news")),
        ],
        "ca-hai",
    )

    @cached_property
    def data(self):
        size = PlanSettings.for_request(self.request).shortlist_size
        return {
            **stats.cached("shortlist", stats.shortlist, self.period, size),
            "members": stats.cached("member_shortlist", stats.member_shortlist, self.period, size),
        }

    def get_columns_spec(self):
        return [
            ("rank", _("Rank"), "number"),
            ("kind", _("Kind"), "text"),
            ("name", _("Name"), "text"),
            ("department", _("Department"), "text"),
            ("total", _("Number of pages"), "number"),
            ("pages", _("Pages published"), "text"),
        ]

    def get_rows(self):
        rows = []
        if self.group in {"ca-hai", "ca-nhan"}:
            rows += self.data["people"]
        if self.group in {"ca-hai", "don-vi"}:
            rows += self.data["departments"]
        if self.group in {"ca-hai", "doan-vien"}:
            rows += self.data["members"]
        return [{**row, "name_url": row.get("url", "")} for row in rows]


class MemberContributionsReportView(PlanningReportView):
    page_title = _("Member contributions")
    intro = _(
        "News tips and exemplar nominations sent by members through the site's forms. In a "
        "period, a contribution counts as received when it was sent, as published when its "
        "page was first published and as declined when it was declined."
    )
    header_icon = "mail"
    index_url_name = "planning_report_members"
    index_results_url_name = "planning_report_members_results"
    export_name = "dong-gop-doan-vien"
    filterset_class = grouped_filterset(
        [
            ("don-vi", _("Departments")),
            ("doan-vien", pgettext_lazy("member contributions", "Members")),
        ],
        "don-vi",
    )

    @cached_property
    def data(self):
        return stats.cached("member_contributions", stats.member_contributions, self.period)

    def get_columns_spec(self):
        counts = [
            ("tips", _("News tips received"), "number"),
            ("nominations", _("Nominations received"), "number"),
            ("published", pgettext_lazy("member contributions", "Published"), "number"),
            ("declined", pgettext_lazy("member contributions", "Declined"), "number"),
        ]
        if self.group == "doan-vien":
            return [
                ("name", pgettext_lazy("member contributions", "Member"), "text"),
                ("department", _("Department"), "text"),
                *counts,
                ("pages", _("Pages published"), "text"),
            ]
        return [("name", _("Department"), "text"), *counts]

    def get_rows(self):
        rows = self.data["members"] if self.group == "doan-vien" else self.data["departments"]
        total = {**self.data["total"], "is_total": True, "department": "", "pages": ""}
        return [{**row, "name_url": row.get("url", "")} for row in [*rows, total]]


REPORTS = [
    ContributionsReportView,
    MemberContributionsReportView,
    ModerationReportView,
    CampaignsReportView,
    ExemplarsReportView,
    PlanTargetsView,
    ShortlistReportView,
]


class DateRangeForm(forms.Form):
    """The overview's period form (the same choices as the reports' filters)."""

    period = forms.ChoiceField(label=_("Period"), choices=periods.PRESETS, required=False)
    start = forms.DateField(label=_("From date"), required=False, widget=AdminDateInput)
    end = forms.DateField(label=_("To date"), required=False, widget=AdminDateInput)
