"""Paginated listings whose article count is kept in the cache (issue #8: flat as it grows).

Django's paginator runs ``COUNT(*)`` over the whole listing on every page served: linear in
the archive. Here the count is remembered (perf.lookups.remember) under the listing's
dependency tags, so a publish, unpublish, move or delete (which bump them, or ``any``)
gives a fresh count on the next request, and a cached one costs no query at all.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

from cms.utils import PER_PAGE
from cms.utils import paginate as paginate_any
from perf.lookups import remember


def cached_count(queryset, tags):
    """``queryset.count()``, kept until one of ``tags`` changes; the key is the query itself
    (its SQL and parameters: the language, the reader's closed sections, the filters)."""
    sql, params = queryset.order_by().query.sql_with_params()
    return remember(f"count:{queryset.db}:{sql}:{params!r}", tags, queryset.count)


class CountedPaginator(Paginator):
    def __init__(self, object_list, per_page, tags, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.tags = set(tags)

    @cached_property
    def count(self):
        return cached_count(self.object_list, self.tags)


def paginate(request, items, tags, per_page=PER_PAGE):
    """cms.utils.paginate with a cached count: a bad or out-of-range number gives the first
    or the last page."""
    return paginate_any(request, items, per_page, CountedPaginator(items, per_page, tags))
