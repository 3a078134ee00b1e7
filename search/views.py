"""The public search page. Bad queries give a page with a message, never an error.

The engine is asked for the folded query (see search.text) over live, public pages of one
language; filters then narrow that list in the database, and results whose own text holds
the words exactly as typed (with their marks) rank above those found only by folding.
"""

import datetime
import functools
import hashlib
import json
import re
import uuid

from modelsearch.utils import get_descendants_content_types_pks

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.db.models import (
    Case,
    DateField,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    TextField,
    When,
    prefetch_related_objects,
)
from django.db.models.expressions import RawSQL
from django.db.models.fields import BooleanField
from django.db.models.functions import Cast, Coalesce
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail.search.models import IndexEntry
from wagtail.search.utils import normalise_query_string

from articles.models import ArticlePage
from cms.models import DepartmentPage, Tag
from cms.text import fold, slugify_vi
from cms.utils import attach_departments, paginate
from exemplars.models import ExemplarCategory, ExemplarPage
from home.models import CampaignPage
from listings import tally
from perf.lookups import live_departments, remember, restrictions
from search.engine import (
    Matches,
    Prefix,
    Scope,
    best_matches,
    database_vendor,
    main_locale_id,
    newest_entry,
    page_type_pks,
    with_ids,
)
from search.signals import tag_through_models
from search.text import (  # noqa: F401 - clean_query and MAX_QUERY_LENGTH are used by tests
    MAX_QUERY_LENGTH,
    clean_query,
    engine_query,
    folded_terms,
    has_marks,
    highlight,
    matches_as_typed,
    query_words,
)

PER_PAGE = 10
MAX_RESULTS = 300  # the engine's best matches considered; enough for people, cheap to rank
POPULAR_DAYS = 30

TYPES_CACHE_SECONDS = 300

# Addresses for the main types stay short and stable; any other page type is offered under the
# slug of its plural name, so a new page type (documents, Q&A …) needs no change here.
TYPE_KEYS = {
    ArticlePage: "bai-viet",
    ExemplarPage: "guong-sang",
    CampaignPage: "chien-dich",
    DepartmentPage: "cong-doan",
}
OTHER = "khac"  # the pages of none of the main types (kept for old links)
EXACT_CHECKED = 40
MIN_TERMS_FOR_PARTIAL = 3  # fewer words: a page with only one of two is not worth showing
PREFIX_LENGTH = 3  # letters a last word needs to be looked for as the start of words too
SORTS = {"lien-quan": _("Most relevant"), "moi-nhat": _("Newest")}
CHOICES_KEY = "search-choices"  # filter lists and names a query may hold; see search.signals


def _param(request, name, max_length=100):
    value = request.GET.get(name, "")
    return clean_query(value)[:max_length]


def _number(request, name):
    value = _param(request, name, 12)
    return int(value) if value.isdigit() and len(value) < 10 else None


def _year(number):
    """A year a date can hold (and its next): another number is no year, the filter is ignored."""
    return number if number is not None and 1000 <= number <= 9998 else None


def page_types():
    """Every page type that can be found: indexed, public, not the tree's root or a redirect."""
    types = {}
    for content_type in ContentType.objects.filter(
        pk__in=Page.objects.live().public().exclude(depth__lte=1).values("content_type")
    ):
        model = content_type.model_class()
        if model is None or not model.get_search_fields():
            continue
        with translation.override(settings.LANGUAGE_CODE):  # one address in every language
            key = TYPE_KEYS.get(model) or slugify_vi(str(model._meta.verbose_name_plural))
        types[key] = model
    return types


def type_choices():
    """(address key, label, model) of each type, labels in the reader's language."""
    cache_key = "search-page-types"
    keys = cache.get(cache_key)
    if keys is None:
        keys = {key: model._meta.label for key, model in page_types().items()}
        cache.set(cache_key, keys, TYPES_CACHE_SECONDS)
    choices = []
    for key, label in keys.items():
        model = apps.get_model(label)
        choices.append((key, str(model._meta.verbose_name_plural).capitalize(), model))
    return sorted(choices, key=lambda choice: fold(choice[1]))


def read_filters(request):
    """The filters from the address; anything unknown or malformed is simply ignored."""
    kind = _param(request, "loai")
    types = {key: model for key, _label, model in type_choices()}
    sort = _param(request, "sap-xep")
    language = _param(request, "ngon-ngu", 20)
    locale = _locale(language) if language else None
    if locale is None:
        locale = _locale(get_language())
    return {
        "kind": kind if kind in types or kind == OTHER else "",
        "model": types.get(kind),
        "department": _number(request, "don-vi"),
        "campaign": _number(request, "chien-dich"),
        "tag": _param(request, "the"),
        "year": _year(_number(request, "nam")),
        "sort": sort if sort in SORTS else "lien-quan",
        "locale": locale,
    }


def _locale(language_code):
    """The Locale of a language (kept in the cache by perf), or None."""
    if language_code not in {code for code, _name in settings.LANGUAGES}:
        return None
    try:
        return Locale.objects.get_for_language(language_code)
    except (Locale.DoesNotExist, LookupError):
        return None


def base_pages(locale):
    """Live pages anyone may read: Wagtail's ``public()``, from the cached restriction paths."""
    pages = Page.objects.live().exclude(depth__lte=1)
    for path in restrictions()[0]:
        pages = pages.exclude(path__startswith=path)
    if locale:
        pages = pages.filter(locale=locale)
    return pages


def prefixed(terms):
    """The terms with the last one as a Prefix, when it may be a word still being typed: of
    letters, at least PREFIX_LENGTH of them (a shorter start is in too many words to be worth
    it: each word it starts is read), or None."""
    last = terms[-1] if terms else ""
    if len(last) < PREFIX_LENGTH or not last.isalpha():
        return None
    return [*terms[:-1], Prefix(last)]


def matched_ids(pages, query, locale=None, scope=None):
    """The engine's best matches for the folded query, most relevant first.

    ``locale`` and ``scope`` (the filtered pages, or None) restrict the engine's candidates
    before it keeps the newest: a filter's or a language's pages are never crowded out.
    Every word must match, whole. When no page holds them so, the last word may be one still
    being typed: the pages where it starts a word ("giao duc thuong xuy": "xuyên") are
    returned (the third value is then True). Only then: SQLite reads every word a start
    begins (~20 ms for "doan"*, more against a scope), which a query whose words are whole
    and found should not pay. When still no page holds them all and the query has three
    words or more, pages holding all but one of them are returned (the second value is True).
    """
    terms = folded_terms(query)
    if not terms:
        return [], False, False
    ids = best_matches(pages, terms, "and", MAX_RESULTS, locale, scope)
    started = prefixed(terms) if not ids else None
    if started:
        ids = best_matches(pages, started, "and", MAX_RESULTS, locale, scope)
        if ids:
            return ids, False, True
    if ids or len(terms) < MIN_TERMS_FOR_PARTIAL:
        return ids, False, False
    if database_vendor() == connection.vendor:
        # Every way of leaving one word out, in one statement (one walk of the index, the
        # scope probed once): the query count does not grow with the words.
        return best_matches(pages, terms, "most", MAX_RESULTS, locale, scope), True, False
    # Another engine (Elasticsearch/OpenSearch): each query leaving one word out.
    ids = Matches()
    for left_out in range(len(terms)):
        subset = terms[:left_out] + terms[left_out + 1 :]
        found = best_matches(pages, subset, "and", MAX_RESULTS, locale, scope)
        ids += [pk for pk in found if pk not in ids.entries]
        ids.entries = {**getattr(found, "entries", {}), **ids.entries}
    return ids, True, False


MATCHES_KEY = "search-matches"


def kept_matches(pages, query, filters, scope):
    """``matched_ids`` for the query and filters, kept in the cache (perf.lookups.remember)
    until a live page changes, moves, is deleted or made private (its ``pages`` tag,
    perf.dependencies) or the index gains an entry, for the next reader of the same search:
    the minute a campaign's link lands in every department's group, most readers ask the same
    thing. The key names all the matches depend on: the folded words (so "công đoàn" and
    "cong doan" share it), the language, the filters, the restricted pages' paths, the search
    engine and the index's newest entry (one read of the primary key's end: an index rebuilt
    by ``update_index`` or filled by ``seed_bulk``, which send no page signals, has new
    entries). The order by relevance, the pages and their snippets are read afresh each time
    (``ordered_ids``). ``SEARCH_KEEP_MATCHES = False`` (env) searches every time."""
    locale = filters["locale"]
    if not settings.SEARCH_KEEP_MATCHES:
        return matched_ids(pages, query, locale, scope)
    name = json.dumps(
        [
            database_vendor() or "",
            connection.vendor,
            newest_entry(),
            folded_terms(query),
            locale.pk if locale else None,
            main_locale_id(),
            restrictions()[0],
            [filters[key] for key in ("kind", "department", "campaign", "tag", "year")],
        ]
    )
    return remember(
        f"{MATCHES_KEY}:{name}", {"pages"}, lambda: matched_ids(pages, query, locale, scope)
    )


def has_filters(filters):
    return any(filters[key] for key in ("kind", "department", "campaign", "tag", "year"))


def filter_pages(pages, filters, per_row=False):
    """``pages`` narrowed by the filters. ``per_row``: the conditions in the form a check of
    one page at a time wants (a year as the page's own dated row, a tag by ``carries``), not
    as lists of every page of the year or tag (see search.engine.Scope)."""
    if filters["kind"] == OTHER:
        pages = pages.not_type(*TYPE_KEYS)
    elif filters.get("model"):
        locale = filters.get("locale")
        if connection.vendor == "sqlite" and locale and locale.pk != main_locale_id():
            # A few pages of another language: "+" keeps SQLite on the language index; it
            # read every page of the type by the type index (100,000 articles: 198 ms to
            # size the English articles, 205 to gather them).
            types = ", ".join(
                str(int(pk)) for pk in get_descendants_content_types_pks(filters["model"])
            )
            column = f"{connection.ops.quote_name(Page._meta.db_table)}.{connection.ops.quote_name('content_type_id')}"
            pages = pages.extra(where=[f"+{column} IN ({types})"])  # noqa: S610
        else:
            pages = pages.type(filters["model"])
    if filters["department"]:
        department = DepartmentPage.objects.filter(pk=filters["department"]).first()
        if department is None:
            pages = pages.none()
        elif connection.vendor == "sqlite":
            # The department's subtree as a range of the path index: its descendants' paths
            # are its own followed by steps of 0-9A-Z, all below "[" (binary collation). As a
            # LIKE (descendant_of) SQLite walked every page deeper than the department (88 ms
            # at 100,000 articles for a department's English pages).
            pages = pages.filter(path__gt=department.path, path__lt=department.path + "[")
        else:
            pages = pages.descendant_of(department)
    if filters["campaign"]:
        campaign = filters["campaign"]
        # One ``pk IN`` a union (an OR of two ``IN``s and the campaign's own key made
        # PostgreSQL scan every page, checking two hashed lists on each: 150 ms at 100,000).
        parts = [
            model.objects.filter(campaign_id=campaign).values("pk").order_by()
            for model in (ArticlePage, ExemplarPage)
        ]
        own = CampaignPage.objects.filter(pk=campaign).values("pk").order_by()
        pages = pages.filter(pk__in=parts[0].union(parts[1], own, all=True))
    if filters["tag"]:
        # The tag's id from the kept names, a literal in the statement: by its slug (a
        # subquery) SQLite scanned every article's tag row and PostgreSQL planned for an
        # average tag (a rare tag: 1.2 s, most of it JIT-compiling an over-costed plan).
        # An unknown tag: id 0, which no tag has (an empty list cannot be compiled to SQL).
        tags = [named_things()["slugs"].get(filters["tag"], 0)]
        pages = pages.filter(carries(tags) if per_row else tagged_with(tags))
    if filters["year"]:
        year, model = filters["year"], filters.get("model")
        pages = pages.filter(year_of_page(year, model) if per_row else of_year(year, model))
    return pages


def search_scope(pages, filters):
    """The filtered ``pages`` as the engine searches them (search.engine.Scope): each form
    built only when the engine needs it, their SQL kept under ``scope_key``."""
    # SQLite checks a walked page's year by its key at 2-3x the speed of listing the year
    # first; PostgreSQL hashes the list once and is slower with the check form.
    per_row = database_vendor() == "sqlite"
    return Scope(
        lambda: filter_pages(pages, filters),
        (lambda: filter_pages(pages, filters, per_row=True)) if per_row else None,
        lambda: dated_scope(pages, filters),
        key=scope_key(filters),
    )


def scope_key(filters):
    """Everything the SQL of the filtered readable pages is built from: the filters, the
    language, the site's main language and the paths of the restricted pages (a page made
    private changes the key). None with a department filter (its path is read from the
    database, so the SQL is built each time)."""
    if filters["department"]:
        return None
    locale = filters["locale"]
    tag = named_things()["slugs"].get(filters["tag"], 0) if filters["tag"] else None
    return (
        locale.pk if locale else None,
        main_locale_id(),
        tuple(restrictions()[0]),
        filters["kind"],
        filters["campaign"],
        tag,
        filters["year"],
    )


def dated_scope(pages, filters):
    """PostgreSQL, a year of articles (the type and year filters): the year's articles newest
    first down the article date index, their content type, and the other filters as a check
    of one page at a time (see search.engine._dated_walk); else None."""
    if (
        connection.vendor != "postgresql"
        or not filters["year"]
        or filters.get("model") is not ArticlePage
    ):
        return None
    when = dated_types(filters["year"])[ArticlePage]
    newest = ArticlePage.objects.filter(when).order_by("-date", "-pk").values("pk")
    content_type = ContentType.objects.get_for_model(ArticlePage).pk
    return newest, content_type, filter_pages(pages, {**filters, "year": None})


def year_of_page(year, model=None):
    """``of_year`` for one page at a time: its dated row's date, by the page's key (only
    ``model``'s, when the type is chosen and dated), else every dated type's (``dated_in``)."""
    types = dated_types(year)
    if model is ArticlePage and connection.vendor == "sqlite":
        # The date from the narrow (page, date) index: SQLite looks a row up by its key, and
        # an article's row holds its whole body (1,650 walked matches at 100,000: ~4 ms).
        table = connection.ops.quote_name(ArticlePage._meta.db_table)
        page = f"{connection.ops.quote_name(Page._meta.db_table)}.{connection.ops.quote_name('id')}"
        start, end = types[ArticlePage].children[0][1]
        return RawSQL(
            f"EXISTS (SELECT 1 FROM {table} a INDEXED BY article_page_date "  # noqa: S608
            f"WHERE a.page_ptr_id = {page} AND a.date BETWEEN %s AND %s)",
            [start.isoformat(), end.isoformat()],
            output_field=BooleanField(),
        )
    if model is not None and model in types:
        return Exists(model.objects.filter(types[model], pk=OuterRef("pk")))
    return dated_in(year)


def tagged_with(tags):
    """Pages carrying any of ``tags`` (tag ids), whatever their type: one ``pk IN`` a union of
    each type's tag rows, read by the tag index (an ``OR`` of one ``IN`` per type made
    PostgreSQL scan every page, checking four hashed lists on each)."""
    tags = [int(tag) for tag in tags] or [0]  # no tag: id 0, which none has
    parts = [
        through.objects.filter(tag_id__in=tags).values("content_object_id").order_by()
        for through in tag_through_models()
    ]
    return Q(pk__in=parts[0].union(*parts[1:], all=True))


def carries(tags):
    """``tagged_with`` checked page by page (EXISTS on each type's tag rows by page): for the
    few pages ranked, where ``tagged_with`` would read every page carrying a common tag
    (12 ms on PostgreSQL at 100,000 articles)."""
    condition = Q(pk__in=[])
    for through in tag_through_models():
        condition |= Exists(through.objects.filter(content_object_id=OuterRef("pk"), tag__in=tags))
    return condition


def dated_types(year):
    """Each dated page type and its condition for ``year``: an article's date, an exemplar's
    year, a campaign's start, a document's date of issue."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    types = {
        ArticlePage: Q(date__range=(start, end)),
        ExemplarPage: Q(year_recognised=year),
        CampaignPage: Q(start_date__range=(start, end)),
    }
    if apps.is_installed("library"):
        types[apps.get_model("library", "DocumentPage")] = Q(date_issued__range=(start, end))
    return types


def of_year(year, model=None):
    """Pages of a year: a dated type's own date (``dated_types``), any other page's first
    publication; only ``model``'s when the type is chosen.

    One ``pk IN`` a union of each type's own rows (an article's year is a range of the article
    date index; the undated types' pages are found by their type), so the database reads that
    year's pages, not a join of every page to four tables (at 100,000 articles: 5-37 ms against
    417 ms of CPU on SQLite to list a year; PostgreSQL no longer scans every page).
    """
    types = dated_types(year)
    if model is not None and model in types:
        return Q(pk__in=model.objects.filter(types[model]).values("pk").order_by())
    parts = [
        dated.objects.filter(when).values("pk").order_by()
        for dated, when in types.items()
        if model is None or issubclass(model, dated)
    ]
    undated = [
        other
        for other in apps.get_models()
        if issubclass(other, Page) and not issubclass(other, tuple(types))
    ]
    first = timezone.make_aware(datetime.datetime(year, 1, 1))
    parts.append(
        Page.objects.filter(
            Page.objects.exact_type_q(*undated),
            first_published_at__gte=first,
            first_published_at__lt=first.replace(year=year + 1),
        )
        .values("pk")
        .order_by()
    )
    return Q(pk__in=parts[0].union(*parts[1:], all=True))


def dated_in(year):
    """``of_year`` as joins to each dated type's row: for a few pages known by their ids (the
    facet boosts), where reading a year's list of pages would cost more than the joins."""
    undated = Q(first_published_at__year=year)
    dated = Q(pk__in=[])
    for model, when in dated_types(year).items():
        name = model._meta.model_name
        undated &= Q(**{f"{name}__isnull": True})
        dated |= Q(**{f"{name}__{lookup}": value for lookup, value in when.children})
    return dated | undated


YEAR = re.compile(r"(19|20)\d\d")


def _names_in(names, folded_query):
    """The keys of ``names`` (key -> name) whose folded words appear together in the query."""
    found = []
    for key, name in names:
        words = _folded_words(name or "")
        if words != "  " and words in folded_query:
            found.append(key)
    return found


@functools.lru_cache(maxsize=4096)
def _folded_words(name):
    """' w1 w2 ' for a name (departments, categories and tags: folded once, not per search)."""
    return " " + " ".join(re.findall(r"[^\W_]+", fold(name))) + " "


def named_things():
    """(pk, name) of every exemplar category and tag, kept in the cache until one changes."""
    key = f"{CHOICES_KEY}:names"
    names = cache.get(key)
    if names is None or "slugs" not in names:
        names = {
            "categories": list(ExemplarCategory.objects.values_list("pk", "name")),
            "tags": list(Tag.objects.values_list("pk", "name")),
            "slugs": dict(Tag.objects.values_list("slug", "pk")),
        }
        cache.set(key, names, TYPES_CACHE_SECONDS)
    return names


def facet_boosts(ids, query):
    """How many of the things a query names each page has: a year, a category, a department, a tag.

    "guong sang nha giao 2024" names the category "Gương sáng nhà giáo" and the year 2024, so
    that year's profiles in that category score 2 and come first. One query at most.
    """
    terms = folded_terms(query)
    folded_query = f" {' '.join(terms)} "
    conditions = [dated_in(int(term)) for term in terms if YEAR.fullmatch(term)]
    names = named_things()
    categories = _names_in(names["categories"], folded_query)
    if categories:
        conditions.append(Q(exemplarpage__category_id__in=categories))
    for department in live_departments():
        if _names_in([(0, department.title), (0, department.short_name)], folded_query):
            conditions.append(Q(path__startswith=department.path))
    tags = _names_in(names["tags"], folded_query)
    if tags:
        conditions.append(carries(tags))
    scores = dict.fromkeys(ids, 0)
    if not conditions or not ids:
        return scores
    score = sum(
        Case(When(condition, then=1), default=0, output_field=IntegerField())
        for condition in conditions
    )
    rows = with_ids(Page.objects.all(), ids).annotate(facets=score).values_list("pk", "facets")
    scores.update((pk, facets) for pk, facets in rows if facets)
    return scores


def index_texts(ids, entries=None):
    """Each page's indexed text (as written and folded), in one query on the database backend:
    by the index entries' own keys when the engine gave them (``entries``: page id -> entry
    id), else by page (SQLite's planner may read the whole index for that)."""
    vendor = database_vendor()
    if vendor is not None:
        vendor_pg = vendor == "postgresql"
        columns = (
            ("object_id", "title_text", "body_text")
            if vendor_pg
            else ("object_id", "title", "body")
        )
        texts = {}
        keys = [entries.get(pk) for pk in ids] if entries else [None]
        if None not in keys:
            # By their integer keys, in a statement written here: the ORM prepared a
            # parameter per key and compiled the query (~0.3 ms for 40).
            quote = connection.ops.quote_name
            names = ", ".join(quote(IndexEntry._meta.get_field(name).column) for name in columns)
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT {names} FROM {quote(IndexEntry._meta.db_table)} "  # noqa: S608
                    f"WHERE {quote(IndexEntry._meta.pk.column)} IN "
                    f"({', '.join(str(int(key)) for key in keys)})"
                )
                found = cursor.fetchall()
        else:
            found = IndexEntry.objects.filter(
                content_type_id__in=page_type_pks(),
                object_id__in=[str(pk) for pk in ids],
            ).values_list(*columns)
        for object_id, title, body in found:
            if object_id.isdigit():
                texts[int(object_id)] = f"{title or ''} {body or ''}"
        return texts
    return {
        page.pk: page.searchable_text() + " " + page.search_context_text()
        for page in Page.objects.filter(pk__in=ids).specific(defer=False)
    }


def ordered_ids(ids, query, filters, partial=False):
    """The matched ids in display order: by relevance (see ``ranked``), or newest first.

    The engine found them among the filtered pages already (``matched_ids``'s scope), so the
    filters are not applied again (at 100,000 articles that re-read a year's 20,000 pages)."""
    if filters["sort"] != "moi-nhat":
        return ranked(ids, query, partial=partial)
    sort_date = Coalesce(
        "articlepage__date",
        "campaignpage__start_date",
        Cast("first_published_at", DateField()),
    )
    return list(
        with_ids(Page.objects.all(), ids)
        .annotate(sort_date=sort_date)
        .order_by(F("sort_date").desc(nulls_last=True), "-pk")
        .values_list("pk", flat=True)
    )


def ranked(ids, query, partial=False):
    """The engine's order, refined: more of the things the query names (year, category,
    department, tag), then the words as typed with their marks, above pages found only by
    folding.

    ``partial`` (no page holds every word): each page holds all the words but one, found by
    leaving each word out in turn (a page holding them all would have been found), so the
    pages' texts are not read to count them (at 100,000 articles that read up to 1,200
    bodies: ~100 ms)."""
    if not ids:
        return ids
    boosts = facet_boosts(ids, query)
    marks = has_marks(query)
    # The words as typed are looked for in the engine's first EXACT_CHECKED matches only (the
    # pages anyone reads).
    texts = index_texts(ids[:EXACT_CHECKED], getattr(ids, "entries", None)) if marks else {}
    words = query_words(query)

    exact = {pk for pk, text in texts.items() if matches_as_typed(text, words)}
    order = sorted(
        (-boosts.get(pk, 0), pk not in exact, position, pk) for position, pk in enumerate(ids)
    )
    return [item[-1] for item in order]


def page_date(page):
    for name in ("date", "start_date"):
        value = getattr(page, name, None)
        if isinstance(value, datetime.date):
            return value
    if page.first_published_at:
        return timezone.localtime(page.first_published_at).date()
    return None


def prefetch_search_relations(pages):
    """Read the related objects each page's search text shows (tags, category …) in one query
    per relation and page type, not one per result."""
    by_model = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for model, objects in by_model.items():
        names = [
            field.field_name
            for field in model.get_search_fields()
            if isinstance(field, index.RelatedFields)
        ]
        if names:
            prefetch_related_objects(objects, *names)


RAW = "_search_raw_"  # a deferred StreamField's stored text, on a result page


def result_pages(pks, types=None):
    """The pages of ``pks``, in that order, each of its own type: one query per type (Wagtail's
    ``specific()``, without its ordering by path), the types from ``types`` (page id -> content
    type id, as the engine found them in the index) or else read first.

    Their StreamFields are read as stored text and parsed only for the pages whose search
    text is built (``restore_streams``): parsing a body block by block cost more than the
    rest of the row, and most results show their summary."""
    if types is None or any(pk not in types for pk in pks):
        types = dict(with_ids(Page.objects.order_by(), pks).values_list("pk", "content_type_id"))
    by_type = {}
    for pk in pks:
        if pk in types:
            by_type.setdefault(types[pk], []).append(pk)
    pages = {}
    for type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class() or Page
        streams = [f.attname for f in model._meta.concrete_fields if isinstance(f, StreamField)]
        rows = model._default_manager.filter(pk__in=ids).order_by()
        if streams:
            raw = {RAW + name: Cast(name, TextField()) for name in streams}
            rows = rows.defer(*streams).annotate(**raw)
        pages.update((page.pk, page) for page in rows)
    return [pages[pk] for pk in pks if pk in pages]


def restore_streams(page):
    """Give ``page`` (from ``result_pages``) its StreamFields, parsed from the text read with
    it, as Django would have read them (no query)."""
    for field in page._meta.concrete_fields:
        name = RAW + field.attname
        if isinstance(field, StreamField) and name in page.__dict__:
            raw = page.__dict__.pop(name)
            setattr(page, field.attname, field.from_db_value(raw, None, connection))


def result_html(item, request):
    """One result's ``<li>``, as the search page shows it, built from the described item
    (``describe``) without a template: ten of them a page, each a dozen lookups and filters in
    Django's templates. Every value is escaped but the title and snippet (``highlight``)."""
    meta = [escape(item["type"])]
    if item["year"]:
        meta.append(escape(_("Year %(year)s") % {"year": item["year"]}))
    elif item["date"]:
        day = item["date"]
        meta.append(f'<time datetime="{day:%Y-%m-%d}">{day:%d/%m/%Y}</time>')
    if item["department"] is not None:
        meta.append(escape(item["department"].display_name))
    snippet = item["snippet"]
    summary = f'<p class="search-result__summary">{snippet}</p>' if snippet else ""
    return (
        f'<li class="search-result"><p class="search-result__type">{" · ".join(meta)}</p>'
        f'<h2 class="search-result__title"><a href="{escape(item["page"].get_url(request=request))}">'
        f"{item['title']}</a></h2>{summary}</li>"
    )


def describe(pages, query, prefix=False):
    """What each result shows: its page, type, date or year, department and snippet.

    The snippet is the summary (an article's lead, an exemplar's citation) when it holds a
    match: it reads best and spares building the page's whole text; only the pages whose
    summary holds none have their text built, their related objects read for them alone."""
    attach_departments(pages)
    terms = folded_terms(query)
    snippets = {}
    for page in pages:
        summary = getattr(page, "get_search_description", lambda: "")() or ""
        snippets[page.pk] = highlight(summary, query, prefix=prefix, terms=terms)
    unmatched = [page for page in pages if "<mark>" not in snippets[page.pk]]
    for page in unmatched:
        restore_streams(page)
    prefetch_search_relations(unmatched)
    for page in unmatched:
        text = page.searchable_text(choosers=False)  # no read of a chosen image, page…
        snippets[page.pk] = highlight(
            text[len(page.title or "") :], query, prefix=prefix, terms=terms
        )
    return [
        {
            "page": page,
            "title": highlight(page.title, query, length=500, prefix=prefix, terms=terms),
            "type": page.get_verbose_name().capitalize(),
            "date": page_date(page),
            "year": getattr(page, "year_recognised", None),
            "department": page.__dict__.get("department"),
            "snippet": snippets[page.pk],
        }
        for page in pages
    ]


PICKS_KEY = "search-picks"  # a query's editors' picks; see search.signals.forget_picks


def editors_picks(query):
    """The editors' picks for a query, kept in the cache until a promotion changes."""
    normalised = normalise_query_string(query)
    key = f"{PICKS_KEY}:{picks_version()}:{hashlib.sha1(normalised.encode()).hexdigest()}"
    picks = cache.get(key)
    if picks is None:
        picks = _editors_picks(normalised)
        cache.set(key, picks, TYPES_CACHE_SECONDS)
    return picks


def picks_version():
    version = cache.get(PICKS_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.set(PICKS_KEY, version, None)
    return version


def _editors_picks(normalised):
    picks = []
    promotions = (
        SearchPromotion.objects.filter(query__query_string=normalised)
        .select_related("page")
        .order_by("sort_order")
    )
    for pick in promotions:
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
    return picks


def suggestions(locale):
    """For an empty or fruitless search: the current (or latest) campaign, popular searches."""
    today = timezone.localdate()
    campaigns = own_rows(CampaignPage.objects.live().public())
    if locale:
        campaigns = campaigns.filter(locale=locale)
    campaign = (
        campaigns.filter(start_date__lte=today, end_date__gte=today).order_by("end_date").first()
        or campaigns.order_by("-start_date").first()
    )
    since = today - datetime.timedelta(days=POPULAR_DAYS)
    popular = [q.query_string for q in Query.get_most_popular(date_since=since)[:6]]
    return {"campaign": campaign, "popular": popular}


def add_hit(query):
    """Count a search, as Wagtail's Query.add_hit does, in one UPDATE once the day has a row
    (a statement written once: the ORM's update through the query's text compiles a join,
    and on SQLite reads the row's id first, two statements)."""
    today = timezone.now().date()
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {QueryDailyHits._meta.db_table} SET hits = hits + 1 "  # noqa: S608
            f"WHERE date = %s AND query_id = (SELECT id FROM {Query._meta.db_table} "
            "WHERE query_string = %s)",
            [connection.ops.adapt_datefield_value(today), normalise_query_string(query)],
        )
        updated = cursor.rowcount
    if not updated:
        Query.get(query).add_hit()


def own_rows(pages):
    """``pages`` read from their own (small) table first: without table statistics SQLite
    would otherwise walk every page of the language to find the few departments."""
    return pages.filter(pk__in=pages.model.objects.values("pk"))


def filter_choices(locale):
    """The filters' option lists as HTML (``<option>`` elements), kept in the cache per
    language of the pages and of the page's text until a department, campaign or tag changes
    (search.signals.forget_choices), the years apart (``year_options``); see
    ``filter_options`` for the reader's selection."""
    language = get_language()
    if language not in dict(settings.LANGUAGES):
        language = OTHER  # search.signals.forget_choices drops this one too
    key = f"{CHOICES_KEY}:{locale.pk if locale else 0}:{language}"
    choices = cache.get(key)
    if choices is None:
        choices = _option_lists(_filter_choices(locale))
        cache.set(key, choices, TYPES_CACHE_SECONDS)
    return {**choices, "years": year_options()}


def year_options():
    """The year filter's options: this year and every year with a public live article (in
    any language), newest first. Read from the kept article counts (listings.tally: one small
    query, not a scan of every article) and kept until an article changes (its language's
    ``articles:`` tag, perf.dependencies), a page's privacy or a language (``any``)."""
    locales = [_locale(code) for code, _name in settings.LANGUAGES]
    ids = sorted({locale.pk for locale in locales if locale is not None})
    this_year = timezone.localdate().year
    return remember(
        f"search-years:{this_year}:{','.join(map(str, ids))}",
        {f"articles:{pk}" for pk in ids},
        lambda: _options((year, year) for year in article_years(ids, this_year)),
    )


def article_years(locale_ids, this_year):
    years = {this_year}
    for locale_id in locale_ids:
        years |= {month.year for month, _count in tally.counts(locale_id).months()}
    return sorted(years, reverse=True)


def _options(pairs):
    return "".join(
        f'<option value="{escape(value)}">{escape(label)}</option>' for value, label in pairs
    )


def _option_lists(choices):
    """Each list's options rendered once (each value appears once in its list)."""
    return {
        "types": _options((key, label) for key, label, _model in type_choices()),
        "departments": _options((d.pk, d.display_name) for d in choices["departments"]),
        "campaigns": _options((c.pk, c.title) for c in choices["campaigns"]),
        "tags": _options((t.slug, t.name) for t in choices["tags"]),
        "locales": _options((lc.language_code, lc.get_display_name()) for lc in choices["locales"]),
        "sorts": _options(SORTS.items()),
    }


SELECTED = {
    "types": "kind",
    "departments": "department",
    "campaigns": "campaign",
    "tags": "tag",
    "years": "year",
    "sorts": "sort",
}


def filter_options(choices, filters):
    """The option lists with the reader's choices selected: the chosen value's option found
    in the kept HTML by its (escaped, unique) value attribute."""
    options = {}
    for name, html in choices.items():
        value = (
            filters["locale"].language_code
            if name == "locales" and filters["locale"]
            else (filters.get(SELECTED.get(name)))
        )
        if value not in (None, ""):
            chosen = f'<option value="{escape(value)}">'
            html = html.replace(chosen, chosen[:-1] + " selected>", 1)
        options[name] = mark_safe(html)  # noqa: S308 - built from escaped values and labels
    return options


def _filter_choices(locale):
    """The filters' lists, kept in the cache until a department, campaign or tag changes."""
    departments = own_rows(DepartmentPage.objects.live().public()).order_by("title")
    campaigns = own_rows(CampaignPage.objects.live().public()).order_by("-start_date")
    if locale:
        departments = departments.filter(locale=locale)
        campaigns = campaigns.filter(locale=locale)
    locales = list(Locale.objects.order_by("language_code"))
    return {
        "departments": list(departments.only("id", "title", "short_name")),
        "campaigns": list(campaigns.only("id", "title")),
        "tags": list(Tag.objects.order_by("name")[:200]),
        "locales": locales if len(locales) > 1 else [],
    }


def search(request):
    query = clean_query(request.GET.get("q"))
    filters = read_filters(request)
    locale = filters["locale"]
    results = items = None
    picks = []
    partial = False
    if query:
        # Built when used: a filtered search's scope holds it, in SQL kept (search_scope).
        pages = SimpleLazyObject(lambda: base_pages(locale))
        scope = search_scope(pages, filters) if has_filters(filters) else None
        ids, partial, prefix = kept_matches(pages, query, filters, scope)
        types = getattr(ids, "types", None)
        ids = ordered_ids(ids, query, filters, partial=partial)
        results = paginate(request, ids, per_page=PER_PAGE)
        results.object_list = result_pages(list(results.object_list), types)
        items = describe(results.object_list, query, prefix=prefix)
        for item in items:
            item["html"] = mark_safe(result_html(item, request))  # noqa: S308 - escaped above
        if engine_query(query):
            picks = editors_picks(query)
            if ids and results.number == 1:
                add_hit(query)
    filtered = has_filters(filters) or filters["sort"] != "lien-quan"
    context = {
        "query": query,
        "results": results,
        "items": items,
        "picks": picks,
        "partial": partial,
        "filters": filters,
        "filtered": filtered,
        "choices": filter_options(filter_choices(locale), filters),
        "capped": results is not None and results.paginator.count >= MAX_RESULTS,
    }
    if not results or not results.paginator.count:
        context["suggestions"] = suggestions(locale)
    return render(request, "pages/search_page.html", context)
