"""Public address of the calendar feed: phones subscribe without a session."""

from django.urls import path

from planning.views import calendar

urlpatterns = [
    path("<str:token>.ics", calendar.ics_feed, name="planning_calendar_feed"),
]
