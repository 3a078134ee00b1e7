"""Which pages a reader may see listed: public pages for everyone, members-only ones for members.

Wagtail's own ``.public()`` hides every page with a view restriction. Listings use
``visible_to(pages, request)`` instead, so a logged-in member also sees the pages meant for them,
while an anonymous reader (and every public channel: search, feeds, sitemap, API) never does.
A fixed number of queries, however many restrictions or pages there are.
"""

from django.db.models import Q

from wagtail.models import PageViewRestriction


def _restrictions():
    # Read once and kept in the cache until a restriction or its groups change.
    from perf.lookups import restriction_rules

    return restriction_rules()


def restricted_paths():
    """Tree paths of every page with a view restriction (its descendants share the prefix)."""
    return [
        path
        for path in PageViewRestriction.objects.values_list("page__path", flat=True).distinct()
        if path
    ]


def accepts(restriction, user, group_ids, session):
    """Whether ``restriction`` lets this reader in, as Wagtail's own check decides."""
    kind = restriction.restriction_type
    if kind == PageViewRestriction.NONE:
        return True
    if kind == PageViewRestriction.PASSWORD:
        passed = session.get(PageViewRestriction.passed_view_restrictions_session_key, [])
        return restriction.id in passed
    if not user.is_authenticated:
        return False
    if kind == PageViewRestriction.LOGIN:
        return True
    if kind == PageViewRestriction.GROUPS:
        if user.is_superuser:
            return True
        return any(group.id in group_ids for group in restriction.groups.all())
    return False


def closed_paths(request):
    """Tree paths of the restricted pages this request may not open."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return restricted_paths()
    group_ids = set(user.groups.values_list("id", flat=True))
    session = getattr(request, "session", {})
    return [
        restriction.page.path
        for restriction in _restrictions()
        if not accepts(restriction, user, group_ids, session)
    ]


def visible_to(pages, request):
    """``pages`` less those behind a restriction the reader of ``request`` does not pass."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return pages.public()
    closed = closed_paths(request)
    if not closed:
        return pages
    hidden = Q()
    for path in closed:
        hidden |= Q(path__startswith=path)
    return pages.exclude(hidden)
