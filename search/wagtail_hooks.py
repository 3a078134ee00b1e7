"""Popular searches for the communications board, in the admin's Reports menu.

Wagtail records each search's hits (search.views.add_hit) and offers them in its "Search
terms" report, but only to superusers. The board, who pin pages to queries with Wagtail's
search promotions, needs to see what members search for: the same report, open to anyone who
may manage promotions.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportView

PERMISSION = "wagtailsearchpromotions.change_searchpromotion"


def may_see(user):
    return user.has_perm(PERMISSION)


class PopularSearchesView(SearchTermsReportView):
    page_title = _("Popular searches")
    index_url_name = "search_popular"
    index_results_url_name = "search_popular_results"
    # Wagtail's own labels have no Vietnamese translation.
    columns = [
        Column("query_string", label=_("Search words"), sort_key="query_string"),
        NumberColumn("_hits", label=_("Searches"), sort_key="_hits"),
    ]
    export_headings = {"query_string": _("Search words"), "_hits": _("Searches")}

    def dispatch(self, request, *args, **kwargs):
        if not may_see(request.user):
            return permission_denied(request)
        # Wagtail's view refuses anyone but superusers; skip that check, keep the rest.
        return ReportView.dispatch(self, request, *args, **kwargs)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("tim-kiem-pho-bien/", PopularSearchesView.as_view(), name="search_popular"),
        path(
            "tim-kiem-pho-bien/results/",
            PopularSearchesView.as_view(results_only=True),
            name="search_popular_results",
        ),
    ]


class PopularSearchesMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see(request.user)


@hooks.register("register_reports_menu_item")
def register_popular_searches():
    return PopularSearchesMenuItem(
        _("Popular searches"),
        reverse("search_popular"),
        name="search-popular",
        icon_name="search",
        order=1290,
    )
