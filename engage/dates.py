"""Dates as Vietnamese readers write them: "Thứ Năm, 26/11/2026, 08:00"."""

from django.template.defaultfilters import date as format_date
from django.utils import timezone
from django.utils.translation import get_language

VI_WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"]


def long_datetime(value):
    if value is None:
        return ""
    value = timezone.localtime(value)
    if (get_language() or "vi").startswith("vi"):
        return f"{VI_WEEKDAYS[value.weekday()]}, {value:%d/%m/%Y}, {value:%H:%M}"
    return format_date(value, "l, d/m/Y, H:i")


def long_date(value):
    if value is None:
        return ""
    if hasattr(value, "tzinfo"):
        value = timezone.localtime(value).date()
    if (get_language() or "vi").startswith("vi"):
        return f"{VI_WEEKDAYS[value.weekday()]}, {value:%d/%m/%Y}"
    return format_date(value, "l, d/m/Y")
