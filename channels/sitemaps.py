"""sitemap.xml: every public page in both languages, each with its hreflang alternates.

Wagtail's own sitemap lists the site's root page and what is under it, which is the
Vietnamese tree only: the English home page is the root page's translation beside it.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.db.models import Q
from django.utils import translation

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from cms.models import Tag
from cms.templatetags.lantoa import localized_url


class BilingualSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        under_a_root = Q()
        for root in roots:
            under_a_root |= Q(path__startswith=root.path)
        return (
            Page.objects.filter(under_a_root)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        pages = list(self.paginator.page(page).object_list)
        by_url = {}
        for item in pages:
            by_url.setdefault(item.get_full_url(self.request), item)
        translations = {}
        keys = {item.translation_key for item in pages}
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        for version in (
            Page.objects.filter(translation_key__in=keys).live().public().order_by("path")
        ):
            location = version.get_full_url(self.request)
            if location:
                translations.setdefault(version.translation_key, []).append(
                    {"lang_code": languages[version.locale_id], "location": location}
                )
        default_language = Locale.get_default().language_code
        for url in urls:
            item = by_url.get(url["location"])
            alternates = translations.get(item.translation_key, []) if item else []
            if len(alternates) > 1:
                default = next(
                    (a for a in alternates if a["lang_code"] == default_language), alternates[0]
                )
                url["alternates"] = [
                    *alternates,
                    {"lang_code": "x-default", "location": default["location"]},
                ]
        return urls


class TagSitemap(DjangoSitemap):
    """The tag pages of one language that list something public in that language."""

    def __init__(self, language):
        self.language = language

    def items(self):
        from articles.models import ArticlePage
        from exemplars.models import ExemplarPage
        from home.models import CampaignPage

        locale = Locale.objects.filter(language_code=self.language).first()
        if locale is None:
            return []
        used = set()
        for model in (ArticlePage, ExemplarPage, CampaignPage):
            pages = model.objects.live().public().filter(locale=locale)
            used |= set(
                model.tags.through.objects.filter(content_object__in=pages).values_list(
                    "tag_id", flat=True
                )
            )
        return list(Tag.objects.filter(pk__in=used).order_by("slug"))

    def location(self, tag):
        with translation.override(self.language):
            return localized_url("tag", tag.slug)


SITEMAPS = {
    "pages": BilingualSitemap,
    **{f"tags-{code}": TagSitemap(code) for code, _name in settings.LANGUAGES},
}
