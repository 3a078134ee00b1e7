from django.dispatch import receiver

from wagtail.signals import page_published

from contributions.services import page_was_published


@receiver(page_published)
def contribution_published(sender, instance, **kwargs):
    page_was_published(instance)
