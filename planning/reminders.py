"""Lead-time reminders: weeks before an occasion, the board and every department union are told
to prepare, once per occasion and year, with a link that starts a draft linked to its campaign."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from wagtail.admin.mail import send_mail

from cms import roles
from cms.models import DepartmentPage
from planning.models import Occasion, OccasionReminder


def due(today):
    """(occasion, year, first day) whose reminder is due today and not sent yet."""
    sent = set(OccasionReminder.objects.values_list("occasion_id", "year"))
    found = []
    for occasion in Occasion.objects.filter(lead_weeks__gt=0):
        for year in (today.year, today.year + 1):
            first, _last = occasion.occurrence(year)
            remind_on = first - datetime.timedelta(weeks=occasion.lead_weeks)
            if remind_on <= today < first and (occasion.pk, year) not in sent:
                found.append((occasion, year, first))
    return found


def campaign_for(occasion, year):
    """This year's campaign for the occasion: one whose dates cover it (the occasion's own
    linked campaign first), else the linked campaign, else None."""
    from home.models import CampaignPage

    first, last = occasion.occurrence(year)
    covering = list(
        CampaignPage.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE,
            start_date__lte=last,
            end_date__gte=first,
        ).order_by("start_date", "pk")
    )
    for campaign in covering:
        if campaign.pk == occasion.campaign_id:
            return campaign
    if covering:
        return covering[0]
    return occasion.campaign


def _admin_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _message(occasion, year, first, who):
    link = _admin_url(reverse("planning_create_draft", args=[occasion.pk, year]))
    calendar = _admin_url(reverse("planning_calendar") + f"?thang={first:%Y-%m}")
    subject = _("[Lan Tỏa] Prepare for %(name)s (%(date)s)") % {
        "name": occasion.name,
        "date": occasion.rule_display
        if occasion.kind == Occasion.KIND_MONTH
        else f"{first:%d/%m/%Y}",
    }
    body = _(
        "Dear %(who)s,\n\n%(name)s is on %(date)s, in %(weeks)s weeks. Please prepare your "
        "contributions (news, exemplars, photos).\n\n%(notes)s\n\nStart a draft already linked "
        "to the occasion's campaign: %(link)s\nEditorial calendar: %(calendar)s\n"
    ) % {
        "who": who,
        "name": occasion.name,
        "date": f"{first:%d/%m/%Y}",
        "weeks": occasion.lead_weeks,
        "notes": occasion.description,
        "link": link,
        "calendar": calendar,
    }
    return subject, body


def send_due(today):
    """Send every reminder due on ``today``; returns how many occasions were announced."""
    User = get_user_model()
    sent = 0
    with override(settings.LANGUAGE_CODE):
        for occasion, year, first in due(today):
            try:
                with transaction.atomic():
                    record = OccasionReminder.objects.create(occasion=occasion, year=year)
            except IntegrityError:
                continue  # another run announced it a moment ago
            recipients = []
            board = list(
                User.objects.filter(groups__name=roles.COMMUNICATIONS, is_active=True)
                .exclude(email="")
                .values_list("email", flat=True)
                .distinct()
            )
            if board:
                send_mail(*_message(occasion, year, first, roles.COMMUNICATIONS), board)
                recipients += board
            departments = DepartmentPage.objects.filter(
                locale__language_code=settings.LANGUAGE_CODE
            ).order_by("title")
            for department in departments:
                group_ids = [
                    g for g in (department.editors_group_id, department.heads_group_id) if g
                ]
                emails = set(
                    User.objects.filter(Q(groups__in=group_ids), is_active=True)
                    .exclude(email="")
                    .values_list("email", flat=True)
                )
                if department.email:
                    emails.add(department.email)
                if emails:
                    send_mail(*_message(occasion, year, first, department.title), sorted(emails))
                    recipients += sorted(emails)
            record.recipients = ", ".join(dict.fromkeys(recipients))
            record.save(update_fields=["recipients"])
            sent += 1
    return sent
