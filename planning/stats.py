"""The figures behind every report, counted from the page tree, the workflow and the audit log.

Each function runs a fixed number of queries whatever the period: pages are grouped by their
department in the database, through the prefix of their tree path (a department's pages are
exactly the pages whose path starts with the department's), and the few departments are
loaded once. Pages are counted in the site's default language; translations are the board's
work on the same content and would count it twice.
"""

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    Count,
    ForeignKey,
    IntegerField,
    Max,
    OuterRef,
    Subquery,
)
from django.db.models.functions import Cast, ExtractYear, Substr, TruncDate
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import (
    Page,
    PageLogEntry,
    Revision,
    TaskState,
    WorkflowState,
    get_page_models,
)

from cms import roles
from cms.models import DepartmentIndexPage, DepartmentPage

BOARD_KEY = "board"
BOARD_LABEL = _("Communications board (own pages)")

SUBMIT_ACTIONS = ("wagtail.workflow.start", "wagtail.workflow.resume")
APPROVE_ACTION = "wagtail.workflow.approve"
REJECT_ACTION = "wagtail.workflow.reject"


# Departments ------------------------------------------------------------------------------


@dataclass
class Department:
    pk: int
    name: str
    paths: list = field(default_factory=list)

    @property
    def pages_url(self):
        return reverse("lantoa_report_pages") + f"?department={self.pk}"


class Departments:
    """Every department (one query), and which one a tree path belongs to."""

    def __init__(self):
        rows = list(
            DepartmentPage.objects.values(
                "pk", "path", "title", "short_name", "translation_key", "locale__language_code"
            ).order_by("title")
        )
        default = settings.LANGUAGE_CODE
        self.by_key = {}
        for row in rows:
            if row["locale__language_code"] == default:
                self.by_key[row["translation_key"]] = Department(
                    row["pk"], row["short_name"] or row["title"]
                )
        self.by_path = {}
        for row in rows:
            department = self.by_key.get(row["translation_key"])
            if department is not None:
                department.paths.append(row["path"])
                self.by_path[row["path"]] = department
        self.lengths = sorted({len(path) for path in self.by_path})
        self.list = sorted(self.by_key.values(), key=lambda d: d.name)

    def annotations(self, path_field="path"):
        """Path prefixes to group by, one per depth that departments sit at."""
        return {f"prefix{n}": Substr(path_field, 1, n) for n in self.lengths}

    def of(self, row):
        """The department of a values() row carrying the prefixes, or None (the board's)."""
        for n in self.lengths:
            prefix = row.get(f"prefix{n}")
            if prefix in self.by_path:
                return self.by_path[prefix]
        return None

    def of_path(self, path):
        for n in self.lengths:
            if len(path) > n and path[:n] in self.by_path:
                return self.by_path[path[:n]]
        return None


# Page types -------------------------------------------------------------------------------


def is_content_type(model):
    """Pages people write (articles, exemplars, campaigns, documents, answers …), as opposed
    to the tree's structure (home, indexes, departments)."""
    if model is Page or issubclass(model, (DepartmentPage, DepartmentIndexPage)):
        return False
    if "wagtailcore.page" in [p.lower() for p in (model.parent_page_types or [])]:
        return False
    return model.max_count_per_parent != 1 and model.max_count != 1


def content_types():
    """{content type id: model} of the countable page types (ContentType's own cache)."""
    models = [m for m in get_page_models() if is_content_type(m)]
    found = ContentType.objects.get_for_models(*models)
    return {found[model].pk: model for model in models}


def type_label(model):
    return str(model._meta.verbose_name).capitalize()


def _published(period):
    start, end = period.bounds()
    return Page.objects.filter(
        first_published_at__gte=start,
        first_published_at__lt=end,
        locale__language_code=settings.LANGUAGE_CODE,
    )


def _user_names(user_ids):
    User = get_user_model()
    users = User.objects.filter(pk__in=[pk for pk in user_ids if pk]).only(
        "pk", "username", "first_name", "last_name"
    )
    return {user.pk: user.get_full_name() or user.get_username() for user in users}


def percentile(values, fraction):
    """Nearest-rank percentile: the smallest value with ``fraction`` of values at or below."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def median(values):
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def days(delta_seconds):
    return None if delta_seconds is None else round(delta_seconds / 86400, 1)


# Contributions ----------------------------------------------------------------------------


def contributions(period):
    """Pages first published in ``period`` per department and per author, by page type.

    Returns {"types": [(ct id, label)], "departments": rows, "authors": rows, "total": row};
    each row has "name", "counts" {ct id: n} and "total". Four queries.
    """
    departments = Departments()
    types = content_types()
    grouped = (
        _published(period)
        .filter(content_type_id__in=list(types))
        .annotate(**departments.annotations())
        .values("owner_id", "content_type_id", *departments.annotations())
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_department = defaultdict(Counter)
    by_author = defaultdict(Counter)
    author_department = defaultdict(Counter)
    used_types = Counter()
    for row in grouped:
        department = departments.of(row)
        key = department.pk if department else BOARD_KEY
        by_department[key][row["content_type_id"]] += row["n"]
        by_author[row["owner_id"]][row["content_type_id"]] += row["n"]
        author_department[row["owner_id"]][key] += row["n"]
        used_types[row["content_type_id"]] += row["n"]
    names = _user_names(by_author)
    type_columns = sorted(
        ((pk, type_label(model)) for pk, model in types.items() if used_types[pk]),
        key=lambda item: item[1],
    )

    def row(name, counts, url="", department=""):
        return {
            "name": name,
            "department": department,
            "counts": dict(counts),
            "total": sum(counts.values()),
            "url": url,
        }

    department_rows = [
        row(d.name, by_department.get(d.pk, Counter()), d.pages_url) for d in departments.list
    ]
    department_rows.append(row(str(BOARD_LABEL), by_department.get(BOARD_KEY, Counter())))
    department_name = {d.pk: d.name for d in departments.list}
    department_name[BOARD_KEY] = str(BOARD_LABEL)
    author_rows = []
    for owner_id, counts in by_author.items():
        main = author_department[owner_id].most_common(1)[0][0]
        author_rows.append(
            row(
                names.get(owner_id, str(_("(deleted account)"))),
                counts,
                department=department_name.get(main, ""),
            )
        )
    author_rows.sort(key=lambda r: (-r["total"], r["name"]))
    return {
        "types": type_columns,
        "departments": department_rows,
        "authors": author_rows,
        "total": row(str(_("Total")), used_types),
    }


# Moderation -------------------------------------------------------------------------------


def moderation(period, now):
    """Submissions, approvals, requests for changes and time to publication, per department and
    per reviewer, and the pages waiting now with their age. Five queries."""
    departments = Departments()
    start, end = period.bounds()
    actions = (
        PageLogEntry.objects.filter(
            timestamp__gte=start,
            timestamp__lt=end,
            action__in=[*SUBMIT_ACTIONS, APPROVE_ACTION, REJECT_ACTION],
        )
        .annotate(**departments.annotations("page__path"))
        .values("action", "user_id", *departments.annotations())
        .annotate(n=Count("pk"))
        .order_by()
    )
    dept_counts = defaultdict(Counter)
    reviewer_counts = defaultdict(Counter)
    for row in actions:
        department = departments.of(row)
        key = department.pk if department else BOARD_KEY
        kind = "submitted" if row["action"] in SUBMIT_ACTIONS else row["action"].rsplit(".", 1)[1]
        dept_counts[key][kind] += row["n"]
        if kind in {"approve", "reject"} and row["user_id"]:
            reviewer_counts[row["user_id"]][kind] += row["n"]

    # Workflows approved (so published, or scheduled) in the period: submission -> publication.
    page_path = Page.objects.filter(pk=Cast(OuterRef("object_id"), IntegerField())).values("path")[
        :1
    ]
    go_live = Revision.objects.filter(pk=OuterRef("current_task_state__revision_id")).values(
        "approved_go_live_at"
    )[:1]
    approved = (
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_APPROVED,
            base_content_type__app_label="wagtailcore",
            base_content_type__model="page",
        )
        .annotate(decided_at=Max("task_states__finished_at"))
        .filter(decided_at__gte=start, decided_at__lt=end)
    )
    finished = list(
        approved.annotate(page_path=Subquery(page_path), go_live_at=Subquery(go_live)).values(
            "pk", "created_at", "decided_at", "page_path", "go_live_at"
        )
    )
    approvers = defaultdict(set)
    for workflow_id, user_id in TaskState.objects.filter(
        workflow_state__in=approved.values("pk"),
        status=TaskState.STATUS_APPROVED,
        finished_by__isnull=False,
    ).values_list("workflow_state_id", "finished_by_id"):
        approvers[user_id].add(workflow_id)
    durations = {}
    dept_durations = defaultdict(list)
    for workflow in finished:
        published_at = max(workflow["decided_at"], workflow["go_live_at"] or workflow["decided_at"])
        seconds = (published_at - workflow["created_at"]).total_seconds()
        durations[workflow["pk"]] = seconds
        department = departments.of_path(workflow["page_path"] or "")
        dept_durations[department.pk if department else BOARD_KEY].append(seconds)

    def timing(values):
        return {
            "published": len(values),
            "median_days": days(median(values)),
            "p90_days": days(percentile(values, 0.9)),
        }

    department_rows = []
    for department in [*departments.list, None]:
        key = department.pk if department else BOARD_KEY
        counts = dept_counts.get(key, Counter())
        department_rows.append(
            {
                "name": department.name if department else str(BOARD_LABEL),
                "url": department.pages_url if department else "",
                "submitted": counts["submitted"],
                "approved": counts["approve"],
                "rejected": counts["reject"],
                **timing(dept_durations.get(key, [])),
            }
        )
    reviewer_ids = set(reviewer_counts) | set(approvers)
    names = _user_names(reviewer_ids)
    reviewer_rows = []
    for user_id in reviewer_ids:
        counts = reviewer_counts.get(user_id, Counter())
        reviewer_rows.append(
            {
                "name": names.get(user_id, str(_("(deleted account)"))),
                "approved": counts["approve"],
                "rejected": counts["reject"],
                **timing([durations[w] for w in approvers.get(user_id, ()) if w in durations]),
            }
        )
    reviewer_rows.sort(key=lambda r: (-(r["approved"] + r["rejected"]), r["name"]))
    return {
        "departments": department_rows,
        "reviewers": reviewer_rows,
        "waiting": waiting_pages(departments, now),
    }


def waiting_pages(departments, now):
    """Pages in review now, oldest submission first, with their current step. One query."""
    page = Page.objects.filter(pk=Cast(OuterRef("workflow_state__object_id"), IntegerField()))
    states = (
        TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS)
        .annotate(
            page_id=Subquery(page.values("pk")[:1]),
            page_title=Subquery(page.values("title")[:1]),
            page_path=Subquery(page.values("path")[:1]),
        )
        .filter(page_id__isnull=False)
        .values(
            "page_id",
            "page_title",
            "page_path",
            "task__name",
            "started_at",
            "workflow_state__created_at",
            "workflow_state__requested_by__first_name",
            "workflow_state__requested_by__last_name",
            "workflow_state__requested_by__username",
        )
        .order_by("workflow_state__created_at")
    )
    rows = []
    for state in states:
        department = departments.of_path(state["page_path"] or "")
        submitted = state["workflow_state__created_at"]
        author = " ".join(
            part
            for part in (
                state["workflow_state__requested_by__first_name"],
                state["workflow_state__requested_by__last_name"],
            )
            if part
        )
        rows.append(
            {
                "name": state["page_title"],
                "url": reverse("wagtailadmin_pages:edit", args=[state["page_id"]]),
                "department": department.name if department else str(BOARD_LABEL),
                "author": author or state["workflow_state__requested_by__username"] or "",
                "step": state["task__name"],
                "submitted_at": submitted,
                "step_started_at": state["started_at"],
                "age_days": days((now - submitted).total_seconds()),
            }
        )
    return rows


# Campaigns --------------------------------------------------------------------------------


def campaign_links():
    """(model, field name) of every page type with a link to a campaign."""
    from home.models import CampaignPage

    links = []
    for model in get_page_models():
        for model_field in model._meta.get_fields():
            if (
                isinstance(model_field, ForeignKey)
                and model_field.related_model is CampaignPage
                and model_field.model is model
            ):
                links.append((model, model_field.name))
    return links


AROUND_DAYS = 7


def campaigns(period):
    """For each campaign overlapping ``period``: linked pages per department and per day
    around its key date (its start when it has none). One query per linking page type, plus
    two."""
    from home.models import CampaignPage

    departments = Departments()
    campaign_list = list(
        CampaignPage.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE,
            start_date__lte=period.end,
            end_date__gte=period.start,
        )
        .order_by("start_date", "pk")
        .values("pk", "title", "start_date", "key_date", "end_date", "live")
    )
    # A subquery rather than a list of ids: the same queries whether or not any campaign
    # falls in the period.
    ids = CampaignPage.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE,
        start_date__lte=period.end,
        end_date__gte=period.start,
    ).values("pk")
    per_department = defaultdict(Counter)
    per_day = defaultdict(Counter)
    for model, field_name in campaign_links():
        rows = (
            model.objects.filter(**{f"{field_name}__in": ids}, first_published_at__isnull=False)
            .annotate(day=TruncDate("first_published_at"), **departments.annotations())
            .values(field_name, "day", *departments.annotations())
            .annotate(n=Count("pk"))
            .order_by()
        )
        for row in rows:
            department = departments.of(row)
            campaign_id = row[field_name]
            per_department[campaign_id][department.pk if department else BOARD_KEY] += row["n"]
            per_day[campaign_id][row["day"]] += row["n"]
    result = []
    for campaign in campaign_list:
        anchor = campaign["key_date"] or campaign["start_date"]
        counts = per_department.get(campaign["pk"], Counter())
        day_counts = Counter()
        for day, n in per_day.get(campaign["pk"], Counter()).items():
            offset = (day - anchor).days
            if offset < -AROUND_DAYS:
                day_counts["before"] += n
            elif offset > AROUND_DAYS:
                day_counts["after"] += n
            else:
                day_counts[offset] += n
        taking_part = [d for d in departments.list if counts.get(d.pk)]
        result.append(
            {
                **campaign,
                "name": campaign["title"],
                "url": reverse("wagtailadmin_pages:edit", args=[campaign["pk"]]),
                "anchor": anchor,
                "departments": {d.pk: counts.get(d.pk, 0) for d in departments.list},
                "board": counts.get(BOARD_KEY, 0),
                "total": sum(counts.values()),
                "taking_part": len(taking_part),
                "missing": [d.name for d in departments.list if not counts.get(d.pk)],
                "days": dict(day_counts),
            }
        )
    return {"departments": departments.list, "campaigns": result}


# Exemplars --------------------------------------------------------------------------------


def exemplars(period):
    """Exemplar profiles first published in ``period``, per year, per category and per unit."""
    from exemplars.models import ExemplarPage

    start, end = period.bounds()
    rows = (
        ExemplarPage.objects.filter(
            first_published_at__gte=start,
            first_published_at__lt=end,
            locale__language_code=settings.LANGUAGE_CODE,
        )
        .annotate(year=ExtractYear("first_published_at"))
        .values("year", "category__name", "unit")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_category = Counter()
    by_unit = Counter()
    for row in rows:
        by_category[(row["year"], row["category__name"])] += row["n"]
        by_unit[(row["year"], row["unit"])] += row["n"]

    def listing(counter):
        return [
            {"year": year, "name": name, "total": n}
            for (year, name), n in sorted(counter.items(), key=lambda i: (i[0][0], i[0][1]))
        ]

    return {"categories": listing(by_category), "units": listing(by_unit)}


# Plan targets -----------------------------------------------------------------------------


def plan_targets(plan, today):
    """The plan's targets year by year, each with its value, goal and progress (0–100)."""
    from home.models import CampaignPage
    from planning.models import Occasion, TrainingSession

    years = list(range(plan.plan_start_year, plan.plan_end_year + 1))
    departments = Departments()
    campaign_rows = list(
        CampaignPage.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE, first_published_at__isnull=False
        ).values("title", "start_date", "end_date")
    )
    peaks = list(Occasion.objects.filter(is_peak=True).order_by("month", "day"))
    types = content_types()
    pages = (
        Page.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE,
            first_published_at__isnull=False,
            content_type_id__in=list(types),
        )
        .annotate(year=ExtractYear("first_published_at"), **departments.annotations())
        .values("year", *departments.annotations())
        .annotate(n=Count("pk"))
        .order_by()
    )
    per_department_year = Counter()
    for row in pages:
        department = departments.of(row)
        if department:
            per_department_year[(department.pk, row["year"])] += row["n"]
    executive = set(
        get_user_model()
        .objects.filter(groups__name=roles.EXECUTIVE, is_active=True)
        .values_list("pk", flat=True)
    )
    first_training = {}
    for user_id, day in TrainingSession.attendees.through.objects.filter(
        user_id__in=executive
    ).values_list("user_id", "trainingsession__date"):
        if user_id not in first_training or day < first_training[user_id]:
            first_training[user_id] = day

    def progress(value, goal):
        if not goal:
            return 100
        return min(100, round(100 * value / goal))

    rows = []
    for year in years:
        future = year > today.year
        count = sum(1 for c in campaign_rows if c["start_date"].year == year)
        rows.append(
            {
                "key": "campaigns",
                "year": year,
                "name": str(_("Campaigns on the union's major activities")),
                "value": count,
                "goal": plan.campaigns_per_year,
                "unit": "",
                "detail": "",
                "future": future,
            }
        )
        covered = []
        missing = []
        for occasion in peaks:
            first, last = occasion.occurrence(year)
            if any(c["start_date"] <= last and c["end_date"] >= first for c in campaign_rows):
                covered.append(occasion.name)
            else:
                missing.append(occasion.name)
        rows.append(
            {
                "key": "peaks",
                "year": year,
                "name": str(_("Peak campaigns (20/11, Workers' Month …)")),
                "value": len(covered),
                "goal": len(peaks),
                "unit": "",
                "detail": ", ".join(missing)
                and str(_("Missing: %(names)s") % {"names": ", ".join(missing)}),
                "future": future,
            }
        )
        meeting = [
            d
            for d in departments.list
            if per_department_year[(d.pk, year)] >= plan.pages_per_department
        ]
        behind = [
            f"{d.name} ({per_department_year[(d.pk, year)]})"
            for d in departments.list
            if d not in meeting
        ]
        rows.append(
            {
                "key": "departments",
                "year": year,
                "name": str(
                    _("Departments publishing at least %(n)s pages")
                    % {"n": plan.pages_per_department}
                ),
                "value": len(meeting),
                "goal": len(departments.list),
                "unit": "",
                "detail": behind and str(_("Behind: %(names)s") % {"names": ", ".join(behind)}),
                "future": future,
            }
        )
        trained = sum(1 for day in first_training.values() if day.year <= year)
        share = round(100 * trained / len(executive)) if executive else 0
        goal = plan.training_target_percent if year >= plan.training_target_year else None
        rows.append(
            {
                "key": "training",
                "year": year,
                "name": str(_("Executive committee members trained in communications")),
                "value": share,
                "goal": plan.training_target_percent,
                "unit": "%",
                "detail": str(
                    _("%(trained)s of %(members)s members; target %(goal)s%% by %(year)s")
                    % {
                        "trained": trained,
                        "members": len(executive),
                        "goal": plan.training_target_percent,
                        "year": plan.training_target_year,
                    }
                ),
                "future": future,
                "deadline": goal is not None,
            }
        )
    for row in rows:
        row["progress"] = progress(row["value"], row["goal"])
        row["met"] = row["value"] >= row["goal"]
    return rows


# Commendation -----------------------------------------------------------------------------


def shortlist(period, size):
    """The people and departments who published most in ``period``, with their pages."""
    departments = Departments()
    types = content_types()
    pages = list(
        _published(period)
        .filter(content_type_id__in=list(types))
        .order_by("first_published_at", "pk")
        .values("pk", "title", "path", "owner_id", "first_published_at")
    )
    by_person = defaultdict(list)
    by_department = defaultdict(list)
    for page in pages:
        by_person[page["owner_id"]].append(page)
        department = departments.of_path(page["path"])
        if department:
            by_department[department.pk].append(page)
    names = _user_names(by_person)
    department_by_pk = {d.pk: d for d in departments.list}

    def titles(items):
        return "; ".join(
            f"{p['title']} ({timezone.localtime(p['first_published_at']):%d/%m/%Y})" for p in items
        )

    def top(groups, name):
        ranked = sorted(groups.items(), key=lambda item: (-len(item[1]), name(item[0])))
        return ranked[:size]

    people = []
    for rank, (owner_id, items) in enumerate(top(by_person, lambda pk: names.get(pk, "")), start=1):
        where = Counter(
            (departments.of_path(p["path"]) or Department(BOARD_KEY, str(BOARD_LABEL))).name
            for p in items
        )
        people.append(
            {
                "rank": rank,
                "kind": str(_("Person")),
                "name": names.get(owner_id, str(_("(deleted account)"))),
                "department": where.most_common(1)[0][0],
                "total": len(items),
                "pages": titles(items),
                "url": "",
            }
        )
    units = []
    for rank, (pk, items) in enumerate(
        top(by_department, lambda pk: department_by_pk[pk].name), start=1
    ):
        department = department_by_pk[pk]
        units.append(
            {
                "rank": rank,
                "kind": str(_("Department")),
                "name": department.name,
                "department": department.name,
                "total": len(items),
                "pages": titles(items),
                "url": department.pages_url,
            }
        )
    return {"people": people, "departments": units}
