"""Keep the index current when what a page is found by changes outside the page's own row.

Wagtail indexes a page on its post_save, before modelcluster writes the page's tags, so a
page's tags would reach the index only on its next save; a renamed tag or category would
never reach it. These handlers re-index the pages concerned when that happens.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save

from wagtail.search import index

from cms.models.tags import Tag, TaggedPageBase


def reindex(pages):
    for page in pages:
        index.insert_or_update_object(page.specific if hasattr(page, "specific") else page)


def _tagged_item_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    page = sender._meta.get_field("content_object").related_model
    reindex(page.objects.filter(pk=instance.content_object_id))


def tagged_pages(tag):
    for through in tag_through_models():
        page = through._meta.get_field("content_object").related_model
        ids = through.objects.filter(tag=tag).values("content_object_id")
        yield from page.objects.filter(pk__in=ids)


def _tag_renamed(sender, instance, created=False, raw=False, **kwargs):
    if not (created or raw):
        reindex(tagged_pages(instance))


def _category_renamed(sender, instance, created=False, raw=False, **kwargs):
    if not (created or raw):
        reindex(instance.exemplars.all())


def tag_through_models():
    return [model for model in apps.get_models() if issubclass(model, TaggedPageBase)]


def connect():
    for through in tag_through_models():
        post_save.connect(_tagged_item_changed, sender=through, dispatch_uid=f"search-{through}")
        post_delete.connect(
            _tagged_item_changed, sender=through, dispatch_uid=f"search-del-{through}"
        )
    post_save.connect(_tag_renamed, sender=Tag, dispatch_uid="search-tag")
    category = apps.get_model("exemplars", "ExemplarCategory")
    post_save.connect(_category_renamed, sender=category, dispatch_uid="search-category")
