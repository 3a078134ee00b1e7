"""RSS 2.0 and Atom 1.0 feeds of the news: everything, a department, a campaign, a tag.

Each article carries its full-size hero image: an enclosure in both formats, and Media RSS
(``media:content`` with width and height) in RSS, which feed readers and Zalo/Facebook page
tools use as the item's picture.
"""

import mimetypes

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _

from articles.models import NewsIndexPage
from channels import sources
from cms.models import SiteSettings
from cms.templatetags.lantoa import localized_url

FEED_LENGTH = 30
MEDIA_RSS = "http://search.yahoo.com/mrss/"


class MediaRssFeed(Rss201rev2Feed):
    """RSS 2.0 with the Media RSS namespace for each item's image."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": MEDIA_RSS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        image = item.get("image")
        if image:
            handler.addQuickElement("media:content", "", image)


def file_size(image):
    """Bytes of the original file; Wagtail stores it on upload, or once on first request."""
    try:
        return image.get_file_size() or 0
    except OSError:  # the file is missing from storage
        return 0


def image_info(request, image):
    """The original upload: its absolute address, size in bytes, type and dimensions."""
    return {
        "url": request.build_absolute_uri(image.file.url),
        "fileSize": str(file_size(image)),
        "type": mimetypes.guess_type(image.file.name)[0] or "image/jpeg",
        "medium": "image",
        "width": str(image.width),
        "height": str(image.height),
    }


class NewsFeed(Feed):
    """Every public article of the current language."""

    feed_type = MediaRssFeed

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.locale = sources.current_locale()
        self.site_settings = SiteSettings.for_request(request)
        return self.get_source(**kwargs)

    def get_source(self, **kwargs):
        return None

    def source_articles(self, source):
        return sources.public_articles(self.locale)

    def items(self, source):
        return (
            self.source_articles(source)
            .select_related("campaign")
            .prefetch_related("tagged_items__tag")[:FEED_LENGTH]
        )

    def title(self, source):
        return _("News – %(site)s") % {"site": self.site_settings.union_name}

    def description(self, source):
        return self.site_settings.tagline or self.title(source)

    def link(self, source):
        news_index = NewsIndexPage.objects.live().filter(locale=self.locale).first()
        if news_index:
            return news_index.get_full_url(self.request)
        return self.request.build_absolute_uri("/")

    def feed_url(self, source):
        return self.request.build_absolute_uri(self.request.path)

    def author_name(self, source):
        return self.site_settings.union_name

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.get_search_description()

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return sources.published_at(item)

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_author_name(self, item):
        return item.byline or self.site_settings.union_name

    def item_categories(self, item):
        return [tagged.tag.name for tagged in item.tagged_items.all()]

    def item_enclosures(self, item):
        if not item.hero_image:
            return []
        info = image_info(self.request, item.hero_image)
        return [Enclosure(info["url"], info["fileSize"], info["type"])]

    def item_extra_kwargs(self, item):
        if not item.hero_image:
            return {}
        return {"image": image_info(self.request, item.hero_image)}


class DepartmentFeed(NewsFeed):
    """The articles of one department union."""

    def get_source(self, slug):
        return sources.department_by_slug(self.locale, slug)

    def source_articles(self, department):
        return sources.articles_of_department(self.locale, department)

    def title(self, department):
        return _("News of %(department)s – %(site)s") % {
            "department": department.title,
            "site": self.site_settings.short_name,
        }

    def link(self, department):
        return department.get_full_url(self.request)


class CampaignFeed(NewsFeed):
    """The articles of one campaign."""

    def get_source(self, slug):
        return sources.campaign_by_slug(self.locale, slug)

    def source_articles(self, campaign):
        return sources.articles_of_campaign(self.locale, campaign)

    def title(self, campaign):
        return _("Campaign %(campaign)s – %(site)s") % {
            "campaign": campaign.title,
            "site": self.site_settings.short_name,
        }

    def description(self, campaign):
        return campaign.summary

    def link(self, campaign):
        return campaign.get_full_url(self.request)


class TagFeed(NewsFeed):
    """The articles with one tag."""

    def get_source(self, slug):
        return sources.tag_by_slug(slug)

    def source_articles(self, tag):
        return sources.articles_of_tag(self.locale, tag)

    def title(self, tag):
        return _("Topic “%(tag)s” – %(site)s") % {
            "tag": tag.name,
            "site": self.site_settings.short_name,
        }

    def link(self, tag):
        return self.request.build_absolute_uri(localized_url("tag", tag.slug))


def atom(feed_class):
    """The Atom 1.0 twin of an RSS feed class."""
    return type(
        f"Atom{feed_class.__name__}",
        (feed_class,),
        {"feed_type": Atom1Feed, "subtitle": feed_class.description},
    )


# Classes, not instances: a feed keeps the request on itself, so each request gets its own.
FEEDS = {
    "rss": {
        "news": NewsFeed,
        "department": DepartmentFeed,
        "campaign": CampaignFeed,
        "tag": TagFeed,
    },
    "atom": {
        "news": atom(NewsFeed),
        "department": atom(DepartmentFeed),
        "campaign": atom(CampaignFeed),
        "tag": atom(TagFeed),
    },
}
