"""The year's occasions, the reminders sent for them, the training register and plan targets.

Occasions recur (a day every year, a whole month, the school-year opening); the calendar, the
lead-time reminders and the plan targets read them, so nothing about them is hard-coded.
"""

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class Occasion(models.Model):
    """A recurring occasion of the union's year: Teachers' Day, Workers' Month, National Day …"""

    KIND_DAY = "day"
    KIND_MONTH = "month"
    KIND_SCHOOL_YEAR = "school_year"
    KIND_CHOICES = [
        (KIND_DAY, _("The same day every year")),
        (KIND_MONTH, _("A whole month every year")),
        (KIND_SCHOOL_YEAR, _("School-year opening (about this day)")),
    ]

    name = models.CharField(
        _("name"), max_length=160, help_text=_("For example: Vietnamese Teachers' Day 20/11.")
    )
    kind = models.CharField(
        _("recurrence"),
        max_length=20,
        choices=KIND_CHOICES,
        default=KIND_DAY,
        help_text=_("How the occasion comes back each year."),
    )
    day = models.PositiveSmallIntegerField(
        _("day"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(31)],
        help_text=_("Day of the month; leave empty for a whole month."),
    )
    month = models.PositiveSmallIntegerField(
        _("month"),
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("Month, 1 to 12."),
    )
    lead_weeks = models.PositiveSmallIntegerField(
        _("lead time (weeks)"),
        default=4,
        validators=[MaxValueValidator(26)],
        help_text=_(
            "This many weeks before the occasion, the board and every department union are "
            "reminded to prepare their contributions. 0: no reminder."
        ),
    )
    is_peak = models.BooleanField(
        _("peak campaign every year"),
        default=False,
        help_text=_("The plan requires a campaign for this occasion every year (20/11, May)."),
    )
    campaign = models.ForeignKey(
        "home.CampaignPage",
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Optional. Drafts created from the reminder link to this year's campaign for the "
            "occasion (a campaign whose dates cover it), or to this one."
        ),
    )
    description = models.TextField(
        _("notes"), blank=True, help_text=_("What departments usually prepare for it.")
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("day"), FieldPanel("month")]),
        FieldRowPanel([FieldPanel("lead_weeks"), FieldPanel("is_peak")]),
        FieldPanel("campaign"),
        FieldPanel("description"),
    ]

    class Meta:
        verbose_name = _("occasion")
        verbose_name_plural = _("occasions")
        ordering = ["month", "day", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.kind != self.KIND_MONTH and not self.day:
            raise ValidationError({"day": _("Enter the day of the month.")})
        if self.day and self.month:
            last = calendar.monthrange(2024, self.month)[1]  # a leap year allows 29/2
            if self.day > last:
                raise ValidationError({"day": _("This month has no such day.")})

    @property
    def rule_display(self):
        if self.kind == self.KIND_MONTH:
            return _("all of month %(month)s") % {"month": self.month}
        text = f"{self.day:02d}/{self.month:02d}"
        if self.kind == self.KIND_SCHOOL_YEAR:
            return _("about %(date)s") % {"date": text}
        return text

    def occurrence(self, year):
        """(first day, last day) of the occasion in ``year``."""
        if self.kind == self.KIND_MONTH:
            last = calendar.monthrange(year, self.month)[1]
            return datetime.date(year, self.month, 1), datetime.date(year, self.month, last)
        day = min(self.day or 1, calendar.monthrange(year, self.month)[1])
        date = datetime.date(year, self.month, day)
        return date, date

    def occurrences(self, start, end):
        """Every (year, first day, last day) that overlaps [start, end]."""
        found = []
        for year in range(start.year - 1, end.year + 2):
            first, last = self.occurrence(year)
            if first <= end and last >= start:
                found.append((year, first, last))
        return found

    def reminder_date(self, year):
        return self.occurrence(year)[0] - datetime.timedelta(weeks=self.lead_weeks)


class OccasionReminder(models.Model):
    """A lead-time reminder sent for one occasion's year: each goes out once."""

    occasion = models.ForeignKey(
        Occasion, verbose_name=_("occasion"), on_delete=models.CASCADE, related_name="reminders"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    recipients = models.TextField(_("recipients"), blank=True)

    class Meta:
        verbose_name = _("occasion reminder")
        verbose_name_plural = _("occasion reminders")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["occasion", "year"], name="one_reminder_per_year")
        ]

    def __str__(self):
        return f"{self.occasion} {self.year}"


class TrainingSession(models.Model):
    """A communications training session and who attended: the plan's training target."""

    title = models.CharField(
        _("title"),
        max_length=200,
        help_text=_("For example: Writing news for the union's website and fanpage."),
    )
    date = models.DateField(_("date"), help_text=_("Day the session took place."))
    trainer = models.CharField(
        _("trainer"), max_length=160, blank=True, help_text=_("Who led the session.")
    )
    attendees = models.ManyToManyField(
        "auth.User",
        verbose_name=_("attendees"),
        blank=True,
        related_name="communication_trainings",
        help_text=_("Accounts of the people who attended."),
    )
    notes = models.TextField(_("notes"), blank=True, help_text=_("Content, materials, place."))

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("trainer")]),
        FieldPanel("attendees"),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        ordering = ["-date"]

    def __str__(self):
        return f"{self.title} ({self.date:%d/%m/%Y})"


@register_setting(icon="clipboard-list")
class PlanSettings(BaseSiteSetting):
    """The communication plan's targets, which the plan targets dashboard measures against."""

    pages_per_department = models.PositiveSmallIntegerField(
        _("pages per department per year"),
        default=12,
        help_text=_("Each department union should publish at least this many pages a year."),
    )
    campaigns_per_year = models.PositiveSmallIntegerField(
        _("campaigns per year"),
        default=1,
        help_text=_("Campaigns on the union's major activities each year, at least."),
    )
    training_target_percent = models.PositiveSmallIntegerField(
        _("training target (%)"),
        default=50,
        validators=[MaxValueValidator(100)],
        help_text=_("Share of executive committee members trained in communications."),
    )
    training_target_year = models.PositiveSmallIntegerField(
        _("training target year"), default=2028, help_text=_("Year the share must be reached.")
    )
    plan_start_year = models.PositiveSmallIntegerField(
        _("plan starts"), default=2023, help_text=_("First year of the communication plan.")
    )
    plan_end_year = models.PositiveSmallIntegerField(
        _("plan ends"), default=2028, help_text=_("Last year of the communication plan.")
    )
    shortlist_size = models.PositiveSmallIntegerField(
        _("commendation shortlist size"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("How many people and departments the shortlist proposes."),
    )
    review_days = models.PositiveSmallIntegerField(
        _("expected review time (days)"),
        default=3,
        help_text=_(
            "The calendar expects a page in review to be decided this many days after "
            "it was submitted."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("plan_start_year"), FieldPanel("plan_end_year")]),
                FieldPanel("pages_per_department"),
                FieldPanel("campaigns_per_year"),
                FieldRowPanel(
                    [FieldPanel("training_target_percent"), FieldPanel("training_target_year")]
                ),
            ],
            heading=_("Plan targets"),
        ),
        FieldPanel("shortlist_size"),
        FieldPanel("review_days"),
    ]

    class Meta:
        verbose_name = _("plan targets")
        verbose_name_plural = _("plan targets")

    def clean(self):
        if self.plan_end_year < self.plan_start_year:
            raise ValidationError({"plan_end_year": _("The plan cannot end before it starts.")})


# The reports' summary ---------------------------------------------------------------------
# A cache of what the page tree, the workflow and the audit log record, kept current by
# planning.stats.summary (never typed in, rebuilt by ``manage.py rebuild_report_summary``).


class ReportFigure(models.Model):
    """A count for one calendar bucket (a day, a month or a year) and one key.

    A period is read as whole years, whole months and the odd days at its ends, so a report
    reads a bounded number of rows whatever the period's length.
    """

    DAY, MONTH, YEAR = 0, 1, 2

    # Metrics: pages first published (department, owner, page type); workflow actions per
    # department (the page's current department) and per reviewer (user); workflows approved,
    # per department and per approver, with their time to publication in tenths of a day.
    PUBLISHED = 1
    SUBMITTED = 2
    APPROVED = 3
    REJECTED = 4
    REVIEWER_APPROVED = 5
    REVIEWER_REJECTED = 6
    DURATION = 7
    APPROVER_DURATION = 8

    grain = models.PositiveSmallIntegerField()
    start = models.DateField()
    metric = models.PositiveSmallIntegerField()
    department = models.IntegerField(null=True)
    user = models.IntegerField(null=True)
    content_type = models.IntegerField(null=True)
    tenths = models.IntegerField(null=True)
    n = models.IntegerField()

    class Meta:
        indexes = [
            models.Index(
                fields=["metric", "grain", "start", "department", "user", "content_type", "tenths"],
                name="planning_figure_read_idx",
            ),
            # Counting a day again, and its month and year from it.
            models.Index(fields=["grain", "start"], name="planning_figure_bucket_idx"),
        ]


class CampaignFigure(models.Model):
    """Pages linked to a campaign, per department and per day from its key date (-8: earlier,
    8: later)."""

    campaign = models.IntegerField()
    department = models.IntegerField(null=True)
    offset = models.SmallIntegerField()
    n = models.IntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["campaign", "department", "offset"], name="planning_camp_idx")
        ]


class PageFact(models.Model):
    """What the summary last saw of a page: where it was, when it was first published and
    its campaign, so that a move or a deletion knows which figures to count again."""

    page = models.IntegerField(primary_key=True)
    path = models.CharField(max_length=255, db_index=True)
    day = models.DateField(null=True)
    campaign = models.IntegerField(null=True)


class SummaryState(models.Model):
    """How far the summary has read: the last audit-log entry and page, and the departments
    it counted with."""

    log_id = models.BigIntegerField(default=0)
    page_id = models.BigIntegerField(default=0)
    departments = models.CharField(max_length=64, blank=True)
    built_at = models.DateTimeField(null=True)
