"""What the editorial calendar shows between two dates, and its iCalendar feed.

Events come from what the site already records: occasions (and the day their lead time
starts), campaign start, key and end dates, scheduled publications (``go_live_at``) and pages
in review with the date a decision is expected. A fixed number of queries for any range.
"""

import datetime
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.db.models import IntegerField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from wagtail.models import Page, TaskState

KIND_OCCASION = "occasion"
KIND_REMINDER = "reminder"
KIND_CAMPAIGN = "campaign"
KIND_SCHEDULED = "scheduled"
KIND_REVIEW = "review"


@dataclass
class Event:
    uid: str
    kind: str
    title: str
    start: datetime.date
    end: datetime.date  # inclusive
    url: str = ""
    detail: str = ""
    at: datetime.datetime | None = None  # a precise time (scheduled publication)

    def covers(self, day):
        return self.start <= day <= self.end


def kind_labels():
    return {
        KIND_OCCASION: _("Occasion"),
        KIND_REMINDER: _("Start preparing"),
        KIND_CAMPAIGN: _("Campaign"),
        KIND_SCHEDULED: _("Scheduled publication"),
        KIND_REVIEW: _("In review: decision expected"),
    }


def _in_department(path, department_paths):
    return department_paths is None or any(
        path.startswith(p) and path != p for p in department_paths
    )


def events(start, end, department=None, review_days=3):
    """Every event overlapping [start, end], sorted by date; ``department`` limits the pages
    (scheduled, in review) to its subtree, while occasions and campaigns concern everyone."""
    from home.models import CampaignPage
    from planning.models import Occasion

    department_paths = None
    if department is not None:
        from cms.models import DepartmentPage

        department_paths = list(
            DepartmentPage.objects.filter(translation_key=department.translation_key).values_list(
                "path", flat=True
            )
        )
    found = []
    for occasion in Occasion.objects.all():
        for year, first, last in occasion.occurrences(start, end):
            found.append(
                Event(
                    f"occasion-{occasion.pk}-{year}",
                    KIND_OCCASION,
                    occasion.name,
                    first,
                    last,
                    detail=occasion.description,
                )
            )
        if occasion.lead_weeks:
            horizon = end + datetime.timedelta(weeks=occasion.lead_weeks)
            for year, first, _last in occasion.occurrences(start, horizon):
                remind = first - datetime.timedelta(weeks=occasion.lead_weeks)
                if start <= remind <= end:
                    found.append(
                        Event(
                            f"prepare-{occasion.pk}-{year}",
                            KIND_REMINDER,
                            _("Start preparing: %(name)s (%(weeks)s weeks ahead)")
                            % {"name": occasion.name, "weeks": occasion.lead_weeks},
                            remind,
                            remind,
                            url=reverse("planning_create_draft", args=[occasion.pk, year]),
                        )
                    )
    campaigns = CampaignPage.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE,
        start_date__lte=end,
        end_date__gte=start,
    ).values("pk", "title", "start_date", "key_date", "end_date")
    for campaign in campaigns:
        url = reverse("wagtailadmin_pages:edit", args=[campaign["pk"]])
        marks = [
            ("start", campaign["start_date"], _("Campaign starts: %(title)s")),
            ("key", campaign["key_date"], _("Campaign key date: %(title)s")),
            ("end", campaign["end_date"], _("Campaign ends: %(title)s")),
        ]
        for mark, day, label in marks:
            if day and start <= day <= end:
                found.append(
                    Event(
                        f"campaign-{campaign['pk']}-{mark}",
                        KIND_CAMPAIGN,
                        label % {"title": campaign["title"]},
                        day,
                        day,
                        url=url,
                    )
                )
    tz = timezone.get_current_timezone()
    low = datetime.datetime.combine(start, datetime.time.min, tzinfo=tz)
    high = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz)
    scheduled = (
        Page.objects.filter(go_live_at__gte=low, go_live_at__lt=high)
        .annotate_approved_schedule()
        .values("pk", "title", "path", "go_live_at", "live", "_approved_schedule")
    )
    for page in scheduled:
        if not _in_department(page["path"], department_paths):
            continue
        at = timezone.localtime(page["go_live_at"])
        if page["_approved_schedule"]:
            label = _("Goes live at %(time)s: %(title)s")
        elif page["live"]:
            label = _("Published at %(time)s: %(title)s")
        else:
            label = _("Planned for %(time)s (not approved yet): %(title)s")
        found.append(
            Event(
                f"page-{page['pk']}-golive",
                KIND_SCHEDULED,
                label % {"time": f"{at:%H:%M}", "title": page["title"]},
                at.date(),
                at.date(),
                url=reverse("wagtailadmin_pages:edit", args=[page["pk"]]),
                at=at,
            )
        )
    page = Page.objects.filter(pk=Cast(OuterRef("workflow_state__object_id"), IntegerField()))
    reviews = (
        TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            workflow_state__base_content_type__app_label="wagtailcore",
            workflow_state__base_content_type__model="page",
        )
        .annotate(
            page_id=Subquery(page.values("pk")[:1]),
            page_title=Subquery(page.values("title")[:1]),
            page_path=Subquery(page.values("path")[:1]),
            page_go_live_at=Subquery(page.values("go_live_at")[:1]),
        )
        .filter(page_id__isnull=False)
        .values(
            "page_id",
            "page_title",
            "page_path",
            "page_go_live_at",
            "task__name",
            "workflow_state__created_at",
        )
    )
    for review in reviews:
        if not _in_department(review["page_path"], department_paths):
            continue
        if review["page_go_live_at"]:
            expected = timezone.localtime(review["page_go_live_at"]).date()
        else:
            expected = timezone.localtime(
                review["workflow_state__created_at"]
            ).date() + datetime.timedelta(days=review_days)
        if start <= expected <= end:
            found.append(
                Event(
                    f"review-{review['page_id']}",
                    KIND_REVIEW,
                    _("Decision expected (%(step)s): %(title)s")
                    % {"step": review["task__name"], "title": review["page_title"]},
                    expected,
                    expected,
                    url=reverse("wagtailadmin_pages:edit", args=[review["page_id"]]),
                )
            )
    order = [KIND_OCCASION, KIND_REMINDER, KIND_CAMPAIGN, KIND_SCHEDULED, KIND_REVIEW]
    found.sort(key=lambda e: (e.start, order.index(e.kind), e.at or low, e.title))
    return found


# Subscribing from a phone -----------------------------------------------------------------


def _signature(user):
    # The password hash is in the key, so changing one's password revokes old addresses.
    return salted_hmac("planning.calendar-feed", f"{user.pk}:{user.password}").hexdigest()[:24]


def feed_token(user):
    return f"{user.pk}-{_signature(user)}"


def user_for_token(token):
    """The active user a feed token belongs to, if it is still valid and they may read it."""
    from django.contrib.auth import get_user_model

    user_id, _sep, signature = (token or "").partition("-")
    if not user_id.isdigit() or not signature:
        return None
    user = get_user_model().objects.filter(pk=int(user_id), is_active=True).first()
    if user is None or not constant_time_compare(signature, _signature(user)):
        return None
    if not user.has_perm("cms.view_reports"):
        return None
    return user


def to_ical(found, name):
    """An RFC 5545 calendar of ``found`` events (all-day unless they carry a time)."""
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Lan Toa//Lich bien tap//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    host = base.split("://")[-1].split("/")[0] or "lantoa"
    now = timezone.now()
    for event in found:
        item = icalendar.Event()
        digest = hashlib.sha1(event.uid.encode()).hexdigest()[:8]
        item.add("uid", f"{event.uid}-{digest}@{host}")
        item.add("dtstamp", now)
        item.add("summary", f"[{kind_labels()[event.kind]}] {event.title}")
        if event.at is not None:
            item.add("dtstart", event.at.astimezone(datetime.UTC))
            item.add("dtend", (event.at + datetime.timedelta(minutes=30)).astimezone(datetime.UTC))
        else:
            item.add("dtstart", event.start)
            item.add("dtend", event.end + datetime.timedelta(days=1))
            item.add("transp", "TRANSPARENT")
        if event.detail:
            item.add("description", event.detail)
        if event.url:
            item.add("url", base + event.url)
        item.add("categories", [kind_labels()[event.kind]])
        calendar.add_component(item)
    return calendar.to_ical()
