"""Public views that are not pages: tag listings."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from articles.models import ArticlePage
from cms.models import Tag
from cms.utils import attach_departments, paginate
from exemplars.models import ExemplarPage
from home.models import CampaignPage


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
    articles = (
        ArticlePage.objects.live()
        .public()
        .filter(locale=locale, tagged_items__tag=tag)
        .select_related("hero_image")
        .prefetch_related("hero_image__renditions")
        .order_by("-date", "-pk")
    )
    page_obj = paginate(request, articles)
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
