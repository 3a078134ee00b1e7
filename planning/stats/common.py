"""What every report shares: departments by tree path, countable page types, percentiles."""

import math
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import FloatField, Func, Subquery
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.models import (
    Locale,
    Page,
    get_page_models,
)

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
                "pk",
                "path",
                "title",
                "short_name",
                "translation_key",
                "locale__language_code",
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
        self.by_pk = {}
        for row in rows:
            department = self.by_key.get(row["translation_key"])
            if department is not None:
                department.paths.append(row["path"])
                self.by_path[row["path"]] = department
                self.by_pk[row["pk"]] = department
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


def default_locale():
    """The default language's locale id, as a subquery: the database compares ``locale_id`` to
    a constant and can read the report indexes (locale, first publication …) in order."""
    return Subquery(Locale.objects.filter(language_code=settings.LANGUAGE_CODE).values("pk")[:1])


def published(period):
    start, end = period.bounds()
    return Page.objects.filter(
        locale_id=default_locale(),
        first_published_at__gte=start,
        first_published_at__lt=end,
    )


def user_names(user_ids):
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


def rounded(value):
    return None if value is None else round(value, 1)


class DaysBetween(Func):
    """Days from ``start`` to ``end`` (a number with a fraction), counted by the database."""

    output_field = FloatField()

    def __init__(self, end, start, **extra):
        super().__init__(end, start, **extra)

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template="(julianday(%(expressions)s))",
            arg_joiner=") - julianday(",
            **extra,
        )

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template="(CAST(EXTRACT(EPOCH FROM (%(expressions)s)) AS double precision) / 86400.0)",
            arg_joiner=" - ",
            **extra,
        )
