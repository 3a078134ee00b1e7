"""Small, hot lookups kept in the cache between requests, dropped by perf.signals on change."""

from perf import cache

DEPARTMENTS_KEY = cache.PREFIX + "departments"


def live_departments():
    """Every live department (id, title, short name, path), for cards' department names.

    Departments are few and change rarely; each card needs its department, so the list is
    read once and kept until a department is published, unpublished, moved or deleted.
    """
    from cms.models import DepartmentPage

    store = cache.store()
    departments = store.get(DEPARTMENTS_KEY)
    if departments is None:
        departments = list(
            DepartmentPage.objects.live().only("id", "title", "short_name", "path", "url_path")
        )
        store.set(DEPARTMENTS_KEY, departments, timeout=None)
    return departments


def forget(tags):
    if tags & {"departments", "any"}:
        cache.store().delete(DEPARTMENTS_KEY)
    if tags & {"restrictions", "any"}:
        cache.store().delete(RESTRICTIONS_KEY)


RESTRICTIONS_KEY = cache.PREFIX + "restrictions"


def restrictions():
    """Paths of the pages with a view restriction, and whether any page is an alias.

    Wagtail reads the restrictions for every page served (two queries) and for every
    ``.public()`` list (one more each); they change only when an editor sets a page's privacy.
    """
    from wagtail.models import Page, PageViewRestriction

    store = cache.store()
    value = store.get(RESTRICTIONS_KEY)
    if value is None:
        paths = sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))
        aliases = Page.objects.filter(alias_of__isnull=False).exists()
        value = (paths, aliases)
        store.set(RESTRICTIONS_KEY, value, timeout=None)
    return value


LOCALE_KEY = cache.PREFIX + "locale:"


def locale_for_language(manager, language_code, lookup):
    """Wagtail looks the active Locale up several times a request; the rows never change
    except through the admin's locale views (which save them, and perf.signals forgets)."""
    store = cache.store()
    key = LOCALE_KEY + str(language_code)
    locale = store.get(key)
    if locale is None:
        locale = lookup(manager, language_code)
        store.set(key, locale, timeout=None)
    return locale


def forget_locales():
    from django.conf import settings

    store = cache.store()
    store.delete_many([LOCALE_KEY + code for code, _name in settings.LANGUAGES])


MEMO_PREFIX = cache.PREFIX + "m:"
MEMO_SECONDS = 24 * 3600


def remember(name, tags, compute):
    """``compute()``, kept in the cache until one of ``tags`` is invalidated (perf.cache).

    The same dependency tags as the page cache: the value is stored with the versions its
    tags had *before* it was computed, so a change that lands while it is being computed
    leaves a copy that no longer matches. One cache round trip when the copy is good.
    """
    import hashlib

    store = cache.store()
    key = MEMO_PREFIX + hashlib.sha256(name.encode()).hexdigest()[:40]
    tags = set(tags) | {"any"}
    entry, known = cache.read(key, tags)
    versions = {tag: known[tag] for tag in tags}
    if entry is not None and None not in versions.values() and entry[0] == versions:
        return entry[1]
    missing = {cache._tag_key(tag): tag for tag, version in versions.items() if version is None}
    if missing:
        import uuid

        for tag_key in missing:
            store.add(tag_key, uuid.uuid4().hex, timeout=None)
        again = store.get_many(list(missing))
        for tag_key, tag in missing.items():
            versions[tag] = known[tag] = again.get(tag_key)
    value = compute()
    if None not in versions.values():
        store.set(key, (versions, value), timeout=MEMO_SECONDS)
    return value


def site_setting(model, site, lookup):
    """A site setting row (Wagtail reads it with a query on every request), with the
    rows its foreign keys point to (the logo), until a setting, an image or the site changes."""

    def compute():
        instance = lookup(model, site)
        for field in instance._meta.concrete_fields:
            loaded = getattr(instance, field.attname, None) is not None
            if field.many_to_one and field.name != "site" and loaded:
                getattr(instance, field.name)
        return instance

    return remember(f"setting:{model._meta.label_lower}:{site.pk}", {"settings", "images"}, compute)


def site_for_hostname(hostname, port, lookup):
    """The Site answering ``hostname:port`` with its root page, as the specific page Wagtail's
    router starts from (two queries a request otherwise), until a top page or a site changes
    (a site's save bumps ``any``; a root page's save bumps ``top``)."""

    def compute():
        site = lookup(hostname, port)
        if site is not None and site.root_page_id is not None:
            # Kept with the site as the specific page, whose ``localized`` is cached too
            # (routing starts from ``site.root_page.localized.specific``).
            site.root_page = site.root_page.specific
        return site

    return remember(f"site:{hostname}:{port}", {"top"}, compute)


def restriction_rules():
    """Every page view restriction with its page's path and groups, for listings that show a
    member what they may open (members.visibility): read once, kept until a restriction or
    its groups change (the ``restrictions`` tag, perf.signals)."""
    from wagtail.models import PageViewRestriction

    return remember(
        "restriction-rules",
        {"restrictions"},
        lambda: list(
            PageViewRestriction.objects.select_related("page")
            .prefetch_related("groups")
            .only("id", "restriction_type", "password", "page__id", "page__path")
        ),
    )


PART_PREFIX = cache.PREFIX + "part:"


def note_shown(request, tags):
    """Tell every page part being rendered (``remember_part``) that it shows ``tags`` too: a
    card rendered inside a part makes the part depend on the card's page."""
    for collected in getattr(request, "_perf_parts", ()):
        collected |= tags


def remember_part(request, name, tags, render):
    """The HTML ``render()`` gives, kept until one of ``tags`` or of the pages shown inside
    it (cards: ``note_shown``) changes — the page cache's rules for part of a page. One way
    for every kept piece of HTML: a page's parts, its cards, the header and footer
    (cms.templatetags.lantoa's ``page_part``, ``page_fragment``, ``site_part``).

    A good copy costs one cache round trip (the entry, with the versions of those of its
    tags this request has not read yet: perf.cache.read), a second only for the tags of
    cards rendered inside it. Everything it shows (``tags`` and the cards') is passed on to
    the parts around it.

    Safe against a change racing the render: the entry is stored only when nothing was
    invalidated since the request started (the epoch PageCacheMiddleware read before the
    view ran, which may have read what the part shows), with the tag versions read after
    it. A part whose render used the CSRF token (a form) is never stored, nor one rendered
    outside a request that went through the middleware.
    """
    import hashlib

    from django.conf import settings

    if not getattr(settings, "PAGE_PARTS_ENABLED", True):  # tests of what a render costs
        return render()
    key = PART_PREFIX + hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:40]
    tags = set(tags) | {"any"}
    entry, known = cache.read(key, tags)
    if entry is not None:
        versions, html, shown = entry
        if tags <= versions.keys() and cache.unchanged(versions, known):
            note_shown(request, shown)
            return html
    collected = set()
    parts = request.__dict__.setdefault("_perf_parts", [])
    parts.append(collected)
    csrf_before = request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    try:
        html = render()
    finally:
        # By identity: parts nest, and two sets with the same tags are equal.
        del parts[next(i for i, part in enumerate(parts) if part is collected)]
    shown = tags | collected
    note_shown(request, shown)
    started = getattr(request, "_perf_epoch", _NO_EPOCH)
    if started is _NO_EPOCH or request.META.get("CSRF_COOKIE_NEEDS_UPDATE") != csrf_before:
        return html
    cache.save_entry(key, shown, (html, shown), started)
    return html


_NO_EPOCH = object()


ROUTE_PREFIX = cache.PREFIX + "route:"


def routed_page(request, root, components, find, tags_for):
    """The page ``find()`` gives for ``components`` below ``root`` (routing: two queries,
    and a large select_related to compile, ~6 ms a request), kept until one of
    ``tags_for(page)`` changes (the page's own tags: its publish, unpublish, move or edit, an
    image, a related page) or anything changes an address (``any``).

    Stored by the page cache's rules (``remember_part``): only when nothing was invalidated
    since the request started, so a publish racing the lookup cannot pin the old row. Each
    reader gets a fresh copy (the cache pickles), so nothing a request sets on its page
    leaks to the next. A path that finds no page is not kept (a new page may take it).
    """
    import hashlib

    from django.conf import settings

    started = getattr(request, "_perf_epoch", _NO_EPOCH)
    if started is _NO_EPOCH or not getattr(settings, "PAGE_PARTS_ENABLED", True):
        return find()
    name = f"{root.pk}:{'/'.join(components)}"
    key = ROUTE_PREFIX + hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:40]
    entry, known = cache.read(key, ())
    if entry is not None:
        versions, page = entry
        if cache.unchanged(versions, known):
            return page
    page = find()
    if page is not None:
        cache.save_entry(key, set(tags_for(page)) | {"any"}, (page,), started)
    return page


def localized(page):
    """``page.localized`` (its live translation in the active language, else itself), kept
    for the site roots and sections (depth ≤ 3: routing starts from the localized root on
    every request, the header links to it, the home page's shortcuts lead to sections) until
    a top page or one of the page's translations changes. Deeper pages: Wagtail's own."""
    from django.conf import settings

    from wagtail.models import Locale

    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False) or page.pk is None:
        return page
    if page.depth is None or page.depth > 3:
        return _wagtail_localized(page)
    try:
        locale = Locale.get_active()
    except (LookupError, Locale.DoesNotExist):
        return page
    if locale.id == page.locale_id:
        return page

    def find():
        translation = page.get_translation_or_none(locale)
        if translation is None or not translation.live:
            return None
        return translation.specific

    found = remember(
        f"localized:{page.pk}:{locale.id}", {"top", f"tk:{page.translation_key}"}, find
    )
    return found or page


def _wagtail_localized(page):
    from wagtail.models import Page

    return Page.localized.fget(page)
