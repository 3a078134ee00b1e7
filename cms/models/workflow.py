"""The two review steps of "Quy trình duyệt tin bài" and the rules they share.

Step 1 goes to the head group of the page's department and passes on by itself when there is
nobody to review there; step 2 is the communications board. At both steps nobody approves
their own work, an action on a task that someone else has just finished does nothing (two
moderators clicking at once publish once), and exemplar profiles cannot be approved until the
person's consent, the basis of the recognition and the photo's rights are on record.
"""

from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import AbstractGroupApprovalTask, Page, Task, TaskState

APPROVE_ACTIONS = [
    ("reject", _("Request changes"), True),
    ("approve", _("Approve"), False),
    ("approve", _("Approve with comment"), True),
]


def department_of(page):
    """The DepartmentPage above ``page`` (None for the board's own pages)."""
    from cms.models import DepartmentPage

    department = DepartmentPage.objects.ancestor_of(page).first()
    if department is None:
        return None
    # Translations share the original department's groups.
    return DepartmentPage.objects.select_related("heads_group").get(pk=department.original.pk)


def authors_of(task_state_or_page):
    """Users who submitted or last edited what is under review: they may not approve it."""
    if isinstance(task_state_or_page, TaskState):
        task_state = task_state_or_page
    else:
        task_state = task_state_or_page.current_workflow_task_state
    if task_state is None:
        return set()
    return {
        user_id
        for user_id in (task_state.workflow_state.requested_by_id, task_state.revision.user_id)
        if user_id
    }


def verification_problems(page):
    """What an exemplar still lacks before it may be approved (empty for other pages)."""
    from exemplars.models import ExemplarPage

    page = page.specific_deferred if isinstance(page, Page) else page
    if not isinstance(page, ExemplarPage):
        return []
    revision = page.get_latest_revision()
    page = revision.as_object() if revision else page
    problems = []
    if not page.consent_recorded:
        problems.append(_("the person's consent is not recorded"))
    if not (page.decision_number and page.issuing_body) and not page.nominating_unit:
        problems.append(
            _(
                "the basis of the recognition is missing (decision number and issuing body, or the nominating unit)"
            )
        )
    if not page.photo_rights_recorded:
        problems.append(_("the right to use the photo is not recorded"))
    return [str(problem) for problem in problems]  # in the language of the request


class ReviewRulesMixin:
    """Shared by both steps: no self-approval, act once, the exemplar verification gate."""

    def get_actions(self, obj, user):
        if not self.user_can_review(obj, user):
            return []
        return APPROVE_ACTIONS

    def start(self, workflow_state, user=None):
        # A resubmission after "request changes" resumes at the step that asked for them;
        # with re-approval on edit, earlier steps' approvals no longer cover the new revision,
        # so the page goes back to the first of those steps rather than skipping ahead.
        first_open_step = workflow_state.get_next_task()
        if first_open_step is not None and first_open_step.pk != self.pk:
            return first_open_step.specific.start(workflow_state, user=user)
        return self.start_step(workflow_state, user=user)

    def start_step(self, workflow_state, user=None):
        return super().start(workflow_state, user=user)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name not in {"approve", "reject"}:
            return None
        page = task_state.workflow_state.content_object
        if not self.user_can_review(page, user):
            return None
        if action_name == "approve" and verification_problems(page):
            return reverse("lantoa_verification_refused", args=[page.pk])
        # Claim the task with one conditional UPDATE: of two moderators acting at the same
        # moment, the second finds it already claimed and changes nothing.
        claimed = TaskState.objects.filter(
            pk=task_state.pk, status=TaskState.STATUS_IN_PROGRESS, finished_at__isnull=True
        ).update(finished_at=timezone.now())
        if not claimed:
            return None
        task_state.refresh_from_db()
        return super().on_action(task_state, user, action_name, **kwargs)


class DepartmentReviewTask(ReviewRulesMixin, Task):
    """Step 1: the head group of the page's department reviews it."""

    class Meta:
        verbose_name = _("department union review")
        verbose_name_plural = _("department union reviews")

    @classmethod
    def get_description(cls):
        return _(
            "The head of the page's department union reviews first; pages outside any department union, or of a unit without a head, pass this step automatically."
        )

    def reviewers(self, page, task_state=None):
        """Active heads of the page's department, less whoever wrote what is under review."""
        department = department_of(page)
        if department is None or department.heads_group_id is None:
            return get_user_model().objects.none()
        authors = authors_of(task_state) if task_state else authors_of(page)
        return department.heads_group.user_set.filter(is_active=True).exclude(pk__in=authors)

    def user_can_review(self, obj, user):
        if not user.is_active:
            return False
        if user.is_superuser:
            return user.pk not in authors_of(obj)
        return self.reviewers(obj).filter(pk=user.pk).exists()

    def start_step(self, workflow_state, user=None):
        page = workflow_state.content_object
        revision = page.get_latest_revision()
        authors = {workflow_state.requested_by_id, revision.user_id if revision else None}
        department = department_of(page)
        has_reviewer = (
            department is not None
            and department.heads_group_id is not None
            and department.heads_group.user_set.filter(is_active=True)
            .exclude(pk__in=[a for a in authors if a])
            .exists()
        )
        if has_reviewer:
            return super().start_step(workflow_state, user=user)
        return TaskState.objects.create(
            workflow_state=workflow_state,
            revision=revision,
            task=self,
            status=TaskState.STATUS_SKIPPED,
            finished_at=timezone.now(),
            comment=_("Passed on automatically: no head of the department union to review."),
        )

    def user_can_access_editor(self, obj, user):
        return self.user_can_review(obj, user)

    def locked_for_user(self, obj, user):
        """While in review, only the department's heads and the board may edit."""
        if user.is_superuser or _is_board(user):
            return False
        department = department_of(obj)
        return not (department and user.groups.filter(pk=department.heads_group_id).exists())

    def get_task_states_user_can_moderate(self, user, **kwargs):
        from cms.models import DepartmentPage

        states = TaskState.objects.filter(task=self, status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states.exclude(workflow_state__requested_by=user)
        headed = DepartmentPage.objects.filter(heads_group__in=user.groups.all())
        if not headed.exists():
            return TaskState.objects.none()
        # The department and its translations: heads review both languages.
        departments = DepartmentPage.objects.filter(
            translation_key__in=headed.values("translation_key")
        )
        pages = Page.objects.none()
        for department in departments:
            pages = pages | Page.objects.descendant_of(department)
        page_ids = [str(pk) for pk in pages.values_list("pk", flat=True)]
        return (
            states.filter(workflow_state__object_id__in=page_ids)
            .exclude(workflow_state__requested_by=user)
            .exclude(revision__user=user)
        )


def _is_board(user):
    from cms import roles

    return user.groups.filter(name=roles.COMMUNICATIONS).exists()


class BoardApprovalTask(ReviewRulesMixin, AbstractGroupApprovalTask):
    """Step 2: the communications board gives the final approval, which publishes."""

    class Meta:
        verbose_name = _("Communications Board approval")
        verbose_name_plural = _("Communications Board approvals")

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups give the final approval; approving publishes (or schedules) the page."
        )

    def user_can_review(self, obj, user):
        if not user.is_active or user.pk in authors_of(obj):
            return False
        return user.is_superuser or self._user_in_groups(user)

    def reviewers(self, page, task_state=None):
        authors = authors_of(task_state) if task_state else authors_of(page)
        return (
            get_user_model()
            .objects.filter(groups__in=self.groups.all(), is_active=True)
            .exclude(pk__in=authors)
            .distinct()
        )

    def get_task_states_user_can_moderate(self, user, **kwargs):
        return (
            super()
            .get_task_states_user_can_moderate(user, **kwargs)
            .exclude(workflow_state__requested_by=user)
            .exclude(revision__user=user)
        )


class TakedownRequest(models.Model):
    """A department's request to take a published page down, and the board's decision."""

    STATUS_PENDING = "pending"
    STATUS_DONE = "done"
    STATUS_DECLINED = "declined"
    STATUS_CHOICES = [
        (STATUS_PENDING, _("Awaiting decision")),
        (STATUS_DONE, _("Taken down")),
        (STATUS_DECLINED, _("Not taken down")),
    ]

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="trang",
        on_delete=models.CASCADE,
        related_name="takedown_requests",
    )
    reason = models.TextField(_("reason"), help_text=_("Why this page should be taken down."))
    requested_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("requested by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=20, choices=STATUS_CHOICES, default=STATUS_PENDING
    )
    decided_by = models.ForeignKey(
        "auth.User",
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.TextField(_("decision note"), blank=True)

    class Meta:
        verbose_name = _("takedown request")
        verbose_name_plural = _("takedown requests")
        ordering = ["-requested_at"]
        # The board's and the executive committee's right to read editorial reports.
        permissions = [("view_reports", _("View editorial reports"))]

    def __str__(self):
        return str(_("Take down “{title}”").format(title=self.page.title))


class ReviewReminder(models.Model):
    """One reminder sent about a task waiting too long, so each goes out once a day at most."""

    KIND_REMINDER = "reminder"
    KIND_ESCALATION = "escalation"

    task_state = models.ForeignKey(
        TaskState, on_delete=models.CASCADE, related_name="lantoa_reminders"
    )
    kind = models.CharField(
        max_length=20,
        choices=[
            (KIND_REMINDER, _("Reminder to reviewers")),
            (KIND_ESCALATION, _("Alert to the board head")),
        ],
    )
    sent_on = models.DateField()
    recipients = models.TextField(blank=True)

    class Meta:
        verbose_name = _("review reminder")
        verbose_name_plural = _("review reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["task_state", "kind", "sent_on"], name="one_reminder_a_day"
            )
        ]
