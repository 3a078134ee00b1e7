"""The news archives: by year, by month, by department and by campaign, with a hub page.

They are routes of the news index (``RoutablePageMixin``), so each language's news index has
its own archives under its own address: ``/tin-tuc/nam/2025/thang/11/``,
``/en/news/year/2025/month/11/``. Tags have their own pages (``/the/<slug>/``), which the hub
links to with their counts.
"""

import datetime

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
from listings import tally
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

    def _render_archive(self, request, articles, title, route, args=(), count=None, **extra):
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
            count=count,
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
        """The hub's counts from the kept per-month, parent, campaign and tag rows
        (listings.tally: exact, updated with every change): a few small queries, whatever
        the size of the archive (it read every article: 0.9–1.5 s at 100,000)."""
        tallies = tally.counts(self.locale_id)
        years = {}
        for month, count in tallies.months():
            year = years.setdefault(
                month.year,
                {
                    "year": month.year,
                    "count": 0,
                    "months": [],
                    "url": self.archive_url("year", month.year),
                },
            )
            year["count"] += count
            year["months"].append(
                {
                    "month": month.month,
                    "count": count,
                    "url": self.archive_url("month", month.year, month.month),
                }
            )
        departments = [
            {
                "page": department,
                "count": tallies.under(department.path),
                "url": self.archive_url("department", department.slug),
            }
            for department in DepartmentPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .order_by("title")
        ]
        campaigns = [
            {
                "page": campaign,
                "count": tallies.campaign(campaign.pk),
                "url": self.archive_url("campaign", campaign.slug),
            }
            for campaign in CampaignPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .order_by("-start_date")
        ]
        per_tag = tallies.tags()
        tags = list(Tag.objects.filter(pk__in=per_tag).order_by("name"))
        for tag in tags:
            tag.count = per_tag[tag.pk]
        tags.sort(key=lambda tag: -tag.count)  # most used first, then by name (stable)
        return {
            "years": list(years.values()),
            "departments": departments,
            "campaigns": campaigns,
            "tags": tags,
            "total": tallies.total,
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
            count=lambda: tally.counts(self.locale_id).year(year),
            month_links=month_links,
        )

    def _month_links(self, articles, year):
        return [
            {
                "label": month.strftime("%m/%Y"),
                "count": count,
                "url": self.archive_url("month", year, month.month),
            }
            for month, count in reversed(tally.counts(self.locale_id).months())
            if month.year == year
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
            count=lambda: tally.counts(self.locale_id).month(year, month),
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
            count=lambda: tally.counts(self.locale_id).under(department.path),
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
            count=lambda: tally.counts(self.locale_id).campaign(campaign.pk),
            archive_campaign=campaign,
        )
