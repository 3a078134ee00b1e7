from dataclasses import dataclass

from django import template
from django.conf import settings
from django.db.models import Q
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation
from django.utils.functional import empty
from django.utils.translation import get_language, gettext

from wagtail.models import Page, Site

register = template.Library()

# The four sections linked from the header and footer, by the page type that holds each.
SECTIONS = {
    "news": ("articles", "newsindexpage"),
    "exemplars": ("exemplars", "exemplarindexpage"),
    "campaigns": ("home", "campaignindexpage"),
    "departments": ("cms", "departmentindexpage"),
}
# Non-page views with one URL name per language (see cms/urls.py).
LOCALIZED_VIEWS = {"search", "tag"}


def _language():
    code = get_language() or settings.LANGUAGE_CODE
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


@register.simple_tag
def localized_url(name, *args):
    """The Vietnamese or English address of a non-page view (search, tags)."""
    suffix = "_en" if _language() == "en" else ""
    return reverse(name + suffix, args=args)


@register.simple_tag
def asset(path):
    """``{% static path %}``, looked up once per process: the hashed name comes from the
    manifest the static files storage read when it was made, so it cannot change while that
    storage lives (a deploy restarts the workers; tests that change the storage get a new
    one). Django's tag looks it up again on every use, five times on every page."""
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.templatetags.static import static

    url = static(path) if staticfiles_storage._wrapped is empty else None
    known = staticfiles_storage._wrapped.__dict__.setdefault("_lantoa_urls", {})
    key = (settings.DEBUG, path)
    if key not in known:
        known[key] = url if url is not None else static(path)
    return known[key]


@register.simple_tag(takes_context=True)
def query_string(context, **changes):
    """The current query string with ``changes`` applied (None removes a key)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        key = key.replace("_", "-")
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


def _site_root(request):
    site = Site.find_for_request(request) if request is not None else None
    return site.root_page if site else None


def _sections(request):
    """Section addresses in the reader's language: kept on the request, and in the cache until
    a site root or section page changes (the ``top`` tag, perf.dependencies)."""
    from perf.lookups import remember

    cache = getattr(request, "_lantoa_sections", None)
    language = _language()
    if cache is not None and language in cache:
        return cache[language]
    urls = {}
    site = Site.find_for_request(request) if request is not None else None
    if site is not None:
        urls = remember(
            f"sections:{site.pk}:{language}",
            {"top"},
            lambda: _find_sections(request, site.root_page, language),
        )
    if request is not None:
        request._lantoa_sections = {**(cache or {}), language: urls}
    return urls


def _find_sections(request, root, language):
    urls = {}
    if root is not None:
        candidates = list(
            Page.objects.live()
            .filter(locale__language_code=language)
            .filter(
                Q(translation_key=root.translation_key, depth=root.depth)
                | Q(
                    depth=root.depth + 1,
                    content_type__app_label__in=[app for app, _ in SECTIONS.values()],
                    content_type__model__in=[model for _, model in SECTIONS.values()],
                )
            )
            .select_related("content_type")
            # Sorted here: with ORDER BY path SQLite walks the whole page tree in path order
            # (130-240 ms at 100,000 articles) instead of the two small index lookups.
            .order_by()
        )
        candidates.sort(key=lambda page: page.path)
        home = next((p for p in candidates if p.translation_key == root.translation_key), None)
        kinds = {value: key for key, value in SECTIONS.items()}
        if home is not None:
            urls["home"] = home.get_url(request)
        for candidate in candidates:
            kind = kinds.get((candidate.content_type.app_label, candidate.content_type.model))
            if (
                home is not None
                and kind
                and kind not in urls
                and candidate.path.startswith(home.path)
                and candidate.depth == home.depth + 1
            ):
                urls[kind] = candidate.get_url(request)
    return urls


@register.simple_tag(takes_context=True)
def section_url(context, name):
    """The address of the home page or a section ("news", "exemplars", "campaigns",
    "departments") in the reader's language, or "" when that language has no live page for it."""
    return _sections(context.get("request")).get(name, "")


@dataclass
class LanguageVersion:
    code: str
    name: str
    url: str
    full_url: str
    current: bool
    # The same content in that language (an hreflang alternate), not a fallback home page.
    exact: bool


def _page_versions(request, page, language):
    """Every language's version of ``page``; the other languages' addresses are kept in the
    cache until the page's or the home page's translations change (``tk:`` tags)."""
    from perf.lookups import remember

    site = Site.find_for_request(request)
    root = site.root_page if site else None
    keys = [page.translation_key] + ([root.translation_key] if root is not None else [])
    others = remember(
        f"versions:{site.pk if site else 0}:{page.pk}:{language}",
        {"top", *(f"tk:{key}" for key in keys)},
        lambda: _other_versions(request, page, language, keys),
    )
    versions = []
    for code, name in settings.LANGUAGES:
        if code == language:
            url, exact = page.get_url(request), True
        else:
            url, exact = others.get(code, (None, False))
        if not url:
            continue
        versions.append(
            LanguageVersion(
                code, name, url, request.build_absolute_uri(url), code == language, exact
            )
        )
    return versions


def _other_versions(request, page, language, keys):
    """{language: (address, exact)} of ``page`` in the other languages, else their home."""
    found = {}
    for candidate in (
        Page.objects.live()
        .filter(translation_key__in=keys)
        .select_related("locale")
        .order_by("depth", "pk")
    ):
        code = candidate.locale.language_code
        kind = "page" if candidate.translation_key == page.translation_key else "home"
        found.setdefault((kind, code), candidate)
    others = {}
    for code, _name in settings.LANGUAGES:
        if code == language:
            continue
        target, exact = found.get(("page", code)), True
        if target is None:
            target, exact = found.get(("home", code)), False
        url = target.get_url(request) if target is not None else None
        if url:
            others[code] = (url, exact)
    return others


def _view_versions(request, language):
    match = request.resolver_match
    name = match.url_name if match else None
    base = name[:-3] if name and name.endswith("_en") else name
    versions = []
    for code, label in settings.LANGUAGES:
        url, exact = None, True
        if code == language:
            url = request.get_full_path()
        elif base in LOCALIZED_VIEWS:
            try:
                with translation.override(code):
                    url = reverse(base + ("_en" if code == "en" else ""), kwargs=match.kwargs)
            except NoReverseMatch:
                url = None
            if url and request.META.get("QUERY_STRING"):
                url += "?" + request.META["QUERY_STRING"]
        elif name and name != "wagtail_serve":
            translated = translate_url(request.get_full_path(), code)
            url = translated if translated != request.get_full_path() else None
        if url is None:
            exact = False
            url = _home_url(request, code)
        if url:
            versions.append(
                LanguageVersion(
                    code, label, url, request.build_absolute_uri(url), code == language, exact
                )
            )
    return versions


def _home_url(request, code):
    """The address of the home page in language ``code``, cached until a top page changes."""
    from perf.lookups import remember

    site = Site.find_for_request(request)
    root = site.root_page if site else None
    if root is None:
        return None

    def find():
        home = (
            Page.objects.live()
            .filter(translation_key=root.translation_key, locale__language_code=code)
            .first()
        )
        return home.get_url(request) if home is not None else None

    return remember(f"home:{site.pk}:{code}", {"top"}, find)


@register.simple_tag(takes_context=True)
def language_versions(context):
    """What the reader is looking at, in every language the site has.

    The same page when a live translation exists, else that language's home page; for search
    and tag pages, the same view and query. Cached on the request for the header and <head>.
    """
    request = context.get("request")
    if request is None:
        return []
    cached = getattr(request, "_lantoa_language_versions", None)
    if cached is not None:
        return cached
    page = context.get("page")
    language = _language()
    if isinstance(page, Page) and page.pk:
        versions = _page_versions(request, page, language)
    else:
        versions = _view_versions(request, language)
    request._lantoa_language_versions = versions
    return versions


SITE_TEXT_FIELDS = {"union_name", "tagline", "address", "footer_note"}


@register.simple_tag(takes_context=True)
def site_text(context, name):
    """A header/footer text in the reader's language: the SiteText snippet of that language
    (translated with wagtail-localize), else the general settings, else the default note."""
    from cms.models import SiteSettings, SiteText

    if name not in SITE_TEXT_FIELDS:
        raise template.TemplateSyntaxError(f"site_text: unknown field {name!r}")
    request = context.get("request")
    language = _language()
    cache = getattr(request, "_lantoa_site_text", None) if request is not None else None
    if cache is None or cache[0] != language:
        from perf.lookups import remember

        # Kept in the cache until a snippet changes (any snippet save bumps ``any``).
        text = remember(
            f"sitetext:{language}",
            {"snippet:cms.sitetext"},
            lambda: SiteText.objects.filter(locale__language_code=language).order_by("pk").first(),
        )
        cache = (language, text)
        if request is not None:
            request._lantoa_site_text = cache
    value = getattr(cache[1], name, "") if cache[1] is not None else ""
    if value:
        return value
    if name == "footer_note":
        return gettext(
            "Content is edited and checked by the Communications Board before it is published."
        )
    site_settings = SiteSettings.for_request(request) if request is not None else None
    return getattr(site_settings, name, "") if site_settings is not None else ""


@register.simple_tag
def alternate_versions(versions):
    """The exact language versions (hreflang alternates), the default language first."""
    exact = [version for version in versions if version.exact]
    return sorted(exact, key=lambda version: version.code != settings.LANGUAGE_CODE)


@register.filter
def vi_sorted(items, attribute):
    """``items`` in Vietnamese alphabetical order of ``attribute`` (A Ă Â B C D Đ …)."""
    from cms.text import vi_sort_key

    return sorted(items or [], key=lambda item: vi_sort_key(getattr(item, attribute, "")))


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context, page):
    """The pages above ``page`` (below the tree root) as ``(depth, title, url)``, from the home
    page down. Kept in the cache until a page below the home page or a top page changes: any
    ancestor's change bumps ``under:<home>`` (perf.dependencies), so a renamed section or
    department shows at once."""
    from perf.lookups import remember

    request = context.get("request")
    if not isinstance(page, Page) or not page.pk:
        return []
    site = Site.find_for_request(request) if request is not None else None
    root = site.root_page if site else None

    def trail():
        return [
            (ancestor.depth, ancestor.title, ancestor.get_url(request))
            for ancestor in page.get_ancestors()
            if ancestor.depth > 1
        ]

    if root is None or not page.path.startswith(root.path):
        return trail()
    return remember(
        f"crumbs:{site.pk}:{page.pk}", {"top", f"under:{root.pk}", f"page:{page.pk}"}, trail
    )


class KeptNode(template.Node):
    """The enclosed HTML kept in the cache (perf.lookups.remember_part) for this template
    line, language, scheme, host, page and the values of ``var …``, until something it
    shows changes. ``kind`` says what it shows, hence which changes drop it:

    - ``fragment``: a page's card (the page, images, departments, exemplar categories);
    - ``part``: a part of the page's own template (perf.dependencies.tags_for_page);
    - ``site``: the header and footer (site settings, header texts, images, sections).

    Cards and parts rendered inside a part make it depend on them too.
    """

    def __init__(self, kind, nodelist, page, varies):
        self.kind = kind
        self.nodelist = nodelist
        self.page = page
        self.varies = varies

    def render(self, context):
        from perf.lookups import remember_part

        request = context.get("request")
        page = self.page.resolve(context) if self.page is not None else None
        if request is None or (self.page is not None and not (isinstance(page, Page) and page.pk)):
            return self.nodelist.render(context)
        name = ":".join(
            [
                self.kind,
                self.origin.name,
                str(self.token.lineno),
                _language(),
                request.scheme,
                request.get_host(),
                str(page.pk) if page is not None else "",
                *(repr(var.resolve(context)) for var in self.varies),
            ]
        )
        tags = self._tags(request, page)
        return remember_part(request, name, tags, lambda: self.nodelist.render(context))

    def _tags(self, request, page):
        from perf.dependencies import CATEGORY, tags_for_page

        if self.kind == "fragment":
            return {f"page:{page.pk}", "images", "departments", CATEGORY}
        if self.kind == "site":
            return {"top", "settings", "images", "snippet:cms.sitetext"}
        # Read once a request for all the page's parts (the home page reads its quick links).
        known = request.__dict__.setdefault("_perf_part_tags", {})
        if page.pk not in known:
            known[page.pk] = tags_for_page(page) | {CATEGORY, "top"}
        return known[page.pk]


def _kept(kind, needs_page):
    def compile_tag(parser, token):
        bits = token.split_contents()
        if needs_page and len(bits) < 2:
            raise template.TemplateSyntaxError(f"{bits[0]} needs a page")
        nodelist = parser.parse((f"end{bits[0]}",))
        parser.delete_first_token()
        page = parser.compile_filter(bits[1]) if needs_page else None
        varies = [parser.compile_filter(bit) for bit in bits[2 if needs_page else 1 :]]
        return KeptNode(kind, nodelist, page, varies)

    return compile_tag


page_fragment = register.tag("page_fragment", _kept("fragment", needs_page=True))
page_fragment.__doc__ = """``{% page_fragment page var … %}…{% endpage_fragment %}``: a page's
card in a list, kept until the page, an image, a department or an exemplar category changes
(a publish bumps ``page:<id>``). The card shows nothing but the page's own fields, its
image's renditions, its department's and its category's names; nothing that depends on the
reader or on today's date."""

page_part = register.tag("page_part", _kept("part", needs_page=True))
page_part.__doc__ = """``{% page_part page var … %}…{% endpage_part %}``: a part of ``page``'s
own template (its body, related articles, <head> tags), kept until something it shows changes,
by the page cache's rules (perf.dependencies.tags_for_page, plus every card rendered inside).

Only for what is the same for every reader allowed to see the page and does not depend on
today's date (a campaign's status stays outside). Lists inside should be lazy (a callable or
method the part calls), so that a kept part costs no query."""

site_part = register.tag("site_part", _kept("site", needs_page=False))
site_part.__doc__ = """``{% site_part var … %}…{% endsite_part %}``: a part of every page's
shell (the header's brand and sections, the footer), kept per language and host until a
site setting, a header text, an image or a section page changes. Never around what depends on
the reader (the account links, the language links of the page) or the request beyond
``var …``."""


@register.simple_tag(takes_context=True)
def section_marks(context):
    """Which section links the header marks as current (section_links.html's own rule:
    the section's address within the request's path), as a short key for ``site_part``."""
    request = context.get("request")
    path = request.path if request is not None else ""
    marks = []
    for name in ("news", "exemplars", "campaigns", "departments"):
        url = context.get(f"{name}_url")
        if url and url in path:
            marks.append(f"{name}={'page' if path == url else 'true'}")
    return ",".join(marks)
