"""Public views that are not pages: tag listings."""

from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from articles.models import ArticlePage, ArticlePageTag, newest_first
from cms.models import Tag
from cms.utils import attach_departments
from exemplars.models import ExemplarPage
from home.models import CampaignPage
from perf.pagination import cached_count, paginate

# A tag on more articles than this is listed by walking the article date index (it finds a
# page of them among the newest articles); a rarer one by its own rows, sorted (issue #8).
COMMON_TAG = 500


def _locale():
    try:
        return Locale.objects.get(language_code=get_language())
    except Locale.DoesNotExist:
        return Locale.get_default()


def tag_detail(request, slug):
    """Everything tagged ``slug``: articles first (newest), then exemplars and campaigns."""
    try:
        # NUL is not valid in a PostgreSQL string parameter (a 500 otherwise); slugs have none.
        tag = Tag.objects.get(slug=slug.replace("\x00", ""))
    except Tag.DoesNotExist as exc:
        raise Http404(_("There is no such tag.")) from exc
    locale = _locale()
    listed = (
        ArticlePage.objects.live()
        .public()
        .select_related("hero_image")
        .prefetch_related("hero_image__renditions")
    )
    articles = listed.filter(locale=locale, tagged_items__tag=tag).order_by("-date", "-pk")
    # The counts are kept until an article of this language changes (perf.pagination).
    changes = {f"articles:{locale.pk}"}
    if cached_count(articles, changes) > COMMON_TAG:
        tagged = ArticlePageTag.objects.filter(content_object_id=OuterRef("pk"), tag=tag)
        articles = newest_first(listed.filter(Exists(tagged)), locale.pk)
    page_obj = paginate(request, articles, changes)
    attach_departments(page_obj.object_list)
    exemplars = (
        ExemplarPage.objects.live()
        .public()
        .filter(locale=locale, tagged_items__tag=tag)
        .select_related("portrait", "category")
        .order_by("-year_recognised", "title")
    )
    campaigns = (
        CampaignPage.objects.live()
        .public()
        .filter(locale=locale, tagged_items__tag=tag)
        .select_related("hero_image")
        .order_by("-start_date")
    )
    return render(
        request,
        "pages/tag_page.html",
        {"tag": tag, "articles": page_obj, "exemplars": exemplars, "campaigns": campaigns},
    )
