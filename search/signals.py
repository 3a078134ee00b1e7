"""Keep the index current when what a page is found by changes outside the page's own row.

Wagtail indexes a page on its post_save, before modelcluster writes the page's tags, so a
page's tags would reach the index only on its next save; a renamed tag or category would
never reach it. These handlers re-index the pages concerned when that happens.
"""

from django.apps import apps
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from wagtail.models import Locale
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished, post_page_move

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


def forget_choices(**kwargs):
    """Drop the search page's cached filter lists and names (see search.views.CHOICES_KEY)."""
    from django.conf import settings

    from search.views import CHOICES_KEY, OTHER

    locales = [0, *Locale.objects.values_list("pk", flat=True)]
    languages = [code for code, _name in settings.LANGUAGES] + [OTHER]
    keys = [f"{CHOICES_KEY}:{pk}:{code}" for pk in locales for code in languages]
    cache.delete_many([f"{CHOICES_KEY}:names", *keys])


def forget_picks(**kwargs):
    """Drop every query's cached editors' picks (search.views.editors_picks)."""
    from search.views import PICKS_KEY

    cache.delete(PICKS_KEY)


def _page_changed(sender, instance=None, **kwargs):
    from cms.models import DepartmentPage
    from home.models import CampaignPage

    page = instance if instance is not None else kwargs.get("page")
    forget_picks()  # a picked page's title, address or publication may have changed
    if isinstance(getattr(page, "specific_deferred", page), (DepartmentPage, CampaignPage)):
        forget_choices()


def _tag_renamed(sender, instance, created=False, raw=False, **kwargs):
    forget_choices()
    if not (created or raw):
        reindex(tagged_pages(instance))


def _category_renamed(sender, instance, created=False, raw=False, **kwargs):
    forget_choices()
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
    post_delete.connect(forget_choices, sender=Tag, dispatch_uid="search-tag-del")
    category = apps.get_model("exemplars", "ExemplarCategory")
    post_save.connect(_category_renamed, sender=category, dispatch_uid="search-category")
    post_delete.connect(forget_choices, sender=category, dispatch_uid="search-category-del")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_page_changed, dispatch_uid=f"search-choices-{id(signal)}")
    # A promotion deleted with its query or its page is deleted one by one: its signal runs.
    promotion = apps.get_model("wagtailsearchpromotions", "SearchPromotion")
    post_save.connect(forget_picks, sender=promotion, dispatch_uid="search-picks")
    post_delete.connect(forget_picks, sender=promotion, dispatch_uid="search-picks-del")
    for model in (apps.get_model("cms", "DepartmentPage"), apps.get_model("home", "CampaignPage")):
        post_delete.connect(_page_changed, sender=model, dispatch_uid=f"search-del-{model}")
