"""Keep groups, permissions and the workflow assignment in step with the page tree."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.admin.mail import BaseGroupApprovalTaskStateEmailNotifier
from wagtail.models import TaskState
from wagtail.signals import task_submitted

from cms import editorial
from cms.models import DepartmentPage, DepartmentReviewTask
from home.models import HomePage


@receiver(post_save, sender=DepartmentPage)
def department_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        editorial.sync_department(instance)


@receiver(post_delete, sender=DepartmentPage)
def department_deleted(sender, instance, **kwargs):
    editorial.remove_department_groups(instance)


@receiver(post_save, sender=HomePage)
def home_saved(sender, instance, created=False, raw=False, **kwargs):
    if created and not raw:
        editorial.assign_workflow(instance)


class DepartmentReviewSubmissionNotifier(BaseGroupApprovalTaskStateEmailNotifier):
    """E-mails the department's heads when a page reaches step 1 (Wagtail's own notifier
    covers group approval tasks only)."""

    notification = "submitted"

    def can_handle(self, instance, **kwargs):
        return isinstance(instance, TaskState) and isinstance(
            instance.task.specific, DepartmentReviewTask
        )

    def get_recipient_users(self, task_state, **kwargs):
        page = task_state.workflow_state.content_object
        return set(task_state.task.specific.reviewers(page, task_state))


department_review_notifier = DepartmentReviewSubmissionNotifier()
task_submitted.connect(
    department_review_notifier,
    sender=TaskState,
    dispatch_uid="lantoa_department_review_submitted_email",
)
