"""What the archives and feeds list: public, live articles of one language, newest first.

Members-only pages (Wagtail's page privacy) are left out by ``.public()`` everywhere here, so
they never reach an archive, a feed or the sitemap.
"""

import datetime

from django.http import Http404
from django.utils import timezone
from django.utils.translation import get_language

from wagtail.models import Locale

from cms.models import DepartmentPage, Tag
from home.models import CampaignPage


def published_at(article):
    """When an article came out: its publication time if that fell on its date, else that
    date at midnight (an article dated by the editor before or after it went live)."""
    published = article.first_published_at
    if published and timezone.localdate(published) == article.date:
        return published
    return timezone.make_aware(datetime.datetime.combine(article.date, datetime.time()))


def current_locale():
    # Kept in the cache (perf.lookups.locale_for_language): no query.
    try:
        return Locale.objects.get_for_language(get_language())
    except (Locale.DoesNotExist, LookupError):
        return Locale.get_default()


def clean_slug(slug):
    # NUL is not valid in a PostgreSQL string parameter (a 500 otherwise); slugs have none.
    return (slug or "").replace("\x00", "")


def public_articles(locale):
    # Imported here: articles.models imports the archives, which import this module.
    from articles.models import ArticlePage, newest_first

    return newest_first(
        ArticlePage.objects.live()
        .public()
        .select_related("hero_image")
        .prefetch_related("hero_image__renditions"),
        getattr(locale, "pk", locale),
    )


def department_by_slug(locale, slug):
    department = (
        DepartmentPage.objects.live().public().filter(locale=locale, slug=clean_slug(slug)).first()
    )
    if department is None:
        raise Http404
    return department


def campaign_by_slug(locale, slug):
    campaign = (
        CampaignPage.objects.live().public().filter(locale=locale, slug=clean_slug(slug)).first()
    )
    if campaign is None:
        raise Http404
    return campaign


def tag_by_slug(slug):
    tag = Tag.objects.filter(slug=clean_slug(slug)).first()
    if tag is None:
        raise Http404
    return tag


def articles_of_department(locale, department):
    return public_articles(locale).descendant_of(department)


def articles_of_campaign(locale, campaign):
    return public_articles(locale).filter(campaign=campaign)


def articles_of_tag(locale, tag):
    return public_articles(locale).filter(tagged_items__tag=tag)
