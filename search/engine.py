"""The engine's best matches for folded terms, in time that does not grow with the archive.

Wagtail's database backends rank with a correlated subquery that runs the full-text match
again for every matching page, so a common word ("cong doan") costs the square of the
matches: over a second with a few hundred articles. On SQLite and PostgreSQL this module
asks the index table directly, in one query: the newest CANDIDATES entries holding every
word (or any word, for the fallback), each with its engine score, title weighted above body.
Ranking stops there: a word found in the whole archive is ranked among its newest
CANDIDATES pages, which is what a news site's readers want, and keeps the cost flat.
Other backends (Elasticsearch, OpenSearch) rank the whole index themselves, through Wagtail.
"""

from modelsearch.utils import get_descendants_content_types_pks

from django.conf import settings
from django.db import connection

from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

CANDIDATES = 2000  # newest matching index entries ranked per query


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
    return (
        f"SELECT e.object_id, bm25({table}_fts, 0.0, 1.0, 3.0) AS score "  # noqa: S608
        f"FROM {table}_fts JOIN {table} e ON e.id = {table}_fts.rowid "
        f"WHERE {table}_fts MATCH %s AND e.content_type_id IN ({{types}}) "
        f"ORDER BY {table}_fts.rowid DESC LIMIT {CANDIDATES}",
        [match],
        True,  # bm25: lower is better
    )


def _postgresql(terms, operator):
    table = IndexEntry._meta.db_table
    joiner = " & " if operator == "and" else " | "
    query = joiner.join(terms)
    config = settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG") or "simple"
    return (
        f"SELECT e.object_id, ts_rank(e.body, q) + 3 * ts_rank(e.title, q) AS score "  # noqa: S608
        f"FROM {table} e, to_tsquery(%s::regconfig, %s) q "
        f"WHERE e.body @@ q AND e.content_type_id IN ({{types}}) "
        f"ORDER BY e.id DESC LIMIT {CANDIDATES}",
        [config, query],
        False,  # ts_rank: higher is better
    )


def best_matches(pages, terms, operator, limit):
    """Ids of ``pages`` matching the folded ``terms``, most relevant first, at most ``limit``."""
    vendor = database_vendor()
    if vendor != connection.vendor or vendor is None:
        results = pages.search(" ".join(terms), operator=operator, order_by_relevance=True)
        return [page.pk for page in results[:limit]]
    sql, params, ascending = (_sqlite if vendor == "sqlite" else _postgresql)(terms, operator)
    types = ", ".join(str(int(pk)) for pk in get_descendants_content_types_pks(Page))
    with connection.cursor() as cursor:
        cursor.execute(sql.replace("{types}", types), params)
        scores = {int(object_id): score for object_id, score in cursor.fetchall()}
    if not scores:
        return []
    kept = set(pages.filter(pk__in=list(scores)).values_list("pk", flat=True))
    ranked = sorted(kept, key=lambda pk: (scores[pk] if ascending else -scores[pk], -pk))
    return ranked[:limit]
