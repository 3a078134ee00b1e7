"""The news archives: by year, by month, by department and by campaign, with a hub page.

They are routes of the news index (``RoutablePageMixin``), so each language's news index has
its own archives under its own address: ``/tin-tuc/nam/2025/thang/11/``,
``/en/news/year/2025/month/11/``. Tags have their own pages (``/the/<slug>/``), which the hub
links to with their counts.
"""

import datetime
from collections import Counter

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from channels import sources
from cms.models import DepartmentPage, Tag
from cms.utils import attach_departments
from home.models import CampaignPage
from perf.lookups import remember
from perf.pagination import paginate

FIRST_YEAR = 1990


def valid_year(year):
    return FIRST_YEAR <= year <= timezone.localdate().year + 1


class NewsArchiveMixin(RoutablePageMixin):
    """Archive pages under the news index. Vietnamese and English addresses for each."""

    def archive_url(self, name, *args):
        """The address of an archive route in this page's language."""
        suffix = "_en" if get_language() == "en" else ""
        return self.url + self.reverse_subpage(name + suffix, args=args)

    def get_sitemap_urls(self, request=None):
        """The news index, then its archive hub and one archive per year with articles."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if not base:
            return urls
        suffix = "_en" if self.locale.language_code == "en" else ""
        years = self._archive_articles().dates("date", "year", order="DESC")
        urls.append({"location": base + self.reverse_subpage("archive" + suffix)})
        for year in years:
            urls.append(
                {"location": base + self.reverse_subpage("year" + suffix, args=(year.year,))}
            )
        return urls

    def _archive_articles(self):
        return sources.public_articles(self.locale_id)

    def _render_archive(self, request, articles, title, route, args=(), **extra):
        # Every archive lists articles of this language: its count is cached until one of
        # them is published, unpublished, moved or deleted (perf.pagination).
        # Kept under the archive's own name: no query to compile for the key. The articles are
        # read only if the template's list part is rendered (perf.pagination).
        page_obj = paginate(
            request,
            articles,
            {f"articles:{self.locale_id}"},
            name=f"archive:{self.pk}:{self.locale_id}:{route}:{args!r}",
            prepare=attach_departments,
        )
        context = {
            "page": self,
            "self": self,
            "request": request,
            "archive_title": title,
            "archive_url": self.archive_url(route, *args),
            "archive_index_url": self.archive_url("archive"),
            "articles": page_obj,
            **extra,
        }
        return TemplateResponse(request, "channels/archive_page.html", context)

    @path("luu-tru/", name="archive")
    @path("archive/", name="archive_en")
    def archive_index(self, request):
        """Every year and month, department, campaign and tag, each with its count.

        Counting means reading the whole archive, so the counts are kept in the cache
        (perf.lookups.remember) until an article, a campaign or a department of this
        language changes (or a page moves, is deleted, or a restriction changes: ``any``).
        Only public articles are counted, so every reader gets the same hub.
        """
        locale = self.locale_id
        counts = remember(
            f"archive-hub:{self.pk}:{get_language()}:{self.url}",
            {f"articles:{locale}", f"campaigns:{locale}", "departments", f"departments:{locale}"},
            self._archive_counts,
        )
        context = {
            "page": self,
            "self": self,
            "request": request,
            "archive_title": _("News archive"),
            "archive_url": self.archive_url("archive"),
            **counts,
        }
        return TemplateResponse(request, "channels/archive_index.html", context)

    def _archive_counts(self):
        articles = self._archive_articles()
        months = (
            articles.order_by()
            .annotate(month=TruncMonth("date"))
            .values("month")
            .annotate(count=Count("pk"))
            .order_by("-month")
        )
        years = {}
        for row in months:
            month = row["month"]
            year = years.setdefault(
                month.year,
                {"year": month.year, "count": 0, "months": [], "url": ""},
            )
            year["count"] += row["count"]
            year["url"] = self.archive_url("year", month.year)
            year["months"].append(
                {
                    "month": month.month,
                    "count": row["count"],
                    "url": self.archive_url("month", month.year, month.month),
                }
            )
        rows = list(articles.order_by().values_list("path", "campaign_id"))
        paths = [row[0] for row in rows]
        departments = []
        for department in (
            DepartmentPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .order_by("title")
        ):
            count = sum(1 for p in paths if p.startswith(department.path) and p != department.path)
            departments.append(
                {
                    "page": department,
                    "count": count,
                    "url": self.archive_url("department", department.slug),
                }
            )
        per_campaign = Counter(row[1] for row in rows if row[1])
        campaigns = [
            {
                "page": campaign,
                "count": per_campaign[campaign.pk],
                "url": self.archive_url("campaign", campaign.slug),
            }
            for campaign in CampaignPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .order_by("-start_date")
        ]
        tags = list(
            Tag.objects.filter(articles_articlepagetag_items__content_object__in=articles)
            .annotate(count=Count("pk"))
            .order_by("-count", "name")
        )
        return {
            "years": list(years.values()),
            "departments": departments,
            "campaigns": campaigns,
            "tags": tags,
            "total": len(rows),
        }

    @path("nam/<int:year>/", name="year")
    @path("year/<int:year>/", name="year_en")
    def archive_year(self, request, year):
        if not valid_year(year):
            raise Http404
        articles = self._archive_articles().filter(date__year=year)
        # Counting a year's articles by month reads all of them (a fifth of the archive: 160
        # ms on PostgreSQL at 100,000 articles): kept like the hub's counts, until an article
        # of this language changes. No month: no article that year.
        month_links = remember(
            f"archive-year:{self.pk}:{year}:{get_language()}:{self.url}",
            {f"articles:{self.locale_id}"},
            lambda: self._month_links(articles, year),
        )
        if not month_links:
            raise Http404
        return self._render_archive(
            request,
            articles,
            _("News in %(year)s") % {"year": year},
            "year",
            (year,),
            month_links=month_links,
        )

    def _month_links(self, articles, year):
        months = (
            articles.order_by()
            .annotate(month=TruncMonth("date"))
            .values("month")
            .annotate(count=Count("pk"))
            .order_by("month")
        )
        return [
            {
                "label": row["month"].strftime("%m/%Y"),
                "count": row["count"],
                "url": self.archive_url("month", year, row["month"].month),
            }
            for row in months
        ]

    @path("nam/<int:year>/thang/<int:month>/", name="month")
    @path("year/<int:year>/month/<int:month>/", name="month_en")
    def archive_month(self, request, year, month):
        if not valid_year(year) or not 1 <= month <= 12:
            raise Http404
        first = datetime.date(year, month, 1)
        articles = self._archive_articles().filter(date__year=year, date__month=month)
        if not articles.exists():
            raise Http404
        return self._render_archive(
            request,
            articles,
            _("News in %(month)s") % {"month": first.strftime("%m/%Y")},
            "month",
            (year, month),
            year_link={"year": year, "url": self.archive_url("year", year)},
        )

    @path("don-vi/<slug:slug>/", name="department")
    @path("department/<slug:slug>/", name="department_en")
    def archive_department(self, request, slug):
        department = sources.department_by_slug(self.locale_id, slug)
        return self._render_archive(
            request,
            sources.articles_of_department(self.locale_id, department),
            _("News of %(department)s") % {"department": department.title},
            "department",
            (department.slug,),
            archive_department=department,
        )

    @path("chien-dich/<slug:slug>/", name="campaign")
    @path("campaign/<slug:slug>/", name="campaign_en")
    def archive_campaign(self, request, slug):
        campaign = sources.campaign_by_slug(self.locale_id, slug)
        return self._render_archive(
            request,
            sources.articles_of_campaign(self.locale_id, campaign),
            _("News of the campaign %(campaign)s") % {"campaign": campaign.title},
            "campaign",
            (campaign.slug,),
            archive_campaign=campaign,
        )
