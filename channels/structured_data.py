"""schema.org JSON-LD for the page being read: NewsArticle, Person, Event, Organization.

Everything here reads what the page's template has already loaded (its image, department,
category), and images use the same renditions as the link-preview tags, so the head adds
no query per item.
"""

import datetime
import json

from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import get_language

from channels import sources

SHARE_SPEC = "fill-1200x630|format-jpeg"
PORTRAIT_SPEC = "fill-800x800|format-jpeg"
LOGO_SPEC = "height-192|format-png"


def to_json(data):
    """JSON for a <script type="application/ld+json">: nothing in it can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _iso(value):
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    return value.isoformat()


def _image(image, spec):
    if image is None:
        return None
    rendition = image.get_rendition(spec)
    return {
        "@type": "ImageObject",
        "url": rendition.full_url,
        "width": rendition.width,
        "height": rendition.height,
    }


def _compact(data):
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def organization(request, site_settings):
    """The union, from the site settings."""
    logo = _image(site_settings.logo, LOGO_SPEC) or {
        "@type": "ImageObject",
        "url": request.build_absolute_uri(static("img/apple-touch-icon.png")),
    }
    return _compact(
        {
            "@type": "Organization",
            "@id": request.build_absolute_uri("/#to-chuc"),
            "name": site_settings.union_name,
            "alternateName": site_settings.short_name,
            "url": request.build_absolute_uri("/"),
            "logo": logo,
            "email": site_settings.email,
            "telephone": site_settings.phone,
            "address": site_settings.address,
            "sameAs": [
                url
                for url in (
                    site_settings.facebook_url,
                    site_settings.zalo_url,
                    site_settings.website_url,
                )
                if url
            ],
        }
    )


def publisher(org):
    return {key: org[key] for key in ("@type", "@id", "name", "logo") if key in org}


def news_article(request, page, org):
    url = page.get_full_url(request)
    department = page.department
    return _compact(
        {
            "@type": "NewsArticle",
            "headline": page.title[:110],
            "description": page.get_search_description(),
            "image": [image] if (image := _image(page.hero_image, SHARE_SPEC)) else [],
            "datePublished": _iso(sources.published_at(page)),
            "dateModified": _iso(page.last_published_at or page.first_published_at),
            "dateCreated": _iso(page.date),
            "author": ({"@type": "Person", "name": page.byline} if page.byline else publisher(org)),
            "publisher": publisher(org),
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "url": url,
            "inLanguage": get_language(),
            "articleSection": department.display_name if department else None,
            "keywords": [tag.name for tag in page.tags.all()],
        }
    )


def person(request, page, org):
    return _compact(
        {
            "@type": "Person",
            "name": page.title,
            "jobTitle": page.position,
            "description": page.citation,
            "image": _image(page.portrait, PORTRAIT_SPEC),
            "url": page.get_full_url(request),
            "affiliation": publisher(org),
            "workLocation": {"@type": "Place", "name": page.unit} if page.unit else None,
            "award": f"{page.category.name} ({page.year_recognised})",
        }
    )


def event(request, page, org):
    location = _compact(
        {"@type": "Place", "name": org["name"], "address": org.get("address") or org["name"]}
    )
    return _compact(
        {
            "@type": "Event",
            "name": page.title,
            "description": page.summary,
            "startDate": _iso(page.start_date),
            "endDate": _iso(page.end_date),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": location,
            "image": [image] if (image := _image(page.hero_image, SHARE_SPEC)) else [],
            "organizer": publisher(org),
            "url": page.get_full_url(request),
            "inLanguage": get_language(),
        }
    )


def for_page(request, page, site_settings):
    """The JSON-LD objects for ``page`` (any page or none): the union first, then the page."""
    from articles.models import ArticlePage
    from exemplars.models import ExemplarPage
    from home.models import CampaignPage

    org = organization(request, site_settings)
    graph = [{"@context": "https://schema.org", **org}]
    builders = {ArticlePage: news_article, ExemplarPage: person, CampaignPage: event}
    for model, build in builders.items():
        if isinstance(page, model):
            graph.append({"@context": "https://schema.org", **build(request, page, org)})
    return graph
