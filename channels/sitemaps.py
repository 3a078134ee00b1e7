"""sitemap.xml: every public page in both languages, each with its hreflang alternates.

Wagtail's own sitemap lists the site's root page and what is under it, which is the
Vietnamese tree only: the English home page is the root page's translation beside it.
"""

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page


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
        for translation in (
            Page.objects.filter(translation_key__in=keys).live().public().order_by("path")
        ):
            location = translation.get_full_url(self.request)
            if location:
                translations.setdefault(translation.translation_key, []).append(
                    {"lang_code": languages[translation.locale_id], "location": location}
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
