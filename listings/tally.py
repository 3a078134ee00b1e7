"""Article counts kept exact in ``ArticleTally`` rows, and read back for the listings.

Write side: a change gives the keys it touches (``(kind, key)``: the month, the parent page,
the campaign and the tags of the article before and after), and ``recount`` counts exactly
those keys in every language, each from the article date, tree path, campaign or tag index
(a month, a department, a campaign or a tag: never the whole archive), in the transaction
of the change. Recounting instead of adding and subtracting makes a row right whatever it
held before. On PostgreSQL the rows are locked (``SELECT … FOR UPDATE``) before counting,
so two publishes at once cannot each write a count missing the other's article (the second
counts after the first commits); SQLite has one writer at a time.

Read side: ``counts(locale)`` gives every row of a language in one query; when the rows
were never filled (no "built" row: a database loaded from elsewhere, or ``seed_bulk``'s bulk
inserts) it fills them first with ``rebuild`` (one ``GROUP BY`` per kind).
"""

import contextlib
import datetime
import threading
from collections import defaultdict

from django.db import IntegrityError, connections, router, transaction
from django.db.models import Count
from django.db.models.functions import Left, Length, TruncMonth

KINDS = ("month", "parent", "campaign", "tag")
BUILT = (0, "built", "")

_local = threading.local()


def _model():
    from listings.models import ArticleTally

    return ArticleTally


def private_paths(db):
    """Tree paths of the pages with a view restriction, read in this transaction (the kept
    copy, perf.lookups.restrictions, may not have been dropped yet)."""
    from wagtail.models import PageViewRestriction

    return sorted(set(PageViewRestriction.objects.using(db).values_list("page__path", flat=True)))


def listed_q(db, prefix=""):
    """What the counts count, as a filter on ``prefix`` (an article relation or nothing):
    live articles outside private sections (``.public()``), every language."""
    from django.db.models import Q

    q = Q(**{f"{prefix}live": True})
    for path in private_paths(db):
        q &= ~Q(**{f"{prefix}path__startswith": path})
    return q


def listed_articles(db):
    from articles.models import ArticlePage

    return ArticlePage.objects.using(db).filter(listed_q(db)).order_by()


def month_key(date):
    return f"{date.year:04d}-{date.month:02d}"


def keys_of(date, path, campaign_id, tag_ids):
    """The keys an article with these fields is counted under."""
    keys = {("month", month_key(date)), ("parent", path[:-4])}
    if campaign_id:
        keys.add(("campaign", str(campaign_id)))
    keys |= {("tag", str(tag_id)) for tag_id in tag_ids}
    return keys


def tag_ids(article_pk):
    from articles.models import ArticlePageTag

    return list(
        ArticlePageTag.objects.filter(content_object_id=article_pk).values_list("tag_id", flat=True)
    )


def stored_keys(article_pk):
    """The keys the article's stored row (and stored tags) is counted under, whatever its
    state (a draft or private article is counted under none, but recounting its keys is
    harmless and covers the change that makes it listed)."""
    from articles.models import ArticlePage

    row = ArticlePage.objects.filter(pk=article_pk).values("date", "path", "campaign_id").first()
    if row is None:
        return set()
    return keys_of(row["date"], row["path"], row["campaign_id"], tag_ids(article_pk))


# Marking and flushing ---------------------------------------------------------------------


def pending(group):
    """Keys marked for ``group`` (the model whose delete will flush them)."""
    if not hasattr(_local, "pending"):
        _local.pending = defaultdict(set)
    return _local.pending[group]


def mark(keys, group):
    pending(group).update(keys)


def flush(group):
    """Recount every key marked for ``group``."""
    keys = pending(group)
    if not keys:
        return
    marked = set(keys)
    keys.clear()
    recount(marked)


def _count_query(kind, key, db):
    """(locale_id, count) rows of one key, every language, from the key's own index."""
    from articles.models import ArticlePageTag

    articles = listed_articles(db)
    if kind == "month":
        year, month = (int(part) for part in key.split("-"))
        first = datetime.date(year, month, 1)
        following = datetime.date(year + month // 12, month % 12 + 1, 1)
        rows = articles.filter(date__gte=first, date__lt=following)
    elif kind == "parent":
        rows = articles.filter(path__startswith=key, depth=len(key) // 4 + 1)
    elif kind == "campaign":
        rows = articles.filter(campaign_id=int(key))
    else:
        tagged = ArticlePageTag.objects.using(db).filter(
            listed_q(db, "content_object__"), tag_id=int(key)
        )
        return tagged.order_by().values_list("content_object__locale_id").annotate(n=Count("pk"))
    return rows.values_list("locale_id").annotate(n=Count("pk"))


def recount(keys):
    """Set each key's rows to a fresh count, in the current transaction."""
    from wagtail.models import Locale

    if not keys:
        return
    Tally = _model()
    db = router.db_for_write(Tally)
    keys = sorted(keys)
    locales = sorted(Locale.objects.using(db).values_list("pk", flat=True))
    with transaction.atomic(using=db):
        # Every row exists before it is locked (a new key: inserted, or left as another
        # writer inserted it), then locked in one order, then counted: a writer that had
        # the lock committed first and is counted.
        Tally.objects.using(db).bulk_create(
            [
                Tally(locale_id=locale, kind=k, key=v, count=0)
                for k, v in keys
                for locale in locales
            ],
            ignore_conflicts=True,
        )
        wanted = set(keys)
        rows = {}
        query = Tally.objects.using(db).filter(
            kind__in={k for k, _ in keys}, key__in={v for _, v in keys}
        )
        if connections[db].vendor != "sqlite":
            query = query.select_for_update()
        for row in query.order_by("kind", "key", "locale_id"):
            if (row.kind, row.key) in wanted:
                rows[(row.locale_id, row.kind, row.key)] = row
        for kind, key in keys:
            fresh = dict(_count_query(kind, key, db))
            for (locale, row_kind, row_key), row in rows.items():
                if (row_kind, row_key) != (kind, key):
                    continue
                count = fresh.pop(locale, 0)
                if row.count != count:
                    Tally.objects.using(db).filter(pk=row.pk).update(count=count)
            for locale, count in fresh.items():  # a language created meanwhile
                Tally.objects.using(db).update_or_create(
                    locale_id=locale, kind=kind, key=key, defaults={"count": count}
                )


def fresh_counts(using=None):
    """Every count from scratch: {(locale_id, kind, key): count} (one GROUP BY per kind)."""
    from articles.models import ArticlePageTag

    db = using or router.db_for_read(_model())
    articles = listed_articles(db)
    counts = {}
    for row in (
        articles.annotate(month=TruncMonth("date"))
        .values("locale_id", "month")
        .annotate(n=Count("pk"))
    ):
        counts[(row["locale_id"], "month", month_key(row["month"]))] = row["n"]
    for row in (
        articles.annotate(parent=Left("path", Length("path") - 4))
        .values("locale_id", "parent")
        .annotate(n=Count("pk"))
    ):
        counts[(row["locale_id"], "parent", row["parent"])] = row["n"]
    for row in (
        articles.filter(campaign__isnull=False)
        .values("locale_id", "campaign_id")
        .annotate(n=Count("pk"))
    ):
        counts[(row["locale_id"], "campaign", str(row["campaign_id"]))] = row["n"]
    tagged = ArticlePageTag.objects.using(db).filter(listed_q(db, "content_object__"))
    for row in (
        tagged.order_by().values("content_object__locale_id", "tag_id").annotate(n=Count("pk"))
    ):
        counts[(row["content_object__locale_id"], "tag", str(row["tag_id"]))] = row["n"]
    return counts


def rebuild(using=None):
    """Replace every row with a fresh count (``manage.py rebuild_article_counts``, the
    first read of a database whose rows were never filled, a change of page privacy)."""
    Tally = _model()
    db = using or router.db_for_write(Tally)
    with transaction.atomic(using=db):
        counts = fresh_counts(db)
        Tally.objects.using(db).all().delete()
        rows = [
            Tally(locale_id=locale, kind=kind, key=key, count=n)
            for (locale, kind, key), n in counts.items()
        ]
        rows.append(Tally(locale_id=BUILT[0], kind=BUILT[1], key=BUILT[2], count=len(rows)))
        Tally.objects.using(db).bulk_create(rows, batch_size=500)
    return len(rows) - 1


def stored_counts(using=None):
    """{(locale_id, kind, key): count} as kept, rows of 0 left out."""
    Tally = _model()
    rows = Tally.objects.using(using or router.db_for_read(Tally)).exclude(kind=BUILT[1])
    return {(r.locale_id, r.kind, r.key): r.count for r in rows if r.count}


# Reading ---------------------------------------------------------------------------------


class Counts:
    """One language's counts, read in one query."""

    def __init__(self, rows):
        self.rows = defaultdict(dict)
        for kind, key, count in rows:
            if count:
                self.rows[kind][key] = count

    def months(self):
        """[(date of the month's first day, count)], newest first."""
        months = []
        for key, count in self.rows["month"].items():
            year, month = (int(part) for part in key.split("-"))
            months.append((datetime.date(year, month, 1), count))
        return sorted(months, reverse=True)

    @property
    def total(self):
        return sum(self.rows["month"].values())

    def year(self, year):
        prefix = f"{year:04d}-"
        return sum(n for key, n in self.rows["month"].items() if key.startswith(prefix))

    def month(self, year, month):
        return self.rows["month"].get(month_key(datetime.date(year, month, 1)), 0)

    def under(self, path):
        """Articles anywhere below the page with tree path ``path``."""
        return sum(n for key, n in self.rows["parent"].items() if key.startswith(path))

    def campaign(self, pk):
        return self.rows["campaign"].get(str(pk), 0)

    def tag(self, pk):
        return self.rows["tag"].get(str(pk), 0)

    def tags(self):
        """{tag id: count}."""
        return {int(key): n for key, n in self.rows["tag"].items()}


def counts(locale_id, fill=True):
    """The counts of one language (see the module docstring: filled on first use)."""
    from django.db.models import Q

    Tally = _model()
    rows = list(
        Tally.objects.filter(Q(locale_id=locale_id) | Q(locale_id=BUILT[0], kind=BUILT[1]))
        .exclude(count=0, locale_id=locale_id)
        .values_list("locale_id", "kind", "key", "count")
    )
    if fill and not any(row[1] == BUILT[1] for row in rows):
        with contextlib.suppress(IntegrityError):  # another reader filled them meanwhile
            rebuild()
        return counts(locale_id, fill=False)
    return Counts(row[1:] for row in rows if row[1] != BUILT[1])


def every_language(kind, key, fill=True):
    """The count of one key summed over every language (e.g. a campaign's articles)."""
    from django.db.models import Q

    Tally = _model()
    rows = list(
        Tally.objects.filter(
            Q(kind=kind, key=str(key)) | Q(locale_id=BUILT[0], kind=BUILT[1])
        ).values_list("kind", "count")
    )
    if fill and not any(row[0] == BUILT[1] for row in rows):
        with contextlib.suppress(IntegrityError):  # another reader filled them meanwhile
            rebuild()
        return every_language(kind, key, fill=False)
    return sum(count for row_kind, count in rows if row_kind == kind)
