"""What members sent: one record per submission, the accounts and addresses blocked for spam,
and the site setting that opens the forms to visitors with a verified e-mail.

The submitter (an account, or a verified e-mail address for a visitor who is not a member) is
recorded here only, never as the page's owner or byline, so nothing on the public site shows
who sent a tip or a nomination.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class Contribution(models.Model):
    KIND_TIP = "tip"
    KIND_NOMINATION = "nomination"
    KIND_CHOICES = [
        (KIND_TIP, _("News tip")),
        (KIND_NOMINATION, _("Exemplar nomination")),
    ]

    STATUS_RECEIVED = "received"
    STATUS_EDITING = "editing"
    STATUS_PUBLISHED = "published"
    STATUS_DECLINED = "declined"
    STATUS_CHOICES = [
        (STATUS_RECEIVED, pgettext_lazy("contribution status", "Received")),
        (STATUS_EDITING, pgettext_lazy("contribution status", "Being edited")),
        (STATUS_PUBLISHED, pgettext_lazy("contribution status", "Published")),
        (STATUS_DECLINED, pgettext_lazy("contribution status", "Declined")),
    ]

    kind = models.CharField(_("kind"), max_length=20, choices=KIND_CHOICES)
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitter"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="contributions",
        help_text=_("Empty when a visitor who is not logged in sent it from a verified e-mail."),
    )
    submitter_email = models.EmailField(
        _("submitter's verified e-mail"),
        blank=True,
        db_index=True,
        help_text=_("Set when someone who is not a member sent it after verifying this address."),
    )
    department = models.ForeignKey(
        "cms.DepartmentPage",
        verbose_name=_("department"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("draft page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=255)
    note = models.TextField(_("note for the editors"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=STATUS_CHOICES, default=STATUS_RECEIVED
    )
    reason = models.TextField(_("reason for declining"), blank=True)
    declined_as_spam = models.BooleanField(_("declined as spam"), default=False)
    declined_at = models.DateTimeField(_("declined at"), null=True, blank=True)
    files_purged = models.BooleanField(_("files removed"), default=False)
    image_ids = models.JSONField(_("photos"), default=list, blank=True)
    created = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("member contribution")
        verbose_name_plural = _("member contributions")
        ordering = ["-created", "-pk"]

    def __str__(self):
        return self.title

    def source(self):
        """Who sent it, for the editors only: the account's name, or the verified address."""
        if self.submitter_id:
            user = self.submitter
            name = user.get_full_name() or user.get_username()
            address = self.submitter_email or user.email
            return f"{name} <{address}>" if address else name
        return self.submitter_email

    def reply_address(self):
        """Where to tell the submitter about a decision: the verified address, or the account's."""
        if self.submitter_email:
            return self.submitter_email
        return self.submitter.email if self.submitter_id else ""

    def current_status(self):
        """The stored status, or "being edited" once an editor has saved or submitted it."""
        if self.status != self.STATUS_RECEIVED or self.page_id is None:
            return self.status
        page = self.page
        if page.live:
            return self.STATUS_PUBLISHED
        revisions = page.revisions.exclude(user=None)
        if revisions.exists() or page.workflow_in_progress:
            return self.STATUS_EDITING
        return self.STATUS_RECEIVED

    def get_current_status_display(self):
        return dict(self.STATUS_CHOICES)[self.current_status()]


class BlockedSubmitter(models.Model):
    """An account or an e-mail address whose submissions were declined as spam: it may not
    send any more."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    email = models.EmailField(_("e-mail address"), blank=True, db_index=True)
    blocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("blocked by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created = models.DateTimeField(_("blocked at"), auto_now_add=True)

    class Meta:
        verbose_name = _("blocked submitter")
        verbose_name_plural = _("blocked submitters")

    def __str__(self):
        return str(self.user) if self.user_id else self.email


@register_setting(icon="mail")
class ContributionSettings(BaseSiteSetting):
    """Who may send news and nominations besides logged-in members."""

    allow_verified_email = models.BooleanField(
        _("allow contributions from a verified e-mail"),
        default=False,
        help_text=_(
            "When on, a visitor who is not a member may send news and nominations after "
            "clicking a link sent to their e-mail address. When off, only logged-in members may."
        ),
    )

    panels = [FieldPanel("allow_verified_email")]

    class Meta:
        verbose_name = _("member contribution settings")
        verbose_name_plural = _("member contribution settings")
