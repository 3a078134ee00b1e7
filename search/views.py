"""The public search page. Bad queries give a page with a message, never an error."""

from django.shortcuts import render
from django.utils.translation import get_language

from wagtail.models import Locale, Page

from cms.utils import paginate

MAX_QUERY_LENGTH = 200


def clean_query(raw):
    """Printable text only, at most MAX_QUERY_LENGTH characters, spaces collapsed."""
    text = "".join(ch if ch.isprintable() else " " for ch in (raw or ""))
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def search(request):
    query = clean_query(request.GET.get("q"))
    results = None
    if query:
        locale = Locale.objects.filter(language_code=get_language()).first()
        pages = Page.objects.live().public().exclude(depth__lte=1)
        if locale:
            pages = pages.filter(locale=locale)
        results = paginate(request, pages.specific().search(query, operator="and"), per_page=10)
    return render(request, "pages/search_page.html", {"query": query, "results": results})
