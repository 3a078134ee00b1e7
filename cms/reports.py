"""Read-only editorial reports for the board and the executive committee (cms.view_reports).

Wagtail's own page reports need add/change/publish rights; the executive committee reads the
admin without them, so these reports list every page whatever the reader's page rights.
"""

import django_filters

from django.core.exceptions import PermissionDenied
from django.db.models import Case, When
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import ContentTypeFilter, WagtailFilterSet
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page, get_page_content_types

from cms.models import DepartmentPage
from cms.text import vi_sort_key
from cms.utils import attach_departments


def department_choices(request):
    """The departments in Vietnamese alphabetical order (SQL sorts Đ after Z)."""
    departments = DepartmentPage.objects.filter(locale__language_code="vi")
    ordered = sorted(departments.values_list("pk", "title"), key=lambda row: vi_sort_key(row[1]))
    order = Case(*[When(pk=pk, then=i) for i, (pk, _) in enumerate(ordered)], default=len(ordered))
    return departments.order_by(order)


class EditorialPagesFilterSet(WagtailFilterSet):
    department = django_filters.ModelChoiceFilter(
        label=_("Department union"),
        queryset=department_choices,
        method="filter_department",
    )
    live = django_filters.BooleanFilter(label=_("Live"))
    content_type = ContentTypeFilter(
        label=_("Page type"),
        queryset=lambda request: get_page_content_types(include_base_page_type=False),
    )

    class Meta:
        model = Page
        fields = ["department", "live", "content_type"]

    def filter_department(self, queryset, name, value):
        return queryset.descendant_of(value) if value else queryset


class EditorialPagesReportView(PageReportView):
    """Every page, its department, owner and status: what the executive committee reads."""

    page_title = _("Pages by department and status")
    header_icon = "doc-full"
    filterset_class = EditorialPagesFilterSet
    index_url_name = "lantoa_report_pages"
    index_results_url_name = "lantoa_report_pages_results"
    results_template_name = "cms/reports/pages_results.html"
    export_headings = {
        "department_name": _("Department union"),
        "owner_name": _("Created by"),
        "status_string": _("Status"),
        "latest_revision_created_at": _("Updated"),
        "last_published_at": _("Last published"),
    }
    list_export = [
        "title",
        "department_name",
        "owner_name",
        "status_string",
        "latest_revision_created_at",
        "last_published_at",
    ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("cms.view_reports"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        self.queryset = (
            Page.objects.filter(depth__gt=2)
            .select_related("owner", "content_type", "locale")
            .prefetch_workflow_states()
            .annotate_approved_schedule()
            .order_by("-latest_revision_created_at", "-pk")
        )
        return super().get_queryset()

    def decorate_paginated_queryset(self, object_list):
        pages = attach_departments(object_list)
        for page in pages:
            department = page.__dict__.get("department")
            page.department_name = department.display_name if department else ""
            page.owner_name = page.owner.get_full_name() if page.owner else ""
        return pages
