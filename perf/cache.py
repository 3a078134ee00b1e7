"""Whole-response cache for anonymous readers, invalidated by dependency tags.

Each stored response carries the *tags* it was built from (``page:42``, ``articles:1``,
``tag:nha-giao``, ``settings`` …) and the version each tag had when it was stored. Changing a
thing gives its tags new versions (``invalidate``), so every response that showed it stops
matching at once, and only those: a reader is served a copy only while all its tags still
carry the versions it was built with. Versions live in the same Django cache (local memory in
development and tests, Redis or the database cache in production); an evicted version counts
as changed.

A response is never stored if anything changed while it was being built (the ``epoch`` read
before the view ran has moved), so a reader who raced a publish cannot pin the old page.
"""

import contextlib
import contextvars
import functools
import hashlib
import uuid
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils import timezone

PREFIX = "lantoa:pc:"
EPOCH_KEY = PREFIX + "epoch"
# Links shared on Facebook and Zalo carry these; they never change what the page shows.
TRACKING_PARAMS = {"fbclid", "gclid", "zarsrc", "zalo_source", "mc_cid", "mc_eid"}
# Headers that belong to one response only, never replayed from the cache.
HOP_HEADERS = {"set-cookie", "x-cache", "content-length"}


def enabled():
    return getattr(settings, "PAGE_CACHE_ENABLED", True)


def store():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def max_age():
    """Seconds a copy may live: the configured age, and never past local midnight.

    Pages show "today" (a campaign's status, the countdown to its key date), so a copy made
    before midnight must not be served after it.
    """
    now = timezone.localtime()
    midnight = (now + timezone.timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return max(
        1, min(getattr(settings, "PAGE_CACHE_SECONDS", 3600), int((midnight - now).total_seconds()))
    )


def entry_key(request):
    """One key per host, path and meaningful query string (tracking parameters dropped)."""
    params = sorted(
        (key, value)
        for key, value in parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
        if key not in TRACKING_PARAMS and not key.startswith("utm_")
    )
    raw = "\n".join([request.get_host(), request.path, urlencode(params)])
    return PREFIX + "r:" + hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()


@functools.lru_cache(maxsize=8192)
def _tag_key(tag):
    return PREFIX + "t:" + hashlib.sha256(tag.encode()).hexdigest()[:32]


# The tag versions this request has read (PageCacheMiddleware opens one per request): each
# tag's version is read once, not again for every part, card and lookup that carries it.
_known_versions = contextvars.ContextVar("lantoa_perf_versions", default=None)


@contextlib.contextmanager
def request_scope():
    """Read each tag's version at most once inside (one request): a copy that was good when
    the request first looked is what a reader who came a moment earlier would have got, and
    nothing is stored from a request during which anything was invalidated (the epoch)."""
    token = _known_versions.set({})
    try:
        yield
    finally:
        _known_versions.reset(token)


def read(key, tags):
    """``(entry stored under key, {tag: version or None})`` in one cache round trip: the
    entry and the versions of those of ``tags`` this request has not read yet."""
    known = _known_versions.get()
    if known is None:
        known = {}
    keys = {_tag_key(tag): tag for tag in tags if tag not in known}
    found = store().get_many([key, *keys])
    for tag_key, tag in keys.items():
        known[tag] = found.get(tag_key)
    return found.get(key), known


def unchanged(versions, known):
    """Whether every tag of ``versions`` (an entry's) still has that version."""
    missing = {_tag_key(tag): tag for tag in versions if tag not in known}
    if missing:
        found = store().get_many(list(missing))
        for tag_key, tag in missing.items():
            known[tag] = found.get(tag_key)
    return all(known[tag] == version for tag, version in versions.items())


def epoch():
    return store().get(EPOCH_KEY)


def fetch(request):
    """The stored response for ``request`` if every tag it depends on is unchanged, else None."""
    cache = store()
    entry = cache.get(entry_key(request))
    if entry is None:
        return None
    versions, status, headers, content = entry
    current = cache.get_many([_tag_key(tag) for tag in versions])
    if any(current.get(_tag_key(tag)) != version for tag, version in versions.items()):
        return None
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


def save(request, response, tags, started_epoch):
    """Store ``response`` under ``tags`` unless something changed since the view started."""
    headers = [(name, value) for name, value in response.items() if name.lower() not in HOP_HEADERS]
    value = (response.status_code, headers, response.content)
    return save_entry(entry_key(request), tags, value, started_epoch)


def save_entry(key, tags, value, started_epoch, timeout=None):
    """Store ``value`` under ``key`` with the current versions of ``tags`` (any missing are
    created), as ``(versions, *value)``, unless something was invalidated since
    ``started_epoch`` was read. Returns whether it was stored."""
    cache = store()
    if cache.get(EPOCH_KEY) != started_epoch:
        return False
    keys = {tag: _tag_key(tag) for tag in tags}
    current = cache.get_many(list(keys.values()))
    missing = {key: uuid.uuid4().hex for tag, key in keys.items() if key not in current}
    if missing:
        for tag_key, version in missing.items():
            cache.add(tag_key, version, timeout=None)
        current.update(cache.get_many(list(missing)))
    versions = {tag: current.get(tag_key) for tag, tag_key in keys.items()}
    if None in versions.values():  # the cache is full and evicting; do not store
        return False
    if cache.get(EPOCH_KEY) != started_epoch:  # invalidated while the versions were read
        return False
    cache.set(key, (versions, *value), timeout=max_age() if timeout is None else timeout)
    return True


def invalidate(tags):
    """Give ``tags`` new versions: every stored response that depends on one is now stale."""
    tags = set(tags)
    if not tags:
        return
    from perf import lookups

    lookups.forget(tags)
    cache = store()
    # The epoch first: whoever reads a tag's new version and then the epoch sees it changed
    # (save and save_entry read the epoch again after the versions) and stores nothing.
    cache.set(EPOCH_KEY, uuid.uuid4().hex, timeout=None)
    cache.set_many({_tag_key(tag): uuid.uuid4().hex for tag in tags}, timeout=None)


def clear():
    """Forget every stored page (all tags at once)."""
    invalidate({"any"})
