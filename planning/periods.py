"""Reporting periods: this month, quarter, school year (September–August), calendar year, custom."""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MONTH = "thang-nay"
QUARTER = "quy-nay"
SCHOOL_YEAR = "nam-hoc"
LAST_SCHOOL_YEAR = "nam-hoc-truoc"
YEAR = "nam-nay"
LAST_YEAR = "nam-truoc"
CUSTOM = "tuy-chon"

# The default first: a select with nothing chosen shows the first option.
PRESETS = [
    (SCHOOL_YEAR, _("This school year (September–August)")),
    (LAST_SCHOOL_YEAR, _("Last school year")),
    (MONTH, _("This month")),
    (QUARTER, _("This quarter")),
    (YEAR, _("This calendar year")),
    (LAST_YEAR, _("Last calendar year")),
    (CUSTOM, _("Custom dates")),
]
DEFAULT = SCHOOL_YEAR
SCHOOL_YEAR_START_MONTH = 9


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date  # inclusive

    @property
    def label(self):
        return f"{self.start:%d/%m/%Y} – {self.end:%d/%m/%Y}"

    @property
    def slug(self):
        return f"{self.start:%Y-%m-%d}_{self.end:%Y-%m-%d}"

    def bounds(self):
        """Aware datetimes [start, end) in the site's time zone, for timestamp filters."""
        tz = timezone.get_current_timezone()
        start = datetime.datetime.combine(self.start, datetime.time.min, tzinfo=tz)
        end = datetime.datetime.combine(
            self.end + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
        )
        return start, end

    @property
    def years(self):
        return list(range(self.start.year, self.end.year + 1))


def school_year_of(day):
    """The school year (September–August) that ``day`` falls in."""
    first_year = day.year if day.month >= SCHOOL_YEAR_START_MONTH else day.year - 1
    return Period(
        datetime.date(first_year, SCHOOL_YEAR_START_MONTH, 1),
        datetime.date(first_year + 1, SCHOOL_YEAR_START_MONTH, 1) - datetime.timedelta(days=1),
    )


def _month_end(year, month):
    if month == 12:
        return datetime.date(year, 12, 31)
    return datetime.date(year, month + 1, 1) - datetime.timedelta(days=1)


def preset(name, today=None):
    """The period a preset names, relative to ``today``; None for CUSTOM or an unknown name."""
    today = today or timezone.localdate()
    if name == MONTH:
        return Period(today.replace(day=1), _month_end(today.year, today.month))
    if name == QUARTER:
        first_month = 3 * ((today.month - 1) // 3) + 1
        return Period(
            datetime.date(today.year, first_month, 1), _month_end(today.year, first_month + 2)
        )
    if name == SCHOOL_YEAR:
        return school_year_of(today)
    if name == LAST_SCHOOL_YEAR:
        return school_year_of(school_year_of(today).start - datetime.timedelta(days=1))
    if name == YEAR:
        return Period(datetime.date(today.year, 1, 1), datetime.date(today.year, 12, 31))
    if name == LAST_YEAR:
        return Period(datetime.date(today.year - 1, 1, 1), datetime.date(today.year - 1, 12, 31))
    return None


def resolve(name, start=None, end=None, today=None):
    """The period chosen in a report's filters; a custom range with a date missing is filled
    from the default preset, and reversed dates are swapped rather than refused."""
    if name == CUSTOM and (start or end):
        fallback = preset(DEFAULT, today)
        start = start or fallback.start
        end = end or fallback.end
        if end < start:
            start, end = end, start
        return Period(start, end)
    return preset(name, today) or preset(DEFAULT, today)
