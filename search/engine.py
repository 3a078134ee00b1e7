"""The engine's best matches for folded terms, in time that does not grow with the archive.

Wagtail's database backends rank with a correlated subquery that runs the full-text match
again for every matching page, so a common word ("cong doan") costs the square of the
matches. On SQLite and PostgreSQL this module asks the index table directly, in one query
that the database can stop early: the newest CANDIDATES index entries holding every word,
found by walking the full-text index from the newest entry down (SQLite: FTS5 ordered by
rowid DESC with a LIMIT, no JOIN inside, so FTS5 stops after CANDIDATES matches;
PostgreSQL: ``ORDER BY id DESC LIMIT`` over the GIN-indexed tsvector, the planner choosing
between the primary key walked backwards and the GIN index by how common the words are).

Nothing is computed over every match: no engine score (SQLite's bm25() counts each word's
documents over the whole index on every query, which grows with the archive), no count.
The candidates are ranked here by how many of the words their title holds (folded, so
"nguoi" counts in "Người"), then newest first; search.views refines that order (things the
query names, words as typed with their marks). A word found in the whole archive is thus
ranked among its newest CANDIDATES pages, which is what a news site's readers want.
Other backends (Elasticsearch, OpenSearch) rank the whole index themselves, through Wagtail.
"""

import functools
import hashlib
import json
import re
import unicodedata

from modelsearch.conf import get_app_config
from modelsearch.utils import get_descendant_models

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection

from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

# Newest matching index entries ranked per query: as many as the page shows at most
# (search.views.MAX_RESULTS). 500 before 26/11 22:35: PostgreSQL reads the matches' tsvectors
# one by one (~7 us each), so a query of common words ("bao hiem xa hoi" at 100,000 articles)
# read 4,300 entries for 500 and 2,600 for 300 (30 -> 18 ms).
CANDIDATES = 300
# PostgreSQL reads every match of a word of middling frequency through the GIN index before
# keeping the newest; so it first looks among the newest WINDOW entries only, and searches the
# whole index when that window holds fewer than ENOUGH matches (rare words: few rows anyway).
WINDOW = 20_000
ENOUGH = 300
# SQLite, a search restricted to some pages (another language than the site's, a filter): the
# newest PROBE matches are walked, each one's page checked; then (see _sqlite_scoped) the walk
# goes on (at most WALK matches) or the scope's entries are gathered, looked up one by one (up
# to SEEK pages: a seek in FTS5's index each) or in a set the walk checks.
PROBE = 1_000
WALK = 50_000
WALK_COST = 3  # a match read and checked costs about three scope pages gathered
SEEK = 200
# PostgreSQL, a year of one dated type: the year's pages walked newest first when the words
# are in at least DATED_SHARE of the entries (so ~CANDIDATES / DATED_SHARE pages are read),
# reading at most DATED_READ of them (see _dated_walk).
DATED_SHARE = 0.02
DATED_READ = 12_000
# SQLite: an entry's page (type and id), and the page's columns a filter checks, read from
# narrow indexes (search/migrations/0001), not from the rows, which hold an entry's whole
# text and a page's every column (a year's filtered search at 100,000 articles: 18 -> 7.5 ms).
ENTRY_PAGES = "search_entry_page"
PAGE_SCOPE = "search_page_scope"


def narrow_pages(sql, params):
    """The SQL of a page-by-page scope check (``Scope.check``) reading the page from the
    narrow PAGE_SCOPE index: SQLite looks a key up in the table unless told otherwise."""
    table = connection.ops.quote_name(Page._meta.db_table)
    return sql.replace(
        f"FROM {table} WHERE", f"FROM {table} INDEXED BY {PAGE_SCOPE} WHERE", 1
    ), params


def database_vendor():
    """'sqlite' or 'postgresql' when Wagtail's database backend (or a subclass of it, such as
    search.backends') is in use there, else None."""
    backend = get_app_config().get_search_backend_config()["default"].get("BACKEND")
    return _vendor(backend, connection.vendor)


@functools.lru_cache(maxsize=16)
def _vendor(backend, connection_vendor):
    """``database_vendor`` for a configured backend and database (building the backend, as
    each search asked three times, costs more than the answer)."""
    for cls in type(get_search_backend()).__mro__:
        if cls.__module__.startswith("modelsearch.backends.database.sqlite"):
            return "sqlite"
        if cls.__module__.startswith("modelsearch.backends.database.postgres"):
            return "postgresql"
    return None


@functools.cache
def _page_models():
    return tuple(get_descendant_models(Page))


def page_type_pks():
    """The content type ids of every page model: modelsearch's
    ``get_descendants_content_types_pks`` walks every model of the project at each call."""
    return [
        content_type.pk
        for content_type in ContentType.objects.get_for_models(*_page_models()).values()
    ]


def page_type_ids():
    """``page_type_pks`` as SQL."""
    return ", ".join(str(int(pk)) for pk in page_type_pks())


class Prefix(str):
    """A folded term matched as the start of a word ("xuy" finds "xuyên"): the last word of a
    query may be one the reader is still typing (see search.views.prefixed)."""


def _all_but_one(words):
    """Each way of leaving one word out (``operator="most"``: a page holding all the words
    but one, whichever it is), for one statement instead of one per word left out."""
    return [words[:i] + words[i + 1 :] for i in range(len(words))]


def _match(terms, operator):
    words = [f'"{t}"*' if isinstance(t, Prefix) else f'"{t}"' for t in terms]
    if operator == "most":
        groups = ("(" + " AND ".join(group) + ")" for group in _all_but_one(words))
        return "{title body} : (" + " OR ".join(groups) + ")"
    return "{title body} : (" + f" {operator.upper()} ".join(words) + ")"


def _sqlite(terms, operator, locale_id=None):
    """The newest matches, walking FTS5's index from the newest entry down and stopping after
    CANDIDATES (of the language ``locale_id`` when given: its pages are looked up row by row,
    so this suits the site's main language, which holds nearly every page)."""
    table = IndexEntry._meta.db_table
    if locale_id is None:
        # The LIMIT sits inside the subquery, on the FTS5 table alone: SQLite cannot flatten a
        # limited subquery into the join, so FTS5 walks its index newest first and stops.
        return (
            f"SELECT c.id, e.object_id, e.content_type_id FROM ("  # noqa: S608
            f"SELECT rowid AS id FROM {table}_fts WHERE {table}_fts MATCH %s "
            f"ORDER BY rowid DESC LIMIT {int(CANDIDATES)}"
            f") AS c JOIN {table} e INDEXED BY {ENTRY_PAGES} ON e.id = c.id WHERE e.content_type_id IN ({{types}})",
            [_match(terms, operator)],
        )
    # CROSS JOIN keeps FTS5 the outer loop: it hands rows over newest first (the ORDER BY is
    # consumed, no sort) and the LIMIT stops it once CANDIDATES entries of the language passed.
    return (
        f"SELECT f.rowid, e.object_id, e.content_type_id FROM {table}_fts f "  # noqa: S608
        f"CROSS JOIN {table} e INDEXED BY {ENTRY_PAGES} ON e.id = f.rowid "
        f"CROSS JOIN {Page._meta.db_table} p INDEXED BY {PAGE_SCOPE} ON p.id = CAST(e.object_id AS INTEGER) "
        f"WHERE {table}_fts MATCH %s AND e.content_type_id IN ({{types}}) AND p.locale_id = %s "
        f"ORDER BY f.rowid DESC LIMIT {int(CANDIDATES)}",
        [_match(terms, operator), locale_id],
    )


def _sqlite_scope(terms, operator, scope_sql, scope_params, seek):
    """The newest matches among the index entries of the pages ``scope_sql`` selects.

    ``seek``: FTS5 looks each entry up (few pages); else it walks its matches newest first and
    keeps those whose entry is in the set (built once), stopping after CANDIDATES.
    """
    table = IndexEntry._meta.db_table
    rowid = "f.rowid" if seek else "+f.rowid"  # "+": not offered to FTS5 as a constraint
    return (
        f"SELECT f.rowid, e.object_id, e.content_type_id FROM {table}_fts f "  # noqa: S608
        f"CROSS JOIN {table} e INDEXED BY {ENTRY_PAGES} ON e.id = f.rowid "
        f"WHERE {table}_fts MATCH %s AND {rowid} IN ("
        f"SELECT s_e.id FROM ({scope_sql}) s CROSS JOIN {table} s_e "
        f"ON s_e.object_id = CAST(s.pk AS TEXT) AND s_e.content_type_id IN ({{types}})"
        f") ORDER BY f.rowid DESC LIMIT {int(CANDIDATES)}",
        [_match(terms, operator), *scope_params],
    )


def _walk(vendor, terms, operator, scoped, read, keep=None, below=None):
    """The newest ``read`` matches (below the entry ``below``), each one's page checked against
    the scope as the full-text index is walked newest first.

    ``keep``: only the matches in the scope, and the walk stops once ``keep`` are found (a
    wide scope keeps most matches: few are read). Without it, every match read, with a fourth
    column saying whether its page is in the scope (what the probe learns the scope's share
    from). The scope is checked one page at a time by its primary key (PostgreSQL: ``OFFSET
    0`` keeps the check a subplan, not a hash of the whole scope built before the walk).
    """
    scope_sql, scope_params = scoped
    table = IndexEntry._meta.db_table
    if vendor == "sqlite":
        inner = (
            f"SELECT rowid AS id FROM {table}_fts WHERE {table}_fts MATCH %s "  # noqa: S608
            f"{'AND rowid < %s ' if below is not None else ''}"
            f"ORDER BY rowid DESC LIMIT {int(read)}"
        )
        params = [_match(terms, operator)]
        join = f"CROSS JOIN {table} e INDEXED BY {ENTRY_PAGES} ON e.id = c.id"
        page = "CAST(e.object_id AS INTEGER)"
        in_scope = f"e.content_type_id IN ({{types}}) AND EXISTS (SELECT 1 FROM ({scope_sql}) s WHERE s.pk = {page})"
    else:
        inner = (
            f"SELECT e.id, e.object_id, e.content_type_id FROM {table} e "  # noqa: S608
            f"WHERE e.body @@ to_tsquery(%s::regconfig, %s) AND e.content_type_id IN ({{types}}) "
            f"{'AND e.id < %s ' if below is not None else ''}"
            f"ORDER BY e.id DESC LIMIT {int(read)}"
        )
        params = [_pg_config(), _pg_query(terms, operator)]
        join = ""
        page = "(CASE WHEN c.object_id ~ '^[0-9]{1,9}$' THEN c.object_id::integer END)"
        in_scope = f"EXISTS (SELECT 1 FROM ({scope_sql}) s WHERE s.pk = {page} OFFSET 0)"
    columns = "c.id, {0}.object_id, {0}.content_type_id".format("e" if vendor == "sqlite" else "c")
    # SQLite hands the rows over in the subquery's order (FTS5 the outer loop): a second ORDER
    # BY would sort them all before the LIMIT; PostgreSQL knows the order and sorts nothing.
    order = "" if vendor == "sqlite" else "ORDER BY c.id DESC "
    if below is not None:
        params.append(below)
    if keep is None:  # the scope's check comes first in the statement, its parameters too
        sql = f"SELECT {columns}, ({in_scope}) FROM ({inner}) c {join} {order}"
        return sql, [*scope_params, *params]
    sql = f"SELECT {columns} FROM ({inner}) c {join} WHERE {in_scope} {order}LIMIT {int(keep)}"
    return sql, [*params, *scope_params]


def _pg_config():
    return settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG") or "simple"


def _pg_query(terms, operator):
    words = [f"{t}:*" if isinstance(t, Prefix) else t for t in terms]
    if operator == "most":
        return " | ".join("(" + " & ".join(group) + ")" for group in _all_but_one(words))
    return (" & " if operator == "and" else " | ").join(words)


def _postgresql(terms, operator, since=None, locale_id=None, scope=None):
    table = IndexEntry._meta.db_table
    params = [_pg_config(), _pg_query(terms, operator)]
    join = where = ""
    if locale_id is not None:
        # The page of each entry, by its primary key (object_id is text; other models' ids
        # may not be numbers): the planner can still walk the entries newest first and stop.
        join = (
            f"JOIN {Page._meta.db_table} p ON p.id = "
            "(CASE WHEN e.object_id ~ '^[0-9]{1,9}$' THEN e.object_id::integer END) "
        )
        where += "AND p.locale_id = %s "
        params.append(locale_id)
    if scope is not None:
        scope_sql, scope_params = scope
        where += f"AND e.object_id IN (SELECT s.pk::text FROM ({scope_sql}) s) "
        params += scope_params
    if since is not None:
        where += "AND e.id > %s "
        params.append(since)
    return (
        f"SELECT e.id, e.object_id, e.content_type_id FROM {table} e {join}"  # noqa: S608
        f"WHERE e.body @@ to_tsquery(%s::regconfig, %s) AND e.content_type_id IN ({{types}}) "
        f"{where}ORDER BY e.id DESC LIMIT {int(CANDIDATES)}",
        params,
    )


def _postgresql_gather(terms, operator, scoped):
    """The newest matches among a narrow scope's pages: each page's entry found by its unique
    (type, id) index (one descent: the page's own type), the entries taken newest first and
    only then their text matched, until CANDIDATES match (``OFFSET 0`` keeps the lookup a loop
    over the scope's pages; left to itself the planner hashes the scope and matches every
    entry: 1.2 s for the 1,861 pages of a year at 100,000 articles). Matching each page's
    text before keeping the newest read every tsvector of the scope (a campaign's 4,200
    pages: 240 ms; a common word now stops after ~300)."""
    scope_sql, scope_params = scoped
    table = IndexEntry._meta.db_table
    return (
        f"SELECT e.id, e.object_id, e.content_type_id FROM ("  # noqa: S608
        f"SELECT s_e.id FROM ({scope_sql}) s CROSS JOIN LATERAL ("
        f"SELECT s_e.id FROM {table} s_e WHERE s_e.content_type_id = s.content_type_id "
        "AND s_e.object_id = s.pk::text OFFSET 0) s_e ORDER BY s_e.id DESC"
        f") ids CROSS JOIN LATERAL (SELECT e.id, e.object_id, e.content_type_id FROM {table} e "
        "WHERE e.id = ids.id "
        f"AND e.content_type_id IN ({{types}}) AND e.body @@ to_tsquery(%s::regconfig, %s) "
        f"OFFSET 0) e ORDER BY ids.id DESC LIMIT {int(CANDIDATES)}",
        [*scope_params, _pg_config(), _pg_query(terms, operator)],
    )


def newest_entry():
    """The id of the index's newest entry (0 when empty): about the number of entries, read
    from the end of the primary key."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT MAX(id) FROM {IndexEntry._meta.db_table}")  # noqa: S608
        return cursor.fetchone()[0] or 0


def main_locale_id():
    """The id of the site's main language's Locale (it holds nearly every page), or None."""
    from wagtail.models import Locale

    try:
        return Locale.get_default().pk
    except Locale.DoesNotExist:
        return None


# The SQL of the scopes searched lately, by the key of what it was built from (Scope.key).
COMPILED = {}
COMPILED_MAX = 500  # scopes kept (each a few kilobytes); all forgotten when more come


class Scope:
    """The pages a search is restricted to (filters), in two forms of one set: ``pages``, to
    be listed (gathering a narrow scope's entries: a year as a range of the article date
    index), and ``check``, to test one page at a time as the full-text index is walked
    (a year as the page's own date row, by its key: SQLite would otherwise list a year's
    20,000 articles before each walk, ~9 ms at 100,000 articles).

    Each form may be given as a function building its queryset: most searches only check
    pages one at a time or walk a year (``dated``), and never list the scope. ``key``, when
    given, names everything the scope's SQL is built from (the filters, the language, the
    restricted pages' paths): the SQL of the check and of the walk of a year is then built
    and compiled once per process for that key (at 100,000 articles building and compiling
    them was ~2 ms of a filtered search's ~25 ms of Python), as a prepared statement is.
    """

    def __init__(self, pages, check=None, dated=None, key=None):
        self._pages = pages
        self._check = check
        # PostgreSQL, a year of one dated type: (its pages newest first by their date index,
        # their content type id, the other filters as a page-by-page check), or a function
        # giving that or None; see _dated_walk.
        self._dated = dated
        self.key = key

    @functools.cached_property
    def pages(self):
        return self._pages() if callable(self._pages) else self._pages

    @property
    def check(self):
        if self._check is None:
            return self.pages
        return self._check() if callable(self._check) else self._check

    def _compiled(self, part, build):
        if self.key is None:
            return build()
        key = (connection.vendor, self.key, part)
        sql = COMPILED.get(key)
        if sql is None:
            if len(COMPILED) >= COMPILED_MAX:
                COMPILED.clear()
            sql = COMPILED[key] = build()
        return sql

    def check_sql(self):
        """(sql, params) selecting the scope's pages as ``pk``, to be checked one at a time."""

        def build():
            sql = self.check.order_by().values("pk").query.sql_with_params()
            return narrow_pages(*sql) if connection.vendor == "sqlite" else sql

        return self._compiled("check", build)

    def dated_sql(self):
        """(newest pages' SQL, content type id, check's SQL) for _dated_walk, or None."""

        def build():
            dated = self._dated() if callable(self._dated) else self._dated
            if dated is None:
                return False  # kept as "no walk of a year" (None is "not built yet")
            newest, content_type_id, check = dated
            return (
                newest.query.sql_with_params(),
                content_type_id,
                check.order_by().values("pk").query.sql_with_params(),
            )

        return self._compiled("dated", build) or None


def found_pages(rows):
    """(entry id, page id, content type id, title or None) of each row of a candidates
    statement: (entry id, object id, content type id[, title]), the rows of other models than
    pages (ids that are not numbers) left out."""
    return [
        (entry, int(object_id), type_id, *(rest or [None]))
        for entry, object_id, type_id, *rest in rows
        if str(object_id).isdigit()
    ]


def candidates(terms, operator, locale=None, scope=None):
    """(index entry id, page id, content type id, title) of the newest CANDIDATES entries
    matching the terms, among the pages of ``locale`` and, when given, among the pages of the
    queryset ``scope`` (filters). The title is read only where the entry's row is read anyway
    and the scope keeps to the pages a reader may see (PostgreSQL's walk of a year), else None.

    The language and the filters restrict the entries BEFORE the newest CANDIDATES are kept,
    so a few English pages, or a filter's older pages, are not crowded out by newer pages of
    the main language. Only the entries' first columns are read: on SQLite the indexed title
    is stored after the long body text, so reading it would read every body.
    """
    vendor = database_vendor()
    types = page_type_ids()
    locale_id = getattr(locale, "pk", locale)

    def run(sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql.replace("{types}", types), params)
            return found_pages(cursor.fetchall())

    if scope is None and locale_id is not None and locale_id != main_locale_id():
        scope = Page.objects.filter(locale_id=locale_id)  # few pages: looked up, not walked
    if scope is not None:
        scope = scope if isinstance(scope, Scope) else Scope(scope)
        dated = scope.dated_sql() if vendor == "postgresql" else None
        if dated is not None:
            found = _dated_walk(run, terms, operator, *dated)
            if found is not None:
                return found
        # The scope as checked page by page; as a list only if it is gathered (_scoped).
        return _scoped(vendor, run, terms, operator, scope, scope.check_sql())
    if vendor == "sqlite":
        return run(*_sqlite(terms, operator, locale_id))
    since = newest_entry() - WINDOW
    if since > 0:
        found = run(*_postgresql(terms, operator, since, locale_id))
        if len(found) >= min(ENOUGH, CANDIDATES):
            return found
    return run(*_postgresql(terms, operator, None, locale_id))


def _dated_walk(run, terms, operator, newest, content_type_id, check):
    """PostgreSQL, a search within a year of one dated type (articles of 2026): the year's
    pages walked newest first down their date index, each checked against the other filters
    and its entry's text matched, until CANDIDATES match; or None, to search the usual way.

    Walking the full-text matches instead reads every match of every year and checks each
    one's page: "cong doan" in 2026's articles at 100,000 read ~1,650 matches (a tsvector
    and a page check each: ~40 ms), where this reads the ~330 newest articles of the year
    (~5 ms). It suits words found in a good share of pages (DATED_SHARE, by the planner's
    estimate of their matches and of the entries: one EXPLAIN, no row read, its answer kept
    in the cache for SHARE_SECONDS, as the table's statistics change slowly): for rarer words
    it would read most of the year. When it finds fewer than CANDIDATES within the DATED_READ
    pages it may read, the usual walk runs (it could have missed older matches of the year).
    Only the first try of a query walks so (every word, whole): the later tries (a word's
    start, all words but one) come when few pages match, where the usual walk is cheap.

    ``newest`` and ``check``: (sql, params) of the year's pages newest first and of the other
    filters' check (``Scope.dated_sql``)."""
    table = IndexEntry._meta.db_table
    match = [_pg_config(), _pg_query(terms, operator)]
    if operator != "and" or any(isinstance(term, Prefix) for term in terms):
        return None  # a second try (a word's start, all words but one): its scope is narrow
    if planned_share(match) < DATED_SHARE:
        return None
    pages_sql, pages_params = newest
    check_sql, check_params = check
    sql = (
        f"SELECT e.id, e.object_id, e.content_type_id, e.title_text "  # noqa: S608
        f"FROM ({pages_sql} LIMIT {int(DATED_READ)}) d "
        f"CROSS JOIN LATERAL (SELECT 1 FROM ({check_sql}) s WHERE s.pk = d.pk OFFSET 0) ok "
        f"CROSS JOIN LATERAL (SELECT e.id, e.object_id, e.content_type_id, e.title_text FROM {table} e "
        f"WHERE e.content_type_id = {int(content_type_id)} AND e.object_id = d.pk::text "
        "AND e.body @@ to_tsquery(%s::regconfig, %s) OFFSET 0) e "
        f"LIMIT {int(CANDIDATES)}"
    )
    found = run(sql, [*pages_params, *check_params, *match])
    return found if len(found) >= CANDIDATES else None


SHARE_KEY = "search-share"
SHARE_SECONDS = 3600


def planned_share(match):
    """PostgreSQL's estimate of the share of the index entries matching ``match`` (the text
    search configuration and query), from the planner's statistics (no row read)."""
    key = f"{SHARE_KEY}:{hashlib.sha1(json.dumps(match).encode()).hexdigest()}"
    share = cache.get(key)
    if share is None:
        table = IndexEntry._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"EXPLAIN (FORMAT JSON) SELECT 1 FROM {table} "  # noqa: S608
                f"WHERE body @@ to_tsquery(%s::regconfig, %s) UNION ALL SELECT 1 FROM {table}",
                match,
            )
            plan = cursor.fetchone()[0]
        plan = json.loads(plan) if isinstance(plan, str) else plan
        matches, entries = (part["Plan Rows"] for part in plan[0]["Plan"]["Plans"])
        share = matches / max(entries, 1)
        cache.set(key, share, SHARE_SECONDS)
    return share


def walk_on(kept, entries, below=None):
    """Whether walking on is cheaper than gathering the scope, after the newest PROBE matches
    kept ``kept`` pages of the scope, in an index of ``entries``, the oldest match read being
    the entry ``below``.

    The scope holds about ``share`` of the matches, so about ``share x entries`` pages: that
    many to gather; walking on reads about ``(CANDIDATES - kept) / share`` more matches, and
    never more than the ``below`` entries older than the probe's last, each costing about
    WALK_COST pages gathered. At 100,000 entries they are equal for a scope of about 16,000
    pages (a year of articles: 20,000), where either costs ~35 ms. When the probe has read
    most of the index (a small site: at most PROBE entries left), the rest is walked: a few
    more rows, where gathering the scope would look each of its pages up in the full-text
    index (1,000 articles, "cong doan" in a year's 197: 9 ms against 1.5).
    """
    share = kept / PROBE
    if below is not None and (below <= PROBE or below * WALK_COST <= share * entries):
        return True
    return share > 0 and (CANDIDATES - kept) / share * WALK_COST <= share * entries


def _scoped(vendor, run, terms, operator, scope, checked):
    """The newest matches among a scope's pages, the cheapest way for the scope's size.

    The scope's size is not counted first (counting 20,000 pages of a year costs 30 ms at
    100,000 articles): the newest PROBE matches are read, each one's page checked; the share
    of them in the scope tells how many pages the scope has. Then whichever is cheaper (see
    ``walk_on``): walking on until CANDIDATES are kept (a wide scope: few more matches to
    read), or gathering the scope's entries (a narrow one) and matching those only.
    ``scope``: a Scope, its pages listed only to be gathered; ``checked``: the scope as tested
    page by page in the walks (``Scope.check``'s SQL).
    """
    types = page_type_ids()
    with connection.cursor() as cursor:
        sql, params = _walk(vendor, terms, operator, checked, PROBE)
        cursor.execute(sql.replace("{types}", types), params)
        probe = cursor.fetchall()
    probe.sort(reverse=True)
    found = found_pages(row[:3] for row in probe if row[3])
    if len(found) >= CANDIDATES or len(probe) < PROBE:  # enough, or every match was read
        return found[:CANDIDATES]
    entries = newest_entry()
    oldest = min(row[0] for row in probe)
    if walk_on(len(found), entries, oldest):
        keep = CANDIDATES - len(found)
        return found + run(*_walk(vendor, terms, operator, checked, WALK, keep, oldest))
    if vendor == "postgresql":
        # Each page's entry by its own type: one descent of the unique (type, id) index, not
        # one per page type (17: ~50 us a page, 4,200 pages of a campaign at 100,000).
        typed = scope.pages.order_by().values("pk", "content_type_id").query.sql_with_params()
        return run(*_postgresql_gather(terms, operator, typed))
    scoped = scope.pages.order_by().values("pk").query.sql_with_params()
    if any(isinstance(term, Prefix) for term in terms):
        # FTS5 gathers every word a start begins (no prefix index: ~20 ms for "doan"*) at each
        # seek; one walk against the scope's set gathers them once.
        return run(*_sqlite_scope(terms, operator, *scoped, seek=False))
    size = scope.pages.order_by()[: SEEK + 1].count()
    return run(*_sqlite_scope(terms, operator, *scoped, seek=size <= SEEK))


_ASCII_WORD = re.compile(r"[a-z0-9]+")


def title_words(title):
    """The folded words of a title, as cms.text.fold gives them, without a Python call per
    letter: decomposed, đ -> d, lower case, marks (and any other non-ASCII sign) dropped."""
    decomposed = unicodedata.normalize("NFD", (title or "").lower().replace("đ", "d"))
    return set(_ASCII_WORD.findall(decomposed.encode("ascii", "ignore").decode()))


def title_score(title, terms):
    """How many of the folded terms the title holds as words (a Prefix: as a word's start)."""
    return _score(title_words(title), terms)


def _score(words, terms):
    return sum(
        1
        for term in terms
        if term in words or isinstance(term, Prefix) and any(w.startswith(term) for w in words)
    )


# Bytes of folded ASCII text: letters lower-cased, digits and line ends kept, anything else a space.
_WORD_BYTES = bytes(
    c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or 48 <= c <= 57 or c == 10 else 32
    for c in range(256)
)


def title_scores(titles, terms):
    """``title_score`` of each of ``titles`` (pk -> title), folded in one pass over them all:
    the joined titles decomposed and cut to ASCII once, every sign but letters and digits made
    a space, then each term looked for as `` term `` (a Prefix: `` term``) in each line,
    instead of a set of words built per title (CANDIDATES a query)."""
    if not titles:
        return {}
    pks = list(titles)
    joined = "\n".join((titles[pk] or "").replace("\n", " ") for pk in pks)
    joined = joined.replace("đ", "d").replace("Đ", "d")
    ascii_text = unicodedata.normalize("NFD", joined).encode("ascii", "ignore")
    lines = ascii_text.translate(_WORD_BYTES).split(b"\n")
    needles = [
        f" {term}".encode() if isinstance(term, Prefix) else f" {term} ".encode() for term in terms
    ]
    lines = [b" " + line + b" " for line in lines]
    scores = [0] * len(lines)
    for needle in needles:
        for number, line in enumerate(lines):
            if needle in line:
                scores[number] += 1
    return dict(zip(pks, scores, strict=True))


def with_ids(pages, ids):
    """``pages.filter(pk__in=ids)`` for a long list of integer ids, without Django preparing
    each id as a query parameter (a millisecond per hundred ids)."""
    ids = [int(pk) for pk in ids]
    if not ids:
        return pages.none()
    column = f"{connection.ops.quote_name(Page._meta.db_table)}.{connection.ops.quote_name('id')}"
    return pages.extra(where=[f"{column} IN ({', '.join(map(str, ids))})"])  # noqa: S610


class Matches(list):
    """Page ids, with ``entries``: each page's index entry id (its text read by that key), and
    ``types``: each page's content type id (its row read from its own type's table)."""

    def __init__(self, ids=(), entries=None, types=None):
        super().__init__(ids)
        self.entries = entries or {}
        self.types = types or {}


def best_matches(pages, terms, operator, limit, locale=None, scope=None):
    """Ids of ``pages`` matching the folded ``terms``, most relevant first, at most ``limit``.

    ``locale`` and ``scope`` (a queryset of pages within ``pages``: the filters) restrict the
    candidates before the newest are kept (see ``candidates``); ``pages`` is what may be shown
    at all.
    """
    vendor = database_vendor()
    if vendor != connection.vendor or vendor is None:
        if scope is not None:
            scope = scope.pages if isinstance(scope, Scope) else scope
            pages = pages.filter(pk__in=scope.order_by().values("pk"))
        results = pages.search(" ".join(terms), operator=operator, order_by_relevance=True)
        return [page.pk for page in results[:limit]]
    found = candidates(terms, operator, locale, scope)
    if not found:
        return []
    entries = {pk: entry for entry, pk, _type, _title in found}
    types = {pk: type_id for _entry, pk, type_id, _title in found}
    titles = {pk: title for _entry, pk, _type, title in found}
    if scope is None:
        # One query keeps the live, public pages of the reader's language and reads their
        # titles.
        titles = dict(with_ids(pages.order_by(), entries).values_list("pk", "title"))
    elif None in titles.values():
        # The scope lies within ``pages``: the titles by the pages' keys alone.
        titles = dict(with_ids(Page.objects.order_by(), entries).values_list("pk", "title"))
    scores = title_scores(titles, terms)
    ranked = sorted((-scores[pk], -entries[pk], pk) for pk in titles)
    return Matches((pk for _score, _entry, pk in ranked[:limit]), entries, types)
