"""Wagtail's database search backend, with SQLite's title norms kept for the pages just indexed.

settings.WAGTAILSEARCH_BACKENDS names ``search.backends``: on PostgreSQL (and MySQL, and SQLite
without FTS5) this is exactly Wagtail's database backend. On SQLite, Wagtail refreshes each
entry's ``title_norm`` (average title length / this title's length, for its bm25 ranking in
the admin's search) after every save: it averages the title length over the WHOLE index and
then rewrites every entry whose norm is still 1.0, two scans of the index table, whose rows
hold every page's text (1.4 s per publish at 100,000 articles). Here the average is kept in
the cache (taken over the newest AVERAGE_SAMPLE entries, an hour at most) and only the
entries just indexed are updated, an edited title's included (Wagtail left those stale).
``update_index`` still refreshes every entry from the true average.
"""

import functools

from modelsearch.backends import database
from modelsearch.utils import get_content_type_pk

from django.core.cache import cache
from django.db import connection
from django.db.models import Avg, F, Max
from django.db.models.functions import Length

AVERAGE_KEY = "search-title-length"
AVERAGE_SAMPLE = 2000  # newest entries the average title length is taken over
AVERAGE_SECONDS = 3600


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend's module
    backend = database.SearchBackend(params)
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        return sqlite_backend()(params)
    return backend


@functools.cache
def sqlite_backend():
    """The SQLite backend class with local norms (its module may only be imported on SQLite:
    it declares a model of the SQLite full-text table)."""
    from modelsearch.backends.database.sqlite.sqlite import SQLiteIndex, SQLiteSearchBackend

    class IndexWithLocalNorms(SQLiteIndex):
        def add_items(self, model, objs):
            self._added = (get_content_type_pk(model), [str(obj.pk) for obj in objs])
            try:
                super().add_items(model, objs)
            finally:
                self._added = None

        def _refresh_title_norms(self, full=False):
            added = getattr(self, "_added", None)
            if full or not added:
                cache.delete(AVERAGE_KEY)
                return super()._refresh_title_norms(full=full)
            content_type, ids = added
            average = average_title_length(self.entries)
            if average:
                entries = self.entries.filter(content_type_id=content_type, object_id__in=ids)
                entries.annotate(title_length=Length("title")).filter(title_length__gt=0).update(
                    title_norm=average / F("title_length")
                )
            return None

    class SQLiteBackendWithLocalNorms(SQLiteSearchBackend):
        index_class = IndexWithLocalNorms

    return SQLiteBackendWithLocalNorms


def average_title_length(entries):
    """The average title length of the newest AVERAGE_SAMPLE entries, kept in the cache."""
    average = cache.get(AVERAGE_KEY)
    if average is None:
        newest = entries.aggregate(newest=Max("id"))["newest"] or 0
        average = (
            entries.filter(id__gt=newest - AVERAGE_SAMPLE)
            .annotate(title_length=Length("title"))
            .filter(title_length__gt=0)
            .aggregate(average=Avg("title_length"))["average"]
        )
        if average:
            cache.set(AVERAGE_KEY, average, AVERAGE_SECONDS)
    return average
