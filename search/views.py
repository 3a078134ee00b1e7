"""The public search page. Bad queries give a page with a message, never an error.

The engine is asked for the folded query (see search.text) over live, public pages of one
language; filters then narrow that list in the database, and results whose own text holds
the words exactly as typed (with their marks) rank above those found only by folding.
"""

import datetime

from django.db.models import DateField, F, Q
from django.db.models.functions import Cast, Coalesce
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from articles.models import ArticlePage, ArticlePageTag
from cms.models import DepartmentPage, Tag
from cms.utils import attach_departments, paginate
from exemplars.models import ExemplarPage, ExemplarPageTag
from home.models import CampaignPage, CampaignPageTag
from search.text import (  # noqa: F401 - clean_query and MAX_QUERY_LENGTH are used by tests
    MAX_QUERY_LENGTH,
    clean_query,
    engine_query,
    has_marks,
    highlight,
    matches_as_typed,
    query_words,
)

PER_PAGE = 10
MAX_RESULTS = 300  # the engine's best matches considered; enough for people, cheap to rank
POPULAR_DAYS = 30

TYPES = {
    "bai-viet": ("Bài viết", ArticlePage),
    "guong-sang": ("Gương sáng", ExemplarPage),
    "chien-dich": ("Chiến dịch", CampaignPage),
    "cong-doan": ("Công đoàn bộ phận", DepartmentPage),
    "khac": ("Trang khác", None),
}
SORTS = {"lien-quan": "Liên quan nhất", "moi-nhat": "Mới nhất"}


def _param(request, name, max_length=100):
    value = request.GET.get(name, "")
    return clean_query(value)[:max_length]


def _number(request, name):
    value = _param(request, name, 12)
    return int(value) if value.isdigit() and len(value) < 10 else None


def read_filters(request):
    """The filters from the address; anything unknown or malformed is simply ignored."""
    kind = _param(request, "loai")
    sort = _param(request, "sap-xep")
    language = _param(request, "ngon-ngu", 20)
    locale = Locale.objects.filter(language_code=language).first() if language else None
    if locale is None:
        locale = Locale.objects.filter(language_code=get_language()).first()
    return {
        "kind": kind if kind in TYPES else "",
        "department": _number(request, "don-vi"),
        "campaign": _number(request, "chien-dich"),
        "tag": _param(request, "the"),
        "year": _number(request, "nam"),
        "sort": sort if sort in SORTS else "lien-quan",
        "locale": locale,
    }


def base_pages(locale):
    pages = Page.objects.live().public().exclude(depth__lte=1)
    if locale:
        pages = pages.filter(locale=locale)
    return pages


def matched_ids(pages, query):
    """The engine's best matches for the folded query, most relevant first."""
    terms = engine_query(query)
    if not terms:
        return []
    results = pages.search(terms, operator="and", order_by_relevance=True)[:MAX_RESULTS]
    return [page.pk for page in results]


def filter_pages(pages, filters):
    if filters["kind"] == "khac":
        pages = pages.not_type(ArticlePage, ExemplarPage, CampaignPage, DepartmentPage)
    elif filters["kind"]:
        pages = pages.type(TYPES[filters["kind"]][1])
    if filters["department"]:
        department = DepartmentPage.objects.filter(pk=filters["department"]).first()
        pages = pages.descendant_of(department) if department else pages.none()
    if filters["campaign"]:
        campaign = filters["campaign"]
        pages = pages.filter(
            Q(articlepage__campaign_id=campaign)
            | Q(exemplarpage__campaign_id=campaign)
            | Q(pk=campaign)
        )
    if filters["tag"]:
        tagged = [
            model.objects.filter(tag__slug=filters["tag"]).values("content_object_id")
            for model in (ArticlePageTag, ExemplarPageTag, CampaignPageTag)
        ]
        pages = pages.filter(Q(pk__in=tagged[0]) | Q(pk__in=tagged[1]) | Q(pk__in=tagged[2]))
    if filters["year"]:
        year = filters["year"]
        undated = Q(articlepage__isnull=True, exemplarpage__isnull=True, campaignpage__isnull=True)
        pages = pages.filter(
            Q(articlepage__date__year=year)
            | Q(exemplarpage__year_recognised=year)
            | Q(campaignpage__start_date__year=year)
            | (undated & Q(first_published_at__year=year))
        )
    return pages


def ordered_ids(ids, query, filters):
    """The filtered ids in display order: exact matches first, or newest first."""
    pages = filter_pages(Page.objects.filter(pk__in=ids), filters)
    if filters["sort"] == "moi-nhat":
        sort_date = Coalesce(
            "articlepage__date",
            "campaignpage__start_date",
            Cast("first_published_at", DateField()),
        )
        return list(
            pages.annotate(sort_date=sort_date)
            .order_by(F("sort_date").desc(nulls_last=True), "-pk")
            .values_list("pk", flat=True)
        )
    kept = set(pages.values_list("pk", flat=True))
    ids = [pk for pk in ids if pk in kept]
    if not has_marks(query):
        return ids
    words = query_words(query)
    exact = {
        page.pk
        for page in Page.objects.filter(pk__in=ids).specific(defer=False)
        if matches_as_typed(page.searchable_text(), words)
    }
    return [pk for pk in ids if pk in exact] + [pk for pk in ids if pk not in exact]


def page_date(page):
    for name in ("date", "start_date"):
        value = getattr(page, name, None)
        if isinstance(value, datetime.date):
            return value
    if page.first_published_at:
        return timezone.localtime(page.first_published_at).date()
    return None


def describe(pages, query):
    """What each result shows: its page, type, date or year, department and snippet."""
    attach_departments(pages)
    items = []
    for page in pages:
        text = page.searchable_text()[len(page.title or "") :]
        items.append(
            {
                "page": page,
                "title": highlight(page.title, query, length=500),
                "type": page.get_verbose_name().capitalize(),
                "date": page_date(page),
                "year": getattr(page, "year_recognised", None),
                "department": page.__dict__.get("department"),
                "snippet": highlight(text, query),
            }
        )
    return items


def editors_picks(query):
    picks = []
    query_object = Query.objects.filter(query_string=normalise_query_string(query)).first()
    if not query_object:
        return query_object, picks
    for pick in query_object.editors_picks.select_related("page").order_by("sort_order"):
        if pick.page_id and pick.page.live:
            picks.append({"url": pick.page.url, "title": pick.page.title, "text": pick.description})
        elif pick.external_link_url:
            picks.append(
                {
                    "url": pick.external_link_url,
                    "title": pick.external_link_text or pick.external_link_url,
                    "text": pick.description,
                }
            )
    return query_object, picks


def suggestions(locale):
    """For an empty or fruitless search: the current (or latest) campaign, popular searches."""
    today = timezone.localdate()
    campaigns = CampaignPage.objects.live().public()
    if locale:
        campaigns = campaigns.filter(locale=locale)
    campaign = (
        campaigns.filter(start_date__lte=today, end_date__gte=today).order_by("end_date").first()
        or campaigns.order_by("-start_date").first()
    )
    since = today - datetime.timedelta(days=POPULAR_DAYS)
    popular = [q.query_string for q in Query.get_most_popular(date_since=since)[:6]]
    return {"campaign": campaign, "popular": popular}


def filter_choices(locale):
    departments = DepartmentPage.objects.live().public().order_by("title")
    campaigns = CampaignPage.objects.live().public().order_by("-start_date")
    if locale:
        departments = departments.filter(locale=locale)
        campaigns = campaigns.filter(locale=locale)
    years = sorted(
        {d.year for d in ArticlePage.objects.live().dates("date", "year")}
        | {timezone.localdate().year},
        reverse=True,
    )
    return {
        "types": [(key, label) for key, (label, _model) in TYPES.items()],
        "sorts": list(SORTS.items()),
        "departments": departments.only("id", "title", "short_name"),
        "campaigns": campaigns.only("id", "title"),
        "tags": Tag.objects.order_by("name")[:200],
        "years": years,
        "locales": Locale.objects.order_by("language_code") if Locale.objects.count() > 1 else [],
    }


def search(request):
    query = clean_query(request.GET.get("q"))
    filters = read_filters(request)
    locale = filters["locale"]
    results = items = None
    picks = []
    if query:
        ids = ordered_ids(matched_ids(base_pages(locale), query), query, filters)
        results = paginate(request, ids, per_page=PER_PAGE)
        on_page = list(results.object_list)
        by_pk = {page.pk: page for page in Page.objects.filter(pk__in=on_page).specific()}
        results.object_list = [by_pk[pk] for pk in on_page if pk in by_pk]
        items = describe(results.object_list, query)
        if engine_query(query):
            query_object, picks = editors_picks(query)
            if ids and results.number == 1:
                (query_object or Query.get(query)).add_hit()
    filtered = any(filters[key] for key in ("kind", "department", "campaign", "tag", "year")) or (
        filters["sort"] != "lien-quan"
    )
    context = {
        "query": query,
        "results": results,
        "items": items,
        "picks": picks,
        "filters": filters,
        "filtered": filtered,
        "choices": filter_choices(locale),
        "capped": results is not None and results.paginator.count >= MAX_RESULTS,
    }
    if not results or not results.paginator.count:
        context["suggestions"] = suggestions(locale)
    return render(request, "pages/search_page.html", context)
