"""Head tags (feed links, JSON-LD), share links and QR codes for the public templates."""

from urllib.parse import quote

from django import template
from django.templatetags.static import static
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, pgettext

from channels import structured_data
from channels.views import qr_svg
from cms.models import DepartmentPage, SiteSettings
from home.models import CampaignPage

register = template.Library()

FEED_TYPES = [("rss", "application/rss+xml", "RSS"), ("atom", "application/atom+xml", "Atom")]


@register.simple_tag(takes_context=True)
def feed_links(context):
    """The feeds of what is being read: all news, and its department, campaign or tag."""
    page = context.get("page")
    department = context.get("archive_department") or (
        page if isinstance(page, DepartmentPage) else None
    )
    campaign = context.get("archive_campaign") or (page if isinstance(page, CampaignPage) else None)
    tag = context.get("tag")
    sources = [("", pgettext("feed title", "All news"), {})]
    if department is not None:
        sources.append(("_department", department.title, {"slug": department.slug}))
    if campaign is not None:
        sources.append(("_campaign", campaign.title, {"slug": campaign.slug}))
    if tag is not None and getattr(tag, "slug", None):
        sources.append(("_tag", tag.name, {"slug": tag.slug}))
    links = []
    for suffix, title, kwargs in sources:
        for kind, mime, label in FEED_TYPES:
            links.append(
                {
                    "type": mime,
                    "title": f"{title} ({label})",
                    "url": reverse("feed" + suffix, kwargs={"kind": kind, **kwargs}),
                }
            )
    return links


@register.simple_tag(takes_context=True)
def json_ld(context):
    """<script type="application/ld+json"> elements for the page (data, not code)."""
    request = context.get("request")
    if request is None:
        return ""
    site_settings = SiteSettings.for_request(request)
    graph = structured_data.for_page(request, context.get("page"), site_settings)
    return mark_safe(
        "\n".join(
            f'<script type="application/ld+json">{structured_data.to_json(item)}</script>'
            for item in graph
        )
    )


@register.filter
def zalo_share_url(url):
    """Zalo's share page for ``url``: a plain link, no Zalo script on our pages."""
    return "https://sp.zalo.me/share_inline?url=" + quote(url, safe="")


@register.filter
def facebook_share_url(url):
    return "https://www.facebook.com/sharer/sharer.php?u=" + quote(url, safe="")


@register.simple_tag
def qr_code_svg(url, title=""):
    """The QR code of ``url`` as inline SVG."""
    return mark_safe(qr_svg(url, title=title))


@register.simple_tag(takes_context=True)
def absolute_static(context, path):
    """A static file's absolute address, for link previews (crawlers need the host)."""
    url = static(path)
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None else url


@register.simple_tag
def news_archive_url(news_url, name="archive", *args):
    """An archive's address under the news index at ``news_url`` (no query needed)."""
    from articles.models import NewsIndexPage

    if not news_url:
        return ""
    suffix = "_en" if get_language() == "en" else ""
    return news_url + NewsIndexPage.get_resolver().reverse(name + suffix, *args)
