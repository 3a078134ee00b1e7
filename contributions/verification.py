"""Visitors who are not members: a verified e-mail address, when the board switches it on.

The visitor types an address; we e-mail a link carrying a signed, timestamped token
(``django.core.signing``, salted, checked with ``max_age``), so no table is needed. Opening the
link stores the address in the session: from then on that browser may send both forms, and
"my contributions" lists what was sent from that address. Verification e-mails are limited per
address and per client IP, in Django's cache (only hashes of both are stored).
"""

import hashlib
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from engage.spam import client_ip

SALT = "contributions.verify-email"
SESSION_KEY = "contributions_verified_email"
# Where the link leads once the address is verified (never a free URL: no open redirect).
NEXT_URLS = {
    "tip": "contributions_tip",
    "nomination": "contributions_nominate",
    "mine": "contributions_mine",
}


def max_age():
    """Seconds a verification link stays valid (CONTRIBUTIONS_VERIFY_MAX_AGE, one day)."""
    return getattr(settings, "CONTRIBUTIONS_VERIFY_MAX_AGE", 24 * 3600)


def normalise(email):
    return email.strip().lower()


def is_switched_on(request):
    from contributions.models import ContributionSettings

    return ContributionSettings.for_request(request).allow_verified_email


def make_token(email, next_name="tip"):
    return signing.dumps({"e": normalise(email), "n": next_name}, salt=SALT, compress=True)


def read_token(token):
    """(email, next_name) of a sound, unexpired token; raises signing.BadSignature (or its
    subclass SignatureExpired) otherwise."""
    data = signing.loads(token, salt=SALT, max_age=max_age())
    if not isinstance(data, dict) or not isinstance(data.get("e"), str) or "@" not in data["e"]:
        raise signing.BadSignature("not a verification token")
    next_name = data.get("n") if data.get("n") in NEXT_URLS else "tip"
    return data["e"], next_name


def verified_email(request):
    """The address this browser verified, or ""."""
    session = getattr(request, "session", None)
    value = session.get(SESSION_KEY) if session is not None else None
    return value.get("email", "") if isinstance(value, dict) else ""


def mark_verified(request, email):
    request.session.cycle_key()
    request.session[SESSION_KEY] = {"email": normalise(email), "at": timezone.now().isoformat()}


def forget(request):
    request.session.pop(SESSION_KEY, None)


def send_link(request, email, next_name):
    token = make_token(email, next_name)
    url = request.build_absolute_uri(reverse("contributions_verify_link", args=[token]))
    context = {"url": url, "hours": max_age() // 3600}
    send_mail(
        render_to_string("contributions/email/verify_subject.txt", context).strip(),
        render_to_string("contributions/email/verify_body.txt", context),
        None,
        [normalise(email)],
    )


def _digest(value):
    return hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()[:32]


class VerifyLimit:
    """At most ``per_email`` verification e-mails to one address and ``per_address`` from one
    client IP in a window; ``CONTRIBUTIONS_VERIFY_LIMITS = (per_email, per_address, window)``."""

    defaults = (3, 10, 3600)

    @property
    def limits(self):
        return tuple(getattr(settings, "CONTRIBUTIONS_VERIFY_LIMITS", None) or self.defaults)

    def _keys(self, request, email):
        per_email, per_address, window = self.limits
        bucket = int(time.time() // window)
        return [
            (f"contributions:verify:email:{_digest(normalise(email))}:{bucket}", per_email),
            (f"contributions:verify:ip:{_digest(client_ip(request))}:{bucket}", per_address),
        ], window

    def exceeded(self, request, email):
        keys, _window = self._keys(request, email)
        return any((cache.get(key) or 0) >= limit for key, limit in keys)

    def minutes_left(self):
        window = self.limits[2]
        return max(1, int((window - time.time() % window) // 60) + 1)

    def record(self, request, email):
        keys, window = self._keys(request, email)
        for key, _limit in keys:
            if cache.add(key, 1, timeout=window + 60):
                continue
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.set(key, 1, timeout=window + 60)


VERIFY_LIMIT = VerifyLimit()
