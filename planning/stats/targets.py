"""The plan's targets, year by year."""

import datetime
from collections import Counter

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import (
    Page,
)

from cms import roles
from planning.stats.cache import cached
from planning.stats.common import (
    Departments,
    content_types,
    default_locale,
)

# Plan targets -----------------------------------------------------------------------------


def pages_per_department_year(years):
    """Counter {(department pk, year): pages first published}, for the plan's years, read
    from the report summary's year rows. One query (two when the summary has something new
    to count)."""
    from planning.models import ReportFigure
    from planning.stats import summary

    if not years:
        return Counter()
    summary.ensure_current()
    types = content_types()
    counts = Counter()
    rows = (
        ReportFigure.objects.filter(
            metric=ReportFigure.PUBLISHED,
            grain=ReportFigure.YEAR,
            start__in=[datetime.date(year, 1, 1) for year in years],
            department__isnull=False,
            content_type__in=list(types),
        )
        .values("start", "department")
        .annotate(n=Sum("n"))
        .order_by()
        .values_list("start", "department", "n")
    )
    for start, department, n in rows:
        counts[(department, start.year)] += n
    return counts


def pages_per_department_year_raw(years):
    """The same counted from the page tree (the summary's reference)."""
    if not years:
        return Counter()
    departments = Departments()
    types = content_types()
    # One count per year, compared in SQL (a year function would run once per row).
    bounds = {
        year: (
            timezone.make_aware(datetime.datetime(year, 1, 1)),
            timezone.make_aware(datetime.datetime(year + 1, 1, 1)),
        )
        for year in years
    }
    pages = (
        Page.objects.filter(
            locale_id=default_locale(),
            first_published_at__gte=bounds[years[0]][0],
            first_published_at__lt=bounds[years[-1]][1],
            content_type_id__in=list(types),
        )
        .annotate(**departments.annotations())
        .values(*departments.annotations())
        .annotate(
            **{
                f"y{year}": Count(
                    "pk", filter=Q(first_published_at__gte=first, first_published_at__lt=last)
                )
                for year, (first, last) in bounds.items()
            }
        )
        .order_by()
    )
    counts = Counter()
    for row in pages:
        department = departments.of(row)
        if department:
            for year in years:
                counts[(department.pk, year)] += row[f"y{year}"]
    return counts


def plan_targets(plan, today):
    """The plan's targets year by year, each with its value, goal and progress (0–100)."""
    from home.models import CampaignPage
    from planning.models import Occasion, TrainingSession

    years = list(range(plan.plan_start_year, plan.plan_end_year + 1))
    departments = Departments()
    campaign_rows = list(
        CampaignPage.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE,
            first_published_at__isnull=False,
        ).values("title", "start_date", "end_date")
    )
    peaks = list(Occasion.objects.filter(is_peak=True).order_by("month", "day"))
    per_department_year = cached("targets_pages", pages_per_department_year, years)
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
