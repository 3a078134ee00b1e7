"""Serve anonymous readers whole pages from the cache; everyone else gets them fresh.

Placed right after WhiteNoise: a hit costs two cache reads and no database query. A request
is a candidate only when it is a GET or HEAD without a session, message or authorisation, so
a logged-in member or editor is never served an anonymous copy, and a response is stored only
when it is a public Wagtail page (or a tag listing) rendered for an anonymous reader, with
status 200, no cookie set, no CSRF token used, and no ``Cache-Control: private/no-store``.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

from perf import cache
from perf.dependencies import tags_for_page, tags_for_sitemap, tags_for_tag_view

TAG_VIEWS = {"tag", "tag_en"}
# The sitemap reads every live page (~0.8 s at 1,000 articles): kept until any page changes.
SITEMAP_PATHS = {"/sitemap.xml"}


def _bypass_cookies():
    return {
        settings.SESSION_COOKIE_NAME,
        getattr(settings, "MESSAGE_COOKIE_NAME", "messages"),
        *getattr(settings, "PAGE_CACHE_BYPASS_COOKIES", ()),
    }


def is_candidate(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    return not any(name in request.COOKIES for name in _bypass_cookies())


def _tags(request, response):
    page = getattr(request, "_perf_cache_page", None)
    if page is not None:
        return tags_for_page(page, getattr(response, "context_data", None))
    match = getattr(request, "resolver_match", None)
    if match is not None and match.url_name in TAG_VIEWS:
        return tags_for_tag_view(match.kwargs.get("slug", ""))
    if request.path in SITEMAP_PATHS:
        return tags_for_sitemap()
    return None


def _storable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page embeds a CSRF token
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    control = response.get("Cache-Control", "")
    return not any(word in control for word in ("private", "no-store", "no-cache"))


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with cache.request_scope():  # each dependency tag's version read once a request
            return self._respond(request)

    def _respond(self, request):
        # What had been invalidated when the view started: page parts (perf.lookups.
        # remember_part) are stored only if nothing was invalidated while the view ran.
        if not cache.enabled():
            request._perf_epoch = cache.epoch()
            return self.get_response(request)
        if not is_candidate(request):
            request._perf_epoch = cache.epoch()
            response = self.get_response(request)
            if not response.has_header("Cache-Control") and not response.streaming:
                # A member's or editor's page: never kept by a CDN or proxy in front.
                patch_cache_control(response, private=True)
            return response

        cached = cache.fetch(request)
        if cached is not None:
            cached["X-Cache"] = "HIT"
            self._shared_max_age(cached)
            return cached

        started = request._perf_epoch = cache.epoch()
        request._perf_cache_candidate = True
        response = self.get_response(request)
        if request.method == "GET" and _storable(request, response):
            tags = _tags(request, response)
            if tags is not None and cache.save(request, response, tags, started):
                response["X-Cache"] = "MISS"
                self._shared_max_age(response)
        return response

    @staticmethod
    def _shared_max_age(response):
        """Let a CDN or caching proxy in front keep the page too, when one is configured."""
        seconds = getattr(settings, "FRONTEND_CACHE_MAX_AGE", 0)
        if seconds and not response.has_header("Cache-Control"):
            patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)
