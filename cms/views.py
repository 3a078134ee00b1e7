"""Public views that are not pages: tag listings."""

from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from articles.models import ArticlePage, ArticlePageTag, newest_first
from cms.models import Tag
from cms.utils import attach_departments
from exemplars.models import ExemplarPage
from home.models import CampaignPage
from listings import tally
from perf.dependencies import tags_for_tag_view
from perf.lookups import remember_part
from perf.pagination import cached_count, paginate

# A tag on more articles than this is listed by walking the article date index (it finds a
# page of them among the newest articles); a rarer one by its own rows, sorted (issue #8).
COMMON_TAG = 500


def tag_detail(request, slug):
    """Everything tagged ``slug``: articles first (newest), then exemplars and campaigns."""
    try:
        # NUL is not valid in a PostgreSQL string parameter (a 500 otherwise); slugs have none.
        tag = Tag.objects.get(slug=slug.replace("\x00", ""))
    except Tag.DoesNotExist as exc:
        raise Http404(_("There is no such tag.")) from exc
    locale = Locale.get_active()  # kept in the cache (perf.lookups.locale_for_language)
    listed = (
        ArticlePage.objects.live()
        .public()
        .select_related("hero_image")
        .prefetch_related("hero_image__renditions")
    )
    articles = listed.filter(locale=locale, tagged_items__tag=tag).order_by("-date", "-pk")
    # The count is kept until an article of this language changes (perf.pagination), under
    # the tag's and the language's name: no query to compile for the key.
    changes = {f"articles:{locale.pk}"}
    name = f"tag-articles:{tag.pk}:{locale.pk}"
    # Counted from the kept count of the tag's public articles in this language
    # (listings.tally), not from its rows: flat for the first reader after a change.
    count = lambda: tally.counts(locale.pk).tag(tag.pk)  # noqa: E731
    if cached_count(articles, changes, name, count) > COMMON_TAG:
        tagged = ArticlePageTag.objects.filter(content_object_id=OuterRef("pk"), tag=tag)
        articles = newest_first(listed.filter(Exists(tagged)), locale.pk)
    page_obj = paginate(
        request, articles, changes, name=name, prepare=attach_departments, count=count
    )
    # Built and read only when the lists are rendered (a kept copy needs neither).
    exemplars = SimpleLazyObject(
        lambda: list(
            ExemplarPage.objects.live()
            .public()
            .filter(locale=locale, tagged_items__tag=tag)
            .select_related("portrait", "category")
            .order_by("-year_recognised", "title")
        )
    )
    campaigns = SimpleLazyObject(
        lambda: list(
            CampaignPage.objects.live()
            .public()
            .filter(locale=locale, tagged_items__tag=tag)
            .select_related("hero_image")
            .order_by("-start_date")
        )
    )
    context = {"tag": tag, "articles": page_obj, "exemplars": exemplars, "campaigns": campaigns}
    # The lists, kept whole (one cache read, no query, no card rendered) until what they show
    # changes: the page cache's tags for this tag's page, and the pages of each kind of this
    # language. Every reader gets the same lists (public pages only).
    tags = tags_for_tag_view(tag.slug) | {
        f"{kind}:{locale.pk}" for kind in ("articles", "exemplars", "campaigns")
    }
    part = ":".join(
        [
            "tag-lists",
            str(tag.pk),
            get_language(),
            request.scheme,
            request.get_host(),
            str(page_obj.number),
            request.GET.urlencode(),
        ]
    )
    context["lists"] = mark_safe(  # noqa: S308 - our own template's output
        remember_part(
            request,
            part,
            tags,
            lambda: render_to_string("pages/tag_page_lists.html", context, request),
        )
    )
    return render(request, "pages/tag_page.html", context)
