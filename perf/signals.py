"""Invalidate cached pages (and the CDN, when one is configured) when what they show changes.

A page change is read twice: before the save (what readers were shown until now) and after
the transaction commits (what they will be shown), and the tags of both are invalidated, so a
tag removed from an article or an article moved out of a campaign also refreshes the old tag's
and campaign's pages. Invalidation happens at once and again after the commit: a reader who
raced the transaction cannot keep the old page.
"""

import logging

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from perf import cache
from perf.dependencies import CATEGORY, tags_for_change, urls_for_change

logger = logging.getLogger(__name__)

# Saves that only touch the draft, the lock or the workflow never change what readers see.
DRAFT_ONLY_FIELDS = {
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
}


def _frontend_cache_on():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None)) and apps.is_installed(
        "wagtail.contrib.frontend_cache"
    )


def _purge(urls):
    if not urls or not _frontend_cache_on():
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    try:
        PurgeBatch(urls).purge()
    except Exception:  # a CDN outage must never break publishing
        logger.exception("Frontend cache purge failed for %d addresses", len(urls))


def _bump(tags, urls=()):
    """Invalidate now and again once the transaction commits."""
    tags = set(tags)
    cache.invalidate(tags)

    def after_commit():
        cache.invalidate(tags)
        _purge(set(urls))

    transaction.on_commit(after_commit, robust=True)


def _live_state(pk):
    """Tags and addresses of the page as readers currently see it, or None if not live."""
    page = Page.objects.filter(pk=pk, live=True).first()
    if page is None:
        return None
    page = page.specific
    urls = urls_for_change(page) if _frontend_cache_on() else set()
    return tags_for_change(page), page.url_path, urls


def page_pre_save(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or not instance.pk:
        return
    if update_fields is not None and set(update_fields) <= DRAFT_ONLY_FIELDS:
        return
    instance._perf_before = _live_state(instance.pk)


def page_post_save(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw:
        return
    if update_fields is not None and set(update_fields) <= DRAFT_ONLY_FIELDS:
        return
    before = getattr(instance, "_perf_before", None)
    instance._perf_before = None
    if before is None and not instance.live:
        return  # a draft that was never public
    tags, urls = set(), set()
    if before:
        tags |= before[0]
        urls |= before[2]
    if instance.live:
        specific = instance.specific_deferred if type(instance) is Page else instance
        # Child relations (tags) are written after the page row: read them after the commit.
        tags |= tags_for_change(specific)
        if instance.alias_of_id:
            tags.add("restrictions")  # aliases share their source's privacy
        if before and before[1] != instance.url_path:
            tags.add("any")  # the address changed: every link to it
        _bump(tags, urls)
        pk = specific.pk

        def after_commit():
            now = _live_state(pk)
            if now:
                cache.invalidate(now[0])
                _purge(now[2])

        transaction.on_commit(after_commit, robust=True)
    else:
        _bump(tags, urls)


def page_published_or_unpublished(sender, instance, **kwargs):
    _bump(tags_for_change(instance.specific_deferred))


def page_moved(sender, instance, **kwargs):
    _bump({"any"}, urls_for_change(instance.specific) if _frontend_cache_on() else ())


def page_pre_delete(sender, instance, **kwargs):
    instance._perf_before = _live_state(instance.pk)


def page_post_delete(sender, instance, **kwargs):
    before = getattr(instance, "_perf_before", None)
    if before:
        _bump(before[0] | {"any"}, before[2])


def _snippet_tags(model):
    label = model._meta.label_lower
    if label == "exemplars.exemplarcategory":
        return {CATEGORY}
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    if issubclass(model, BaseSiteSetting | BaseGenericSetting):
        return {"settings"}
    from wagtail.images import get_image_model

    if model is get_image_model():
        return {"images"}
    return {"any"}


def content_saved(sender, instance, created=False, raw=False, **kwargs):
    """A snippet, setting, image, document, tag or site changed."""
    if raw:
        return
    if created:
        # A new image, document or tag is shown nowhere yet; a new snippet row may be.
        from taggit.models import TagBase
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model

        if sender in (get_image_model(), get_document_model()) or issubclass(sender, TagBase):
            return
    _bump(_snippet_tags(sender))


def content_deleted(sender, instance, **kwargs):
    _bump(_snippet_tags(sender))


_models = {}


def watched_models():
    """Non-page models whose rows pages show."""
    from taggit.models import Tag as TaggitTag
    from wagtail.contrib.settings.registry import registry as settings_registry
    from wagtail.documents import get_document_model
    from wagtail.hooks import search_for_hooks
    from wagtail.images import get_image_model
    from wagtail.models import Site
    from wagtail.snippets.models import get_snippet_models

    search_for_hooks()  # snippets registered in wagtail_hooks modules
    models = set(get_snippet_models()) | set(settings_registry)
    models |= {get_image_model(), get_document_model(), Site}
    models |= {model for model in apps.get_models() if issubclass(model, TaggitTag)}
    from cms.models import Tag

    models.add(Tag)
    return {model for model in models if not issubclass(model, Page)}


def restriction_changed(sender, instance, **kwargs):
    """A page became private or public again: its copies and every list showing it."""
    _bump({"any", "restrictions"})


def locale_changed(sender, instance, **kwargs):
    from perf.lookups import forget_locales

    forget_locales()
    _bump({"any"})


def connect():
    from wagtail.models import Locale, PageViewRestriction

    for signal in (post_save, post_delete):
        signal.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="perf_pvr")
        signal.connect(locale_changed, sender=Locale, dispatch_uid="perf_locale")
    # The groups a members-only restriction lets in are set after the restriction is saved.
    m2m_changed.connect(
        restriction_changed, sender=PageViewRestriction.groups.through, dispatch_uid="perf_pvr_g"
    )
    pre_save.connect(_for_pages(page_pre_save), dispatch_uid="perf_page_pre_save", weak=False)
    post_save.connect(_for_pages(page_post_save), dispatch_uid="perf_page_post_save", weak=False)
    pre_delete.connect(_for_pages(page_pre_delete), dispatch_uid="perf_page_pre_delete", weak=False)
    post_delete.connect(
        _for_pages(page_post_delete), dispatch_uid="perf_page_post_delete", weak=False
    )
    page_published.connect(page_published_or_unpublished, dispatch_uid="perf_published")
    page_unpublished.connect(page_published_or_unpublished, dispatch_uid="perf_unpublished")
    post_page_move.connect(page_moved, dispatch_uid="perf_moved")
    post_save.connect(_for_watched(content_saved), dispatch_uid="perf_content_saved", weak=False)
    post_delete.connect(
        _for_watched(content_deleted), dispatch_uid="perf_content_deleted", weak=False
    )


def _for_pages(handler):
    def receiver(sender, instance, **kwargs):
        if isinstance(instance, Page):
            handler(sender, instance, **kwargs)

    return receiver


def _for_watched(handler):
    def receiver(sender, instance, **kwargs):
        if _models.get("watched") is None:
            _models["watched"] = watched_models()
        if sender in _models["watched"]:
            handler(sender, instance, **kwargs)

    return receiver
