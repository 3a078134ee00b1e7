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
from perf import cache as perf_cache
from perf.lookups import remember

BOUNDARY_PREFIX = perf_cache.PREFIX + "page-end:"


def cached_count(queryset, tags, name=None, count=None):
    """``queryset.count()``, kept until one of ``tags`` changes. The key is ``name`` when
    given (it must say everything that decides the rows: the listing, its language, the
    reader's closed sections), else the query itself (its SQL and parameters), which costs a
    compilation (~1 ms). ``count``: a function giving the same number without counting the
    rows (listings.tally's kept counts), called instead of ``COUNT(*)`` when not kept."""
    if name is None:
        sql, params = queryset.order_by().query.sql_with_params()
        name = f"{sql}:{params!r}"
    return remember(f"count:{queryset.db}:{name}", tags, count or queryset.count)


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
    (e.g. ``cms.utils.attach_departments``: the cards' departments in one pass) and shown
    to ``read`` (the paginator remembers where the page ended)."""

    def __init__(self, queryset, prepare=None, read=None):
        self.queryset = queryset
        self.prepare = prepare
        self.read = read

    @cached_property
    def items(self):
        # A function gives the queryset when it needs work to build (CountedPaginator).
        items = list(self.queryset() if callable(self.queryset) else self.queryset)
        if self.read is not None:
            self.read(items)
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
    """A paginator with a kept count and lazy pages. With ``request`` and ``name``, a list of
    articles newest first (``-date, -pk``) is read from where the previous page ended when
    that is known: page N costs what page 1 does, instead of the database reading and
    skipping ``(N-1) × per_page`` rows (``OFFSET``: 240 ms for page 500 of 100,000 articles
    on PostgreSQL). Where each page ended is kept (perf.cache.save_entry) under the count's
    tags, only from a request during which nothing was invalidated: a publish, an edit or
    an unpublish forgets it, and the next reader of page N gets ``OFFSET`` again."""

    def __init__(
        self,
        object_list,
        per_page,
        tags,
        name=None,
        prepare=None,
        request=None,
        counter=None,
        months=None,
        **kwargs,
    ):
        super().__init__(object_list, per_page, **kwargs)
        self.counter = counter
        self.months = months
        self.tags = set(tags) | {"any"}
        self.name = name
        self.prepare = prepare
        self.request = request

    @cached_property
    def count(self):
        return cached_count(self.object_list, self.tags, self.name, self.counter)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        items = None
        after = self._ended(number - 1) if number > 1 else None
        if after is not None:
            date, pk = after
            # A range of the date index from the previous page's last date, less the rows
            # of that date at or above its last article (an OR would not use the index).
            items = self.object_list.filter(date__lte=date).exclude(date=date, pk__gte=pk)
            items = items[: top - bottom]
        if items is None and bottom and self.months is not None:
            # Decided when the items are read: a kept list part needs no month counts.
            items = lambda: self._in_month(bottom, top)  # noqa: E731
        if items is None:
            items = self.object_list[bottom:top]
        return Page(LazyItems(items, self.prepare, self._reader(number)), number, self)

    def _in_month(self, bottom, top):
        """Rows ``bottom:top`` read from the month they fall in: the kept count of each
        month (``months()``: [(first day, count)], newest first, of exactly this list) says
        how many articles are newer than that month, so the database skips only rows of
        that month (``OFFSET`` within a month instead of over every newer article)."""
        import datetime

        newer = 0
        for first_day, count in self.months():
            if newer + count > bottom:
                year, month = divmod(first_day.year * 12 + first_day.month, 12)
                following = datetime.date(year, month + 1, 1)
                return self.object_list.filter(date__lt=following)[bottom - newer : top - newer]
            newer += count
        return self.object_list[bottom:top]

    def _key(self, number):
        import hashlib

        name = f"{self.object_list.db}:{self.name}:{self.per_page}:{number}"
        return BOUNDARY_PREFIX + hashlib.sha256(name.encode()).hexdigest()[:40]

    def _keyed(self):
        return self.name is not None and hasattr(self.request, "_perf_epoch")

    def _ended(self, number):
        """``(date, pk)`` of page ``number``'s last article, if kept and still good."""
        if not self._keyed():
            return None
        entry, known = perf_cache.read(self._key(number), self.tags)
        if entry is None or not perf_cache.unchanged(entry[0], known):
            return None
        return entry[1]

    def _reader(self, number):
        if not self._keyed():
            return None

        def read(items):
            if len(items) == self.per_page:
                last = items[-1]
                ended = (last.date, last.pk)
                perf_cache.save_entry(
                    self._key(number), self.tags, (ended,), self.request._perf_epoch
                )

        return read


def paginate(
    request, items, tags, per_page=PER_PAGE, name=None, prepare=None, count=None, months=None
):
    """cms.utils.paginate with a cached count (kept under ``name``, see ``cached_count``;
    ``count`` gives it without counting the rows; ``months`` the kept count of each month,
    see ``CountedPaginator._in_month``): a bad or out-of-range number gives the
    first or the last page. Its items are read on first use and given to ``prepare``. With
    ``name``, ``items`` must be articles newest first (``-date, -pk``): a page is read from
    where the previous one ended."""
    paginator = CountedPaginator(
        items,
        per_page,
        tags,
        name=name,
        prepare=prepare,
        request=request,
        counter=count,
        months=months,
    )
    return paginate_any(request, items, per_page, paginator)
