"""robots.txt, the feeds and the QR code of a page."""

import segno

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from wagtail.models import Page

from channels.feeds import FEEDS


@require_GET
def robots_txt(request):
    """Crawl everything public; not the admin nor search results; here is the sitemap."""
    with translation.override("vi"):
        search_vi = reverse("search")
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Disallow: {search_vi}",
        f"Disallow: /en{search_vi}",
        f"Disallow: {reverse('search_en')}",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_GET
def feed(request, kind, source="news", **kwargs):
    """The RSS or Atom feed of all news, a department, a campaign or a tag.

    Kept whole in the cache (perf.lookups.remember) per feed, language and address until
    what it shows changes: an article of the language (published, edited, unpublished,
    moved), the site settings, an image, a department, a top page, or anything else (a tag
    renamed, a restriction: ``any``). Feed readers poll; each poll then costs one cache read
    instead of 30 articles read and written (~25 ms). An unknown source is a 404, never kept.
    """
    from wagtail.models import Locale

    from perf.lookups import remember

    locale = Locale.get_active()  # kept in the cache (perf.lookups.locale_for_language)
    name = ":".join(
        [
            "feed",
            kind,
            source,
            kwargs.get("slug", ""),
            translation.get_language(),
            request.scheme,
            request.get_host(),
        ]
    )
    tags = {f"articles:{locale.pk}", f"campaigns:{locale.pk}", "settings", "images"}
    tags |= {"departments", "top"}

    def build():
        response = FEEDS[kind][source]()(request, **kwargs)
        return response["Content-Type"], response.get("Last-Modified"), response.content

    content_type, last_modified, content = remember(name, tags, build)
    response = HttpResponse(content, content_type=content_type)
    if last_modified:
        response["Last-Modified"] = last_modified
    return response


def qr_code(url):
    return segno.make(url, error="m", micro=False)


def qr_svg(url, css_class="qr__code", title=""):
    """The QR code of ``url`` as inline SVG: 4-module quiet zone, sized by CSS."""
    svg = qr_code(url).svg_inline(
        scale=1, border=4, svgclass=css_class, lineclass=None, omitsize=True, title=title or None
    )
    # Read as one picture, named by its <title>, not as an empty group of paths.
    return svg.replace("<svg ", '<svg role="img" ', 1) if title else svg


@require_GET
@cache_control(public=True, max_age=3600)
def page_qr(request, page_id, fmt):
    """The QR code of a public page, as SVG (posters, any size) or PNG (chat apps); not found
    for a page without an address (the tree's root, a page outside every site)."""
    page = Page.objects.live().public().filter(pk=page_id).first()
    url = page.get_full_url(request) if page is not None else None
    if not url:
        raise Http404
    code = qr_code(url)
    filename = f"ma-qr-{page.slug}.{fmt}"
    if fmt == "svg":
        response = HttpResponse(content_type="image/svg+xml")
        code.save(response, kind="svg", scale=10, border=4, xmldecl=True)
    else:
        response = HttpResponse(content_type="image/png")
        code.save(response, kind="png", scale=10, border=4)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
