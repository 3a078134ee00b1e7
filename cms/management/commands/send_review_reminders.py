"""Remind reviewers of pages waiting more than two days (once a day), and tell the board's
head after five. Safe to run as often as you like: cron it daily, or every minute."""

import datetime

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from wagtail.admin.mail import send_mail
from wagtail.models import TaskState

from cms import roles
from cms.models import ReviewReminder

REMIND_AFTER = datetime.timedelta(days=2)
ESCALATE_AFTER = datetime.timedelta(days=5)


def _admin_url(path):
    from django.conf import settings

    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _language_of(user):
    """The user's admin language (Account → Language), Vietnamese unless they chose English."""
    from django.conf import settings

    from wagtail.users.models import UserProfile

    profile = UserProfile.objects.filter(user=user).only("preferred_language").first()
    return (profile and profile.preferred_language) or settings.LANGUAGE_CODE


def _send_in_their_language(users, message, *args):
    """One e-mail per admin language; ``message(*args)`` builds (subject, body) in it."""
    by_language = {}
    for user in users:
        by_language.setdefault(_language_of(user), []).append(user.email)
    for language, emails in by_language.items():
        with translation.override(language):
            subject, body = message(*args)
        send_mail(subject, body, emails)


class Command(BaseCommand):
    help = "Nhắc người duyệt các trang chờ quá 2 ngày; quá 5 ngày thì báo Trưởng ban."

    def _reminder(self, page, task, task_state, days, url):
        started = f"{timezone.localtime(task_state.started_at):%d/%m/%Y %H:%M}"
        return (
            _("[Lan Tỏa] Review reminder: “{title}” has waited {days} days").format(
                title=page.title, days=days
            ),
            _(
                "The page “{title}” has been waiting at the step “{step}” since {started}."
                "\n\nReview it at: {url}\n"
            ).format(title=page.title, step=task.name, started=started, url=url),
        )

    def _escalation(self, page, task, days, url):
        return (
            _("[Lan Tỏa] Review overdue: “{title}” has waited {days} days").format(
                title=page.title, days=days
            ),
            _(
                "The page “{title}” has waited {days} days at the step “{step}” without a "
                "review.\n\nSee it at: {url}\n"
            ).format(title=page.title, step=task.name, days=days, url=url),
        )

    def handle(self, *args, **options):
        now = timezone.now()
        today = timezone.localdate()
        waiting = (
            TaskState.objects.filter(
                status=TaskState.STATUS_IN_PROGRESS, started_at__lte=now - REMIND_AFTER
            )
            .select_related("workflow_state", "task", "revision")
            .order_by("started_at")
        )
        reminded = escalated = 0
        board = list(
            get_user_model()
            .objects.filter(groups__name=roles.COMMUNICATIONS, is_active=True)
            .exclude(email="")
        )
        for task_state in waiting:
            page = task_state.workflow_state.content_object
            if page is None:
                continue
            days = (now - task_state.started_at).days
            url = _admin_url(reverse("wagtailadmin_pages:edit", args=[page.pk]))
            task = task_state.task.specific
            reviewers = [u for u in task.reviewers(page, task_state) if u.email]
            if reviewers and self._record(
                task_state, ReviewReminder.KIND_REMINDER, today, reviewers
            ):
                _send_in_their_language(
                    reviewers, self._reminder, page, task, task_state, days, url
                )
                reminded += 1
            escalation_sent = ReviewReminder.objects.filter(
                task_state=task_state, kind=ReviewReminder.KIND_ESCALATION
            ).exists()
            if (
                now - task_state.started_at >= ESCALATE_AFTER
                and board
                and not escalation_sent
                and self._record(task_state, ReviewReminder.KIND_ESCALATION, today, board)
            ):
                _send_in_their_language(board, self._escalation, page, task, days, url)
                escalated += 1
        self.stdout.write(f"Đã nhắc {reminded} trang; đã báo Trưởng ban {escalated} trang quá hạn.")

    def _record(self, task_state, kind, today, users):
        _, created = ReviewReminder.objects.get_or_create(
            task_state=task_state,
            kind=kind,
            sent_on=today,
            defaults={"recipients": ", ".join(u.email for u in users)},
        )
        return created
