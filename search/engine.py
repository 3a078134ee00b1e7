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

import re
import unicodedata

from modelsearch.utils import get_descendants_content_types_pks

from django.conf import settings
from django.db import connection

from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

CANDIDATES = 1000  # newest matching index entries ranked per query
# PostgreSQL reads every match of a word of middling frequency through the GIN index before
# keeping the newest; so it first looks among the newest WINDOW entries only, and searches the
# whole index when that window holds fewer than ENOUGH matches (rare words: few rows anyway).
WINDOW = 20_000
ENOUGH = 300


def database_vendor():
    """'sqlite' or 'postgresql' when Wagtail's database backend is in use there, else None."""
    module = type(get_search_backend()).__module__
    if module.startswith("modelsearch.backends.database.sqlite"):
        return "sqlite"
    if module.startswith("modelsearch.backends.database.postgres"):
        return "postgresql"
    return None


def _sqlite(terms, operator):
    table = IndexEntry._meta.db_table
    match = "{title body} : (" + f" {operator.upper()} ".join(f'"{t}"' for t in terms) + ")"
    # The LIMIT sits inside the subquery, on the FTS5 table alone: SQLite cannot flatten a
    # limited subquery into the join, so FTS5 walks its index newest first and stops.
    return (
        f"SELECT c.id, e.object_id FROM ("  # noqa: S608
        f"SELECT rowid AS id FROM {table}_fts WHERE {table}_fts MATCH %s "
        f"ORDER BY rowid DESC LIMIT {int(CANDIDATES)}"
        f") AS c JOIN {table} e ON e.id = c.id WHERE e.content_type_id IN ({{types}})",
        [match],
    )


def _postgresql(terms, operator, since=None):
    table = IndexEntry._meta.db_table
    joiner = " & " if operator == "and" else " | "
    config = settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG") or "simple"
    recent = "AND e.id > %s " if since is not None else ""
    return (
        f"SELECT e.id, e.object_id FROM {table} e "  # noqa: S608
        f"WHERE e.body @@ to_tsquery(%s::regconfig, %s) AND e.content_type_id IN ({{types}}) "
        f"{recent}ORDER BY e.id DESC LIMIT {int(CANDIDATES)}",
        [config, joiner.join(terms), *([since] if since is not None else [])],
    )


def candidates(terms, operator):
    """(index entry id, page id) of the newest CANDIDATES entries matching the terms.

    Only the entries' first columns are read: on SQLite the indexed title is stored after the
    long body text, so reading it would read every body.
    """
    vendor = database_vendor()
    types = ", ".join(str(int(pk)) for pk in get_descendants_content_types_pks(Page))

    def run(sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql.replace("{types}", types), params)
            return [
                (entry, int(object_id))
                for entry, object_id in cursor.fetchall()
                if str(object_id).isdigit()
            ]

    if vendor == "sqlite":
        return run(*_sqlite(terms, operator))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT MAX(id) FROM {IndexEntry._meta.db_table}")  # noqa: S608
        since = (cursor.fetchone()[0] or 0) - WINDOW
    if since > 0:
        found = run(*_postgresql(terms, operator, since))
        if len(found) >= min(ENOUGH, CANDIDATES):
            return found
    return run(*_postgresql(terms, operator))


_ASCII_WORD = re.compile(r"[a-z0-9]+")


def title_words(title):
    """The folded words of a title, as cms.text.fold gives them, without a Python call per
    letter: decomposed, đ -> d, lower case, marks (and any other non-ASCII sign) dropped."""
    decomposed = unicodedata.normalize("NFD", (title or "").lower().replace("đ", "d"))
    return set(_ASCII_WORD.findall(decomposed.encode("ascii", "ignore").decode()))


def title_score(title, terms):
    """How many of the folded terms the title holds as words."""
    words = title_words(title)
    return sum(1 for term in terms if term in words)


def with_ids(pages, ids):
    """``pages.filter(pk__in=ids)`` for a long list of integer ids, without Django preparing
    each id as a query parameter (a millisecond per hundred ids)."""
    ids = [int(pk) for pk in ids]
    if not ids:
        return pages.none()
    column = f"{connection.ops.quote_name(Page._meta.db_table)}.{connection.ops.quote_name('id')}"
    return pages.extra(where=[f"{column} IN ({', '.join(map(str, ids))})"])  # noqa: S610


def best_matches(pages, terms, operator, limit):
    """Ids of ``pages`` matching the folded ``terms``, most relevant first, at most ``limit``."""
    vendor = database_vendor()
    if vendor != connection.vendor or vendor is None:
        results = pages.search(" ".join(terms), operator=operator, order_by_relevance=True)
        return [page.pk for page in results[:limit]]
    found = candidates(terms, operator)
    if not found:
        return []
    entries = {pk: entry for entry, pk in found}
    # One query keeps the live, public pages of the reader's language and reads their titles.
    titles = dict(with_ids(pages, entries).values_list("pk", "title"))
    ranked = sorted((-title_score(title, terms), -entries[pk], pk) for pk, title in titles.items())
    return [pk for _score, _entry, pk in ranked[:limit]]
