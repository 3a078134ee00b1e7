"""Reporting periods: the presets, seen from a few days of the year."""

import datetime

import pytest

from planning import periods

D = datetime.date


@pytest.mark.parametrize(
    ("name", "today", "start", "end"),
    [
        (periods.MONTH, D(2026, 2, 14), D(2026, 2, 1), D(2026, 2, 28)),
        (periods.MONTH, D(2024, 2, 14), D(2024, 2, 1), D(2024, 2, 29)),
        (periods.MONTH, D(2026, 12, 31), D(2026, 12, 1), D(2026, 12, 31)),
        (periods.QUARTER, D(2026, 11, 26), D(2026, 10, 1), D(2026, 12, 31)),
        (periods.QUARTER, D(2026, 1, 1), D(2026, 1, 1), D(2026, 3, 31)),
        (periods.SCHOOL_YEAR, D(2026, 11, 26), D(2026, 9, 1), D(2027, 8, 31)),
        (periods.SCHOOL_YEAR, D(2026, 8, 31), D(2025, 9, 1), D(2026, 8, 31)),
        (periods.SCHOOL_YEAR, D(2026, 9, 1), D(2026, 9, 1), D(2027, 8, 31)),
        (periods.LAST_SCHOOL_YEAR, D(2026, 11, 26), D(2025, 9, 1), D(2026, 8, 31)),
        (periods.YEAR, D(2026, 11, 26), D(2026, 1, 1), D(2026, 12, 31)),
        (periods.LAST_YEAR, D(2026, 11, 26), D(2025, 1, 1), D(2025, 12, 31)),
    ],
)
def test_presets(name, today, start, end):
    assert periods.resolve(name, today=today) == periods.Period(start, end)


def test_custom_range_fills_gaps_and_swaps_reversed_dates():
    today = D(2026, 11, 26)
    assert periods.resolve(periods.CUSTOM, D(2026, 3, 1), D(2026, 1, 1), today) == periods.Period(
        D(2026, 1, 1), D(2026, 3, 1)
    )
    assert periods.resolve(periods.CUSTOM, D(2026, 10, 1), None, today) == periods.Period(
        D(2026, 10, 1), D(2027, 8, 31)
    )
    # Custom without dates, or an unknown name: the school year.
    assert periods.resolve(periods.CUSTOM, today=today) == periods.Period(
        D(2026, 9, 1), D(2027, 8, 31)
    )
    assert periods.resolve("???", today=today) == periods.Period(D(2026, 9, 1), D(2027, 8, 31))


def test_label_and_bounds_in_local_time():
    period = periods.Period(D(2025, 9, 1), D(2026, 8, 31))
    assert period.label == "01/09/2025 – 31/08/2026"
    start, end = period.bounds()
    assert (start.isoformat(), end.isoformat()) == (
        "2025-09-01T00:00:00+07:00",
        "2026-09-01T00:00:00+07:00",
    )
