"""Keep ``ArticleTally`` exact: every change that can add an article to a count or take one
out recounts the keys it touches, in the same transaction (``listings.tally``).

- an article saved (published, unpublished, edited, its date, campaign or language changed,
  created, copied, an alias synced): its keys before the save and after it;
- its tags written or removed (modelcluster writes them after the page row): those tags;
- an article deleted, alone or below a deleted department (every key of the deleted rows is
  marked before the delete, and counted once after it), a tag or a campaign deleted;
- a page moved: an article's old and new parent; a section holding articles: everything;
- page privacy added, changed or removed: everything (rare; one ``GROUP BY`` per kind).
"""

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save

from wagtail.models import Page
from wagtail.signals import post_page_move

from listings import tally
from perf.signals import DRAFT_ONLY_FIELDS


def _article_class():
    from articles.models import ArticlePage

    return ArticlePage


def _is_article(instance):
    ArticlePage = _article_class()
    if isinstance(instance, ArticlePage):
        return True
    if type(instance) is not Page:
        return False
    from django.contrib.contenttypes.models import ContentType

    return instance.content_type_id == ContentType.objects.get_for_model(ArticlePage).pk


def _draft_only(update_fields):
    return update_fields is not None and set(update_fields) <= DRAFT_ONLY_FIELDS


def page_pre_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not instance.pk or _draft_only(update_fields) or not _is_article(instance):
        return
    instance._tally_before = tally.stored_keys(instance.pk)


def page_post_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or _draft_only(update_fields) or not _is_article(instance):
        return
    before = getattr(instance, "_tally_before", None) or set()
    instance._tally_before = None
    # The rows as saved (a base Page saved alone keeps the article's own row).
    tally.recount(before | tally.stored_keys(instance.pk))


def article_pre_delete(sender, instance, **kwargs):
    # Every article of a deleted section gets here before any row is deleted (Django's
    # collector), with its fields loaded; its tag rows are deleted with it (tag_pre_delete).
    keys = tally.keys_of(instance.date, instance.path, instance.campaign_id, ())
    tally.mark(keys, sender)


def flush_after_delete(sender, instance, **kwargs):
    # The collector deletes every row of a model, then sends post_delete for each: the
    # first one recounts the keys all of them marked, once. Keys are kept per model: the
    # tag rows go first, while the articles are still there.
    tally.flush(sender)


def tag_pre_save(sender, instance, raw=False, **kwargs):
    if raw or not instance.pk:
        return
    old = sender.objects.filter(pk=instance.pk).values_list("tag_id", flat=True).first()
    instance._tally_before = {("tag", str(old))} if old is not None else set()


def tag_post_save(sender, instance, raw=False, **kwargs):
    if raw:
        return
    before = getattr(instance, "_tally_before", None) or set()
    instance._tally_before = None
    tally.recount(before | {("tag", str(instance.tag_id))})


def tag_pre_delete(sender, instance, **kwargs):
    tally.mark({("tag", str(instance.tag_id))}, sender)


def campaign_pre_delete(sender, instance, **kwargs):
    # Its articles lose their campaign by an UPDATE that sends no signal.
    tally.mark({("campaign", str(instance.pk))}, sender)


def page_post_move(sender, instance, parent_page_before=None, **kwargs):
    # Wagtail sends a freshly loaded page here (not the one pre_page_move had).
    if _is_article(instance):
        before = {("parent", parent_page_before.path)} if parent_page_before else set()
        tally.recount(before | tally.stored_keys(instance.pk))
    elif _article_class().objects.descendant_of(instance).exists():
        tally.rebuild()  # a section holding articles: every parent below it changed


def privacy_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    tally.rebuild()


def connect():
    from wagtail.models import PageViewRestriction

    from articles.models import ArticlePage, ArticlePageTag
    from home.models import CampaignPage

    def for_pages(handler):
        def receiver(sender, instance, **kwargs):
            if isinstance(instance, Page):
                handler(sender, instance, **kwargs)

        return receiver

    pre_save.connect(for_pages(page_pre_save), dispatch_uid="tally_pre_save", weak=False)
    post_save.connect(for_pages(page_post_save), dispatch_uid="tally_post_save", weak=False)
    pre_delete.connect(article_pre_delete, sender=ArticlePage, dispatch_uid="tally_pre_delete")
    post_delete.connect(flush_after_delete, sender=ArticlePage, dispatch_uid="tally_post_delete")
    pre_save.connect(tag_pre_save, sender=ArticlePageTag, dispatch_uid="tally_tag_pre_save")
    post_save.connect(tag_post_save, sender=ArticlePageTag, dispatch_uid="tally_tag_post_save")
    pre_delete.connect(tag_pre_delete, sender=ArticlePageTag, dispatch_uid="tally_tag_pre_del")
    post_delete.connect(flush_after_delete, sender=ArticlePageTag, dispatch_uid="tally_tag_del")
    pre_delete.connect(campaign_pre_delete, sender=CampaignPage, dispatch_uid="tally_camp_pre")
    post_delete.connect(flush_after_delete, sender=CampaignPage, dispatch_uid="tally_camp_del")
    post_page_move.connect(page_post_move, dispatch_uid="tally_post_move")
    post_save.connect(privacy_changed, sender=PageViewRestriction, dispatch_uid="tally_pvr_save")
    post_delete.connect(privacy_changed, sender=PageViewRestriction, dispatch_uid="tally_pvr_del")
