"""The reports' summary: counts per calendar bucket, kept current from the audit log.

Every figure a report shows over a period is a sum over days. Counting them from Wagtail's
tables at read time costs as much as the period holds (460,000 audit-log entries for
100,000 reviewed pages); the summary keeps, for each **day**, **month** and **year**, the
counts the reports need (``ReportFigure``), so a period is read as its whole years, whole
months and the odd days at its ends: a bounded number of rows, whatever its length.

It is a cache of what the system records, never typed in:

- **The audit log is the stream of events.** Wagtail writes an entry for every publication,
  unpublication, move, deletion, copy and workflow action (start, approve, reject, resume,
  cancel). ``sync()`` reads the entries written since its last run and the pages created
  since (``seed_bulk`` and imports write pages without entries), works out which days (and
  campaigns) they touch, and **counts those days again from Wagtail's tables** — the same
  grouped queries as the reports used to run, limited to those days. Counting a day again is
  idempotent: whatever happened, the day's rows end up equal to what the tables hold.
- ``PageFact`` remembers each page's path, first publication day and campaign, so that a
  page moved (to another department) or deleted (gone from the tables) still says which days
  and campaigns it counted in.
- ``sync()`` runs after each transaction that wrote an audit-log entry (``on_commit``, so the
  publisher pays a few milliseconds and the next reader nothing), and before every report
  (one query when nothing is new: the safety net for writes that bypassed the signal).
- When the departments change (a department page created, moved or deleted), or when more
  than ``REBUILD_ABOVE`` days are touched at once, everything is counted again (``rebuild()``,
  also ``manage.py rebuild_report_summary`` and after ``migrate``).
"""

import datetime
import hashlib
import logging
import math
from collections import Counter, defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Count, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Coalesce, Greatest, TruncDate
from django.utils import timezone

from wagtail.models import Page, PageLogEntry, TaskState, WorkflowState

from planning.stats.common import (
    APPROVE_ACTION,
    REJECT_ACTION,
    SUBMIT_ACTIONS,
    DaysBetween,
    Departments,
    content_types,
    default_locale,
)

logger = logging.getLogger(__name__)

REBUILD_ABOVE = 400  # days touched by one sync; more: count everything again
REBUILD_ABOVE_PAGES = 5000  # pages touched by one sync (an import)
BATCH = 2000
EARLIER, LATER = -8, 8  # campaign offsets outside D-7 … D+7


def tenths(elapsed):
    """Days to publication in tenths of a day (the reports show one decimal): the unit of the
    duration histograms, and of the figures counted from the raw tables."""
    return None if elapsed is None else math.floor(elapsed * 10 + 0.5)


def _figure_model():
    from planning.models import ReportFigure

    return ReportFigure


# Days and periods -----------------------------------------------------------------------------


def local_day(moment):
    return timezone.localtime(moment).date()


def day_bounds(first, last):
    """Aware [first 00:00, last+1 00:00) in the site's time zone."""
    tz = timezone.get_current_timezone()
    return (
        datetime.datetime.combine(first, datetime.time.min, tzinfo=tz),
        datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz),
    )


def runs(days):
    """Sorted days as contiguous (first, last) runs."""
    result = []
    for day in sorted(days):
        if result and (day - result[-1][1]).days == 1:
            result[-1] = (result[-1][0], day)
        else:
            result.append((day, day))
    return result


def moment_filter(field, days):
    """Q: ``field`` falls on one of ``days`` (None: any day)."""
    if days is None:
        return Q()
    condition = Q(pk__in=[])
    for first, last in runs(days):
        start, end = day_bounds(first, last)
        condition |= Q(**{f"{field}__gte": start, f"{field}__lt": end})
    return condition


def _month_end(day):
    if day.month == 12:
        return datetime.date(day.year, 12, 31)
    return datetime.date(day.year, day.month + 1, 1) - datetime.timedelta(days=1)


def buckets(start, end):
    """The period [start, end] (dates, inclusive) as (grain, first, last) ranges of bucket
    starts: whole years, whole months, single days. At most a few ranges."""
    Figure = _figure_model()
    ranges = []
    day = start
    while day <= end:
        if day.month == 1 and day.day == 1 and datetime.date(day.year, 12, 31) <= end:
            grain, following = Figure.YEAR, datetime.date(day.year + 1, 1, 1)
        elif day.day == 1 and _month_end(day) <= end:
            grain, following = Figure.MONTH, _month_end(day) + datetime.timedelta(days=1)
        else:
            grain, following = Figure.DAY, day + datetime.timedelta(days=1)
        if ranges and ranges[-1][0] == grain:
            ranges[-1] = (grain, ranges[-1][1], day)
        else:
            ranges.append((grain, day, day))
        day = following
    return ranges


def period_filter(period):
    """Q over ``ReportFigure``: the buckets that make up ``period``."""
    condition = Q(pk__in=[])
    for grain, first, last in buckets(period.start, period.end):
        condition |= Q(grain=grain, start__gte=first, start__lte=last)
    return condition


def read(period, metrics, *keys):
    """Rows {metric, *keys, "n"} of ``period``, summed over its buckets. One query."""
    from django.db.models import Sum

    return list(
        _figure_model()
        .objects.filter(period_filter(period), metric__in=metrics)
        .values("metric", *keys)
        .annotate(total=Sum("n"))
        .order_by()
        .values_list("metric", *keys, "total")
    )


def insert(model, fields, rows):
    """Insert plain tuples (``executemany``): a rebuild writes hundreds of thousands of rows,
    and making a model instance for each cost most of its time."""
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(
        connection.ops.quote_name(model._meta.get_field(name).column) for name in fields
    )
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"
    batch = []
    with connection.cursor() as cursor:
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH * 5:
                cursor.executemany(sql, batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)


def delete(queryset):
    """DELETE in one statement: these rows have no relations and no signals of their own
    (the project's cache receivers listen to every model, which would make Django load each
    row first)."""
    queryset._raw_delete(queryset.db)


FIGURE_FIELDS = ("grain", "start", "metric", "department", "user", "content_type", "tenths", "n")


# Counting days again from Wagtail's tables ---------------------------------------------------


def _department_key(departments, row):
    department = departments.of(row)
    return department.pk if department else None


def _published_rows(departments, days):
    Figure = _figure_model()
    types = content_types()
    rows = (
        Page.objects.filter(
            moment_filter("first_published_at", days),
            locale_id=default_locale(),
            content_type_id__in=list(types),
            first_published_at__isnull=False,
        )
        .annotate(day=TruncDate("first_published_at"), **departments.annotations())
        .values("day", "owner_id", "content_type_id", *departments.annotations())
        .annotate(n=Count("pk"))
        .order_by()
    )
    found = Counter()
    for row in rows:
        key = (
            row["day"],
            Figure.PUBLISHED,
            _department_key(departments, row),
            row["owner_id"],
            row["content_type_id"],
            None,
        )
        found[key] += row["n"]
    return found


def action_rows(departments, logged, by_day):
    """Workflow actions of ``logged`` per (day,) department: counted per page first, then per
    department through the page's current path (each page's path read once). One query."""
    per_page = logged.values("page_id")
    if by_day:
        per_page = logged.annotate(day=TruncDate("timestamp")).values("page_id", "day")
    per_page = per_page.annotate(
        submitted=Count("pk", filter=Q(action__in=SUBMIT_ACTIONS)),
        approve=Count("pk", filter=Q(action=APPROVE_ACTION)),
        reject=Count("pk", filter=Q(action=REJECT_ACTION)),
    ).order_by()
    inner, params = per_page.query.sql_with_params()
    names = [f"prefix{n}" for n in departments.lengths]
    prefixes = [f"SUBSTR(p.path, 1, {n})" for n in departments.lengths]
    group = [*prefixes, *(["g.day"] if by_day else [])]
    # No department yet: one constant column (PostgreSQL refuses to group by a constant).
    columns_sql = [*(prefixes or ["''"]), *(["g.day"] if by_day else [])]
    sql = (
        f"SELECT {', '.join(columns_sql)}, SUM(g.submitted), SUM(g.approve), SUM(g.reject)"
        f" FROM ({inner}) g INNER JOIN {Page._meta.db_table} p ON p.id = g.page_id"
        + (f" GROUP BY {', '.join(group)}" if group else "")
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = [row for row in cursor.fetchall() if any(v is not None for v in row[-3:])]
    columns = [*(names or ["none"]), *(["day"] if by_day else []), "submitted", "approve", "reject"]
    result = [dict(zip(columns, row, strict=True)) for row in rows]
    for row in result:
        if by_day:
            row["day"] = _as_date(row["day"])
    return result


def _as_date(value):
    if value is None or isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value)[:10])


def logged_actions(days):
    return PageLogEntry.objects.filter(
        moment_filter("timestamp", days),
        action__in=[*SUBMIT_ACTIONS, APPROVE_ACTION, REJECT_ACTION],
    )


def _action_rows(departments, days):
    Figure = _figure_model()
    found = Counter()
    logged = logged_actions(days)
    for row in action_rows(departments, logged, by_day=True):
        department = _department_key(departments, row)
        for metric, kind in (
            (Figure.SUBMITTED, "submitted"),
            (Figure.APPROVED, "approve"),
            (Figure.REJECTED, "reject"),
        ):
            if row[kind]:
                found[(row["day"], metric, department, None, None, None)] += row[kind]
    reviewers = (
        logged.filter(action__in=[APPROVE_ACTION, REJECT_ACTION], user_id__isnull=False)
        .annotate(day=TruncDate("timestamp"))
        .values("day", "action", "user_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in reviewers:
        metric = (
            Figure.REVIEWER_APPROVED
            if row["action"] == APPROVE_ACTION
            else Figure.REVIEWER_REJECTED
        )
        found[(_as_date(row["day"]), metric, None, row["user_id"], None, None)] += row["n"]
    return found


def approved_workflows(departments, days=None, start=None, end=None):
    """(workflow id, decision day, days to publication, department key) of the page
    workflows approved on ``days`` (or between ``start`` and ``end``), and {workflow id: set
    of approvers}. Two queries."""
    page_path = Page.objects.filter(pk=Cast(OuterRef("object_id"), IntegerField())).values("path")[
        :1
    ]
    # An approved workflow keeps its last task state, the final approval, as current: its
    # finish time is the decision. The task states finished then come from their index, and
    # their workflows through the current-task-state key (not every approved workflow
    # looked at).
    finished_states = TaskState.objects.filter(moment_filter("finished_at", days))
    if start is not None:
        finished_states = finished_states.filter(finished_at__gte=start, finished_at__lt=end)
    approved = WorkflowState.objects.filter(
        current_task_state__in=finished_states.values("pk"),
        status=WorkflowState.STATUS_APPROVED,
        base_content_type=ContentType.objects.get_for_model(Page),
    )
    decided = F("current_task_state__finished_at")
    published_at = Greatest(
        decided, Coalesce(F("current_task_state__revision__approved_go_live_at"), decided)
    )
    finished = (
        approved.annotate(page_path=Subquery(page_path))
        .annotate(
            elapsed=DaysBetween(published_at, F("created_at")),
            day=TruncDate("current_task_state__finished_at"),
        )
        .annotate(**departments.annotations("page_path"))
        .values_list("pk", "day", "elapsed", *departments.annotations())
    )
    approvers = defaultdict(set)
    for workflow_id, user_id in TaskState.objects.filter(
        workflow_state__in=approved.values("pk"),
        status=TaskState.STATUS_APPROVED,
        finished_by__isnull=False,
    ).values_list("workflow_state_id", "finished_by_id"):
        approvers[workflow_id].add(user_id)
    prefixes = list(departments.annotations())
    rows = []
    for workflow_id, day, elapsed, *paths in finished:
        department = departments.of(dict(zip(prefixes, paths, strict=True)))
        rows.append((workflow_id, _as_date(day), elapsed, department.pk if department else None))
    return rows, approvers


def _duration_rows(departments, days):
    Figure = _figure_model()
    found = Counter()
    rows, approvers = approved_workflows(departments, days)
    for workflow_id, day, elapsed, department in rows:
        value = tenths(elapsed)
        found[(day, Figure.DURATION, department, None, None, value)] += 1
        for user_id in approvers.get(workflow_id, ()):
            found[(day, Figure.APPROVER_DURATION, None, user_id, None, value)] += 1
    return found


def count_days(departments, days):
    """Count ``days`` (None: every day) again from Wagtail's tables into the day rows, then
    their months and years from the day rows."""
    Figure = _figure_model()
    found = Counter()
    found.update(_published_rows(departments, days))
    found.update(_action_rows(departments, days))
    found.update(_duration_rows(departments, days))
    if days is None:
        delete(Figure.objects.all())
    else:
        for first, last in runs(days):
            delete(Figure.objects.filter(grain=Figure.DAY, start__gte=first, start__lte=last))
    insert(
        Figure,
        FIGURE_FIELDS,
        (
            (Figure.DAY, day, metric, department, user, content_type, value, n)
            for (day, metric, department, user, content_type, value), n in found.items()
            if n
        ),
    )
    months = None if days is None else {day.replace(day=1) for day in days}
    _roll_up(Figure.DAY, Figure.MONTH, months, lambda day: day.replace(day=1))
    years = None if days is None else {day.replace(month=1, day=1) for day in days}
    _roll_up(Figure.MONTH, Figure.YEAR, years, lambda day: day.replace(month=1, day=1))


def _roll_up(source, target, starts, bucket_of):
    """The ``target`` rows of buckets ``starts`` (None: all) summed from the ``source`` rows."""
    Figure = _figure_model()
    width = (
        (lambda s: _month_end(s))
        if target == Figure.MONTH
        else (lambda s: datetime.date(s.year, 12, 31))
    )
    inside = Q()
    if starts is not None:
        inside = Q(pk__in=[])
        for start in starts:
            inside |= Q(start__gte=start, start__lte=width(start))
    fields = ("start", "metric", "department", "user", "content_type", "tenths")
    totals = Counter()
    for start, *rest, n in (
        Figure.objects.filter(inside, grain=source).values_list(*fields, "n").iterator()
    ):
        totals[(bucket_of(start), *rest)] += n
    delete(Figure.objects.filter(inside, grain=target))
    insert(Figure, FIGURE_FIELDS, ((target, *key, n) for key, n in totals.items() if n))


# Campaigns ------------------------------------------------------------------------------------


def count_campaigns(departments, campaign_ids):
    """Pages linked to each campaign (``None``: every campaign), per department and per day
    around its key date, counted again. One query per page type that links to campaigns,
    plus two."""
    from home.models import CampaignPage
    from planning.models import CampaignFigure
    from planning.stats.campaigns import AROUND_DAYS, campaign_links

    if campaign_ids is not None and not campaign_ids:
        return
    campaigns = CampaignPage.objects.all()
    if campaign_ids is not None:
        campaigns = campaigns.filter(pk__in=list(campaign_ids))
    anchors = {
        pk: key_date or start_date
        for pk, key_date, start_date in campaigns.values_list("pk", "key_date", "start_date")
    }
    found = Counter()
    for model, field_name in campaign_links():
        pages = model.objects.filter(first_published_at__isnull=False)
        if campaign_ids is None:
            pages = pages.filter(**{f"{field_name}__isnull": False})
        else:
            pages = pages.filter(**{f"{field_name}__in": list(campaign_ids)})
        rows = (
            pages.annotate(day=TruncDate("first_published_at"), **departments.annotations())
            .values(field_name, "day", *departments.annotations())
            .annotate(n=Count("pk"))
            .order_by()
        )
        for row in rows:
            anchor = anchors.get(row[field_name])
            if anchor is None:
                continue
            offset = (_as_date(row["day"]) - anchor).days
            offset = max(EARLIER, min(LATER, offset))
            if abs(offset) > AROUND_DAYS:
                offset = EARLIER if offset < 0 else LATER
            found[(row[field_name], _department_key(departments, row), offset)] += row["n"]
    figures = CampaignFigure.objects.all()
    if campaign_ids is not None:
        figures = figures.filter(campaign__in=list(campaign_ids))
    delete(figures)
    insert(
        CampaignFigure,
        ("campaign", "department", "offset", "n"),
        ((*key, n) for key, n in found.items() if n),
    )


def _campaign_of_pages(page_ids):
    """{page id: campaign id} for the pages (any linking page type). One query per type."""
    from planning.stats.campaigns import campaign_links

    found = {}
    for model, field_name in campaign_links():
        pages = model.objects.filter(**{f"{field_name}__isnull": False})
        if page_ids is not None:
            pages = pages.filter(pk__in=list(page_ids))
        for pk, campaign in pages.values_list("pk", f"{field_name}_id").iterator():
            found[pk] = campaign
    return found


# Keeping current ------------------------------------------------------------------------------


def departments_signature(departments):
    text = "|".join(f"{path}={d.pk}" for path, d in sorted(departments.by_path.items()))
    return hashlib.sha1(text.encode()).hexdigest()


def _maxima():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (SELECT MAX(id) FROM wagtailcore_pagelogentry),"
            " (SELECT MAX(id) FROM wagtailcore_page)"
        )
        log_id, page_id = cursor.fetchone()
    return log_id or 0, page_id or 0


def is_current():
    """True when nothing was written since the last sync. One query."""
    from planning.models import SummaryState

    table = SummaryState._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT s.log_id, s.page_id,"
            " (SELECT MAX(id) FROM wagtailcore_pagelogentry),"
            " (SELECT MAX(id) FROM wagtailcore_page)"
            f" FROM {table} s ORDER BY s.id LIMIT 1"
        )
        row = cursor.fetchone()
    if row is None:
        return False
    return (row[0], row[1]) == (row[2] or 0, row[3] or 0)


def ensure_current():
    """Before a report: bring the summary up to date (one query when it already is)."""
    if not is_current():
        sync()


def _facts(page_ids):
    """{page id: (path, first publication day, campaign)} as the tables hold them now."""
    pages = Page.objects.all()
    if page_ids is not None:
        pages = pages.filter(pk__in=list(page_ids))
    campaigns = _campaign_of_pages(page_ids)
    return {
        pk: (path, local_day(first) if first else None, campaigns.get(pk))
        for pk, path, first in pages.values_list("pk", "path", "first_published_at").iterator()
    }


def rebuild():
    """Count everything again (a new database, new departments, or a large import)."""
    from planning.models import PageFact, SummaryState

    with transaction.atomic():
        state = _locked_state()
        log_id, page_id = _maxima()
        departments = Departments()
        delete(PageFact.objects.all())
        insert(
            PageFact,
            ("page", "path", "day", "campaign"),
            ((pk, *values) for pk, values in _facts(None).items()),
        )
        count_days(departments, None)
        count_campaigns(departments, None)
        SummaryState.objects.filter(pk=state.pk).update(
            log_id=log_id,
            page_id=page_id,
            departments=departments_signature(departments),
            built_at=timezone.now(),
        )


def _locked_state():
    from planning.models import SummaryState

    state = SummaryState.objects.select_for_update().order_by("pk").first()
    if state is None:
        state = SummaryState.objects.create()
    else:
        # SQLite: take the write lock now, so two syncs never interleave.
        SummaryState.objects.filter(pk=state.pk).update(built_at=F("built_at"))
    return state


def sync():
    """Count again whatever the audit-log entries and pages written since the last sync
    touch."""
    from planning.models import PageFact, SummaryState

    with transaction.atomic():
        state = _locked_state()
        log_id, page_id = _maxima()
        if (state.log_id, state.page_id) == (log_id, page_id) and state.built_at:
            return
        departments = Departments()
        if not state.built_at or state.departments != departments_signature(departments):
            rebuild()
            return
        entries = list(
            PageLogEntry.objects.filter(id__gt=state.log_id, id__lte=log_id).values_list(
                "page_id", "action", "timestamp"
            )
        )
        days = set()
        touched = set(Page.objects.filter(id__gt=state.page_id).values_list("pk", flat=True))
        roots = set()
        for page, action, moment in entries:
            touched.add(page)
            day = local_day(moment)
            days.add(day)
            if action == APPROVE_ACTION:
                # The decision (the task state's finish) is a moment before its entry.
                days.add(day - datetime.timedelta(days=1))
            if action in ("wagtail.move", "wagtail.delete"):
                roots.add(page)
        if len(touched) > REBUILD_ABOVE_PAGES:
            rebuild()  # an import: counting everything is quicker than page by page
            return
        # A moved or deleted page's subtree, as the summary last saw it.
        old = {fact.page: fact for fact in PageFact.objects.filter(page__in=list(touched | roots))}
        subtree = Q(pk__in=[])
        for root in roots:
            if root in old:
                subtree |= Q(path__startswith=old[root].path)
        if roots:
            for fact in PageFact.objects.filter(subtree):
                old[fact.page] = fact
                touched.add(fact.page)
        now = _facts(touched)
        campaigns = set()
        moved = set()
        for pk in touched:
            before = old.get(pk)
            after = now.get(pk)
            before_values = (before.path, before.day, before.campaign) if before else None
            if before_values == after:
                continue
            for values in (before_values, after):
                if values:
                    path, day, campaign = values
                    if day:
                        days.add(day)
                    if campaign:
                        campaigns.add(campaign)
            before_department = departments.of_path(before.path) if before else None
            after_department = departments.of_path(after[0]) if after else None
            if before is None or after is None or before_department != after_department:
                moved.add(pk)
        from home.models import CampaignPage

        campaigns |= set(
            CampaignPage.objects.filter(pk__in=list(touched)).values_list("pk", flat=True)
        )
        if moved:
            # Their workflow actions now count for another department (or none).
            for moment in PageLogEntry.objects.filter(
                page_id__in=list(moved),
                action__in=[*SUBMIT_ACTIONS, APPROVE_ACTION, REJECT_ACTION],
            ).values_list("timestamp", flat=True):
                day = local_day(moment)
                days.update({day, day - datetime.timedelta(days=1)})
        if len(days) > REBUILD_ABOVE:
            rebuild()
            return
        count_days(departments, days)
        count_campaigns(departments, campaigns)
        delete(PageFact.objects.filter(page__in=list(touched)))
        PageFact.objects.bulk_create(
            [
                PageFact(page=pk, path=path, day=day, campaign=campaign)
                for pk, (path, day, campaign) in now.items()
            ],
            batch_size=BATCH,
        )
        SummaryState.objects.filter(pk=state.pk).update(log_id=log_id, page_id=page_id)


# After each write ----------------------------------------------------------------------------


def _after_commit():
    try:
        ensure_current()
    except Exception:  # never fail the publication that triggered it
        logger.exception("report summary: sync failed; the next report will try again")


def schedule_sync(sender=None, **kwargs):
    """``post_save`` of an audit-log entry: sync once the transaction commits (the first
    callback counts, the others find the summary current: one query each)."""
    transaction.on_commit(_after_commit)
