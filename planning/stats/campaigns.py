"""Campaigns and their linked pages; exemplar profiles per year."""

from collections import Counter, defaultdict

from django.conf import settings
from django.db.models import (
    Count,
    ForeignKey,
)
from django.db.models.functions import ExtractYear, TruncDate
from django.urls import reverse

from wagtail.models import (
    get_page_models,
)

from planning.stats.common import (
    BOARD_KEY,
    Departments,
)

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


def linked_counts_raw(departments, ids, campaign_list):
    """({campaign: {department key: pages}}, {campaign: {offset: pages}}) counted from the
    pages that link to the campaigns ``ids``: one query per linking page type."""
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
    offsets = defaultdict(Counter)
    for campaign in campaign_list:
        anchor = campaign["key_date"] or campaign["start_date"]
        for day, n in per_day.get(campaign["pk"], Counter()).items():
            offset = (day - anchor).days
            if offset < -AROUND_DAYS:
                offsets[campaign["pk"]]["before"] += n
            elif offset > AROUND_DAYS:
                offsets[campaign["pk"]]["after"] += n
            else:
                offsets[campaign["pk"]][offset] += n
    return per_department, offsets


def linked_counts(departments, ids, campaign_list):
    """The same, read from the report summary (``CampaignFigure``). Two queries (one when the
    summary is current)."""
    from planning.models import CampaignFigure
    from planning.stats import summary

    summary.ensure_current()
    per_department = defaultdict(Counter)
    offsets = defaultdict(Counter)
    for campaign, department, offset, n in CampaignFigure.objects.filter(
        campaign__in=ids
    ).values_list("campaign", "department", "offset", "n"):
        key = department if department in departments.by_pk else BOARD_KEY
        per_department[campaign][key] += n
        if offset == summary.EARLIER:
            offsets[campaign]["before"] += n
        elif offset == summary.LATER:
            offsets[campaign]["after"] += n
        else:
            offsets[campaign][offset] += n
    return per_department, offsets


def campaigns_raw(period):
    return campaigns(period, linked_counts_raw)


def campaigns(period, source=linked_counts):
    """For each campaign overlapping ``period``: linked pages per department and per day
    around its key date (its start when it has none). Three queries (four when the summary
    has something new to count)."""
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
    per_department, day_counts_of = source(departments, ids, campaign_list)
    result = []
    for campaign in campaign_list:
        anchor = campaign["key_date"] or campaign["start_date"]
        counts = per_department.get(campaign["pk"], Counter())
        day_counts = Counter({k: n for k, n in day_counts_of.get(campaign["pk"], {}).items() if n})
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
