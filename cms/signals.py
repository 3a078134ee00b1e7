"""Keep groups, permissions and the workflow assignment in step with the page tree."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from cms import editorial
from cms.models import DepartmentPage
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
