"""Report figures kept in the cache until something they count changes.

The key holds a stamp read in one cheap query (each a MAX over a primary key or an index):
the latest audit-log entry (every publish, unpublish, move, delete, workflow action and snippet
edit writes one), the latest page, task state and member contribution, and the latest decline.
Whatever changes a figure changes the stamp, so a figure is never stale; an unchanged site
answers from the cache without counting again.
"""

import hashlib

from django.core.cache import cache
from django.db import connection
from django.utils import translation

TIMEOUT = 6 * 3600

STAMP_SQL = (
    "SELECT (SELECT MAX(id) FROM wagtailcore_pagelogentry),"
    " (SELECT MAX(id) FROM wagtailcore_modellogentry),"
    " (SELECT MAX(id) FROM wagtailcore_page),"
    " (SELECT MAX(id) FROM wagtailcore_taskstate),"
    " (SELECT MAX(id) FROM contributions_contribution),"
    " (SELECT MAX(declined_at) FROM contributions_contribution)"
)


def stamp():
    with connection.cursor() as cursor:
        cursor.execute(STAMP_SQL)
        return "-".join(str(value) for value in cursor.fetchone())


def cached(name, compute, *args):
    """``compute(*args)``, from the cache while the site's stamp is unchanged."""
    # Rows hold translated labels: one copy per admin language.
    language = translation.get_language() or ""
    raw = "|".join([name, stamp(), language, *(repr(arg) for arg in args)])
    key = "planning:" + hashlib.sha1(raw.encode()).hexdigest()
    value = cache.get(key)
    if value is None:
        value = compute(*args)
        cache.set(key, value, TIMEOUT)
    return value
