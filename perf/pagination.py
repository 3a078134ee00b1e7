"""Paginated listings whose article count is kept in the cache (issue #8: flat as it grows).

Django's paginator runs ``COUNT(*)`` over the whole listing on every page served: linear in
the archive. Here the count is remembered (perf.lookups.remember) under the listing's
dependency tags, so a publish, unpublish, move or delete (which bump them, or ``any``)
gives a fresh count on the next request, and a cached one costs no query at all.

The page's items are read when the template first looks at them (``LazyItems``), not when
the view builds the page: a listing kept whole in a page part (``{% page_part %}``) costs
neither the listing's query nor its cards. The page number comes from the count alone.
"""

from collections.abc import Sequence

from django.core.paginator import Page, Paginator
from django.utils.functional import cached_property

from cms.utils import PER_PAGE
from cms.utils import paginate as paginate_any
from perf.lookups import remember


def cached_count(queryset, tags, name=None):
    """``queryset.count()``, kept until one of ``tags`` changes. The key is ``name`` when
    given (it must say everything that decides the rows: the listing, its language, the
    reader's closed sections), else the query itself (its SQL and parameters), which costs a
    compilation (~1 ms)."""
    if name is None:
        sql, params = queryset.order_by().query.sql_with_params()
        name = f"{sql}:{params!r}"
    return remember(f"count:{queryset.db}:{name}", tags, queryset.count)


def visible_listing(pages, request):
    """``(pages the reader of request may see listed, a short name for that set)``: what
    ``members.visibility.visible_to`` gives, with the reader's closed sections read once
    for both. An anonymous reader gets ``.public()`` and "public"; a member the pages
    outside the sections closed to them, named by those sections (members with the same
    groups share a kept count and list; a change of groups changes the name)."""
    import hashlib

    from django.db.models import Q

    from members.visibility import closed_paths

    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return pages.public(), "public"
    closed = sorted(set(closed_paths(request)))
    name = "closed:" + hashlib.sha256("|".join(closed).encode()).hexdigest()[:20]
    if not closed:
        return pages, name
    hidden = Q()
    for path in closed:
        hidden |= Q(path__startswith=path)
    return pages.exclude(hidden), name


class LazyItems(Sequence):
    """A page's items, read from the database on first use, then passed to ``prepare``
    (e.g. ``cms.utils.attach_departments``: the cards' departments in one pass)."""

    def __init__(self, queryset, prepare=None):
        self.queryset = queryset
        self.prepare = prepare

    @cached_property
    def items(self):
        items = list(self.queryset)
        if self.prepare is not None:
            items = list(self.prepare(items))
        return items

    def __len__(self):
        return len(self.items)

    def __getitem__(self, index):
        return self.items[index]

    def __iter__(self):
        return iter(self.items)


class CountedPaginator(Paginator):
    def __init__(self, object_list, per_page, tags, name=None, prepare=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.tags = set(tags)
        self.name = name
        self.prepare = prepare

    @cached_property
    def count(self):
        return cached_count(self.object_list, self.tags, self.name)

    def _get_page(self, object_list, number, paginator):
        return Page(LazyItems(object_list, self.prepare), number, paginator)


def paginate(request, items, tags, per_page=PER_PAGE, name=None, prepare=None):
    """cms.utils.paginate with a cached count (kept under ``name``, see ``cached_count``):
    a bad or out-of-range number gives the first or the last page. Its items are read on
    first use and given to ``prepare``."""
    paginator = CountedPaginator(items, per_page, tags, name=name, prepare=prepare)
    return paginate_any(request, items, per_page, paginator)
