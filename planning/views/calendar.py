"""The editorial calendar: month and agenda views in the admin, and its iCalendar feed."""

import calendar as pycalendar
import datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from cms.models import DepartmentPage
from planning import agenda
from planning.models import PlanSettings

WEEKDAYS = [
    pgettext_lazy("weekday", "Monday"),
    pgettext_lazy("weekday", "Tuesday"),
    pgettext_lazy("weekday", "Wednesday"),
    pgettext_lazy("weekday", "Thursday"),
    pgettext_lazy("weekday", "Friday"),
    pgettext_lazy("weekday", "Saturday"),
    pgettext_lazy("weekday", "Sunday"),
]
AGENDA_DAYS = 60
MAX_AGENDA_DAYS = 366
FEED_PAST_DAYS = 31
FEED_FUTURE_DAYS = 400


def day_label(day):
    """ "Thứ Năm, 26/11/2026"."""
    return f"{WEEKDAYS[day.weekday()]}, {day:%d/%m/%Y}"


def _department(request):
    """The department chosen in ``don-vi`` (None: all); anything unreadable means all."""
    value = request.GET.get("don-vi", "").strip()
    if not value.isdigit():
        return None
    return DepartmentPage.objects.filter(pk=int(value), locale__language_code="vi").first()


def _review_days(request):
    return PlanSettings.for_request(request).review_days


class CalendarMixin(WagtailAdminTemplateMixin):
    header_icon = "calendar-alt"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("cms.view_reports"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def common_context(self, department):
        departments = DepartmentPage.objects.filter(locale__language_code="vi").order_by("title")
        feed_url = self.request.build_absolute_uri(
            reverse("planning_calendar_feed", args=[agenda.feed_token(self.request.user)])
        )
        if department:
            feed_url += f"?don-vi={department.pk}"
        return {
            "departments": departments,
            "department": department,
            "feed_url": feed_url,
            "webcal_url": "webcal://" + feed_url.split("://", 1)[-1],
            "ics_url": reverse("planning_calendar_ics")
            + (f"?don-vi={department.pk}" if department else ""),
            "kind_labels": agenda.kind_labels(),
            "month_url": reverse("planning_calendar"),
            "agenda_url": reverse("planning_calendar_agenda"),
        }


class MonthView(CalendarMixin, TemplateView):
    """A month grid, Monday first; on a phone the grid becomes a list of the days with events."""

    template_name = "planning/calendar/month.html"
    page_title = gettext_lazy("Editorial calendar")

    def get_month(self):
        today = timezone.localdate()
        value = self.request.GET.get("thang", "")
        try:
            year, month = (int(part) for part in value.split("-"))
            return datetime.date(year, month, 1)
        except (ValueError, TypeError):
            return today.replace(day=1)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        first = self.get_month()
        department = _department(self.request)
        weeks = pycalendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
        grid_start, grid_end = weeks[0][0], weeks[-1][-1]
        found = agenda.events(grid_start, grid_end, department, _review_days(self.request))
        today = timezone.localdate()
        cells = []
        for week in weeks:
            for day in week:
                day_events = [e for e in found if e.covers(day)]
                cells.append(
                    {
                        "date": day,
                        "label": day_label(day),
                        "events": day_events,
                        "other_month": day.month != first.month,
                        "today": day == today,
                    }
                )
        previous = (first - datetime.timedelta(days=1)).replace(day=1)
        following = (first + datetime.timedelta(days=32)).replace(day=1)
        suffix = f"&don-vi={department.pk}" if department else ""
        context.update(self.common_context(department))
        context.update(
            {
                "heading": _("Month %(month)s/%(year)s")
                % {"month": first.month, "year": first.year},
                "weekdays": WEEKDAYS,
                "cells": cells,
                "previous_url": f"?thang={previous:%Y-%m}{suffix}",
                "next_url": f"?thang={following:%Y-%m}{suffix}",
                "this_month_url": f"?thang={today:%Y-%m}{suffix}",
                "month_value": f"{first:%Y-%m}",
                "agenda_from": first,
            }
        )
        return context


def agenda_range(request):
    """[start, end] of the agenda: ``tu`` (dd/mm/yyyy or yyyy-mm-dd) for ``so-ngay`` days."""
    start = timezone.localdate()
    value = request.GET.get("tu", "").strip()
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            start = datetime.datetime.strptime(value, pattern).date()
            break
        except ValueError:
            continue
    length = request.GET.get("so-ngay", "")
    days = int(length) if length.isdigit() else AGENDA_DAYS
    days = max(1, min(days, MAX_AGENDA_DAYS))
    return start, start + datetime.timedelta(days=days - 1)


class AgendaView(CalendarMixin, TemplateView):
    """The coming days as a list: what a phone shows best."""

    template_name = "planning/calendar/agenda.html"
    page_title = gettext_lazy("Editorial agenda")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        start, end = agenda_range(self.request)
        department = _department(self.request)
        found = agenda.events(start, end, department, _review_days(self.request))
        days = []
        day = start
        while day <= end:
            day_events = [e for e in found if e.covers(day)]
            if day_events:
                days.append({"date": day, "label": day_label(day), "events": day_events})
            day += datetime.timedelta(days=1)
        context.update(self.common_context(department))
        context.update(
            {
                "days": days,
                "start": start,
                "end": end,
                "length": (end - start).days + 1,
                "heading": _("From %(start)s to %(end)s")
                % {"start": f"{start:%d/%m/%Y}", "end": f"{end:%d/%m/%Y}"},
            }
        )
        return context


def _ics_response(request, department):
    today = timezone.localdate()
    found = agenda.events(
        today - datetime.timedelta(days=FEED_PAST_DAYS),
        today + datetime.timedelta(days=FEED_FUTURE_DAYS),
        department,
        _review_days(request),
    )
    name = _("Lan Tỏa editorial calendar")
    if department:
        name = f"{name} – {department.display_name}"
    response = HttpResponse(
        agenda.to_ical(found, name), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="lich-bien-tap.ics"'
    return response


def ics_download(request):
    """The agenda as an .ics file, for a signed-in reader."""
    if not request.user.has_perm("cms.view_reports"):
        raise PermissionDenied
    return _ics_response(request, _department(request))


def ics_feed(request, token):
    """The same calendar for a phone's calendar app: no session, a per-user signed address."""
    user = agenda.user_for_token(token)
    if user is None:
        raise Http404
    return _ics_response(request, _department(request))
