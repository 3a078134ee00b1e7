"""What members sent: one record per submission, and the accounts blocked for spam.

The submitter is recorded here only, never as the page's owner or byline, so nothing on the
public site shows who sent a tip or a nomination.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


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
        on_delete=models.CASCADE,
        related_name="contributions",
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
    """An account whose submissions were declined as spam: it may not send any more."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="+",
    )
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
        return str(self.user)
