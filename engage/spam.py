"""Spam protection for every public form: a honeypot field and a rate limit in Django's cache.

Reusable by any public form (surveys, questions, and the news tips and nominations of issue #11):

    from engage.spam import SpamProtectedForm, RateLimit

    TIPS = RateLimit("tips", per_address=10, per_account=5, window=3600)

    class TipForm(SpamProtectedForm, forms.Form):
        rate_limit = TIPS
        ...

    form = TipForm(request.POST, request=request)
    if form.is_valid():
        ...                      # save
        form.record_submission()  # count it against the address and the account

- The honeypot is a text input named ``HONEYPOT_FIELD`` that people never see (hidden by
  CSS, out of the tab order, ``aria-hidden``); bots that fill every input fill it too, and
  the form is refused with a Vietnamese message. Render it with
  ``{% include "engage/honeypot.html" with form=form %}``.
- The rate limit counts accepted submissions per client address and, when logged in, per
  account, in fixed windows of ``window`` seconds. It uses the default cache, so it is shared
  by every worker process when the cache is Redis (``REDIS_URL``). Limits per scope can be
  changed in settings: ``ENGAGE_RATE_LIMITS = {"survey": (30, 5, 3600)}`` (per address,
  per account, window in seconds).
- The client address is ``REMOTE_ADDR``. Behind a proxy that sets a trusted header, name it in
  ``ENGAGE_CLIENT_IP_HEADER`` (e.g. ``"HTTP_X_REAL_IP"``); a header the proxy does not
  overwrite could be forged, so nothing is trusted by default.

Nothing here raises: a refused form is an invalid form, with what the person typed kept.
"""

import hashlib
import time

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website_url"

HONEYPOT_MESSAGE = _(
    "Your submission looks automated and was not accepted. If you are a person, please "
    "leave the hidden “website” field empty and send again."
)
RATE_MESSAGE = _(
    "You have sent this form too many times in a short while. Please wait about "
    "%(minutes)s minutes and try again; what you typed is kept below."
)


def client_ip(request):
    header = getattr(settings, "ENGAGE_CLIENT_IP_HEADER", "")
    value = request.META.get(header, "") if header else ""
    value = value.split(",")[0].strip() or request.META.get("REMOTE_ADDR", "")
    return value or "unknown"


def _digest(value):
    # Addresses are personal data: the cache holds only a hash of them.
    return hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()[:32]


class RateLimit:
    """At most ``per_address`` / ``per_account`` accepted submissions per ``window`` seconds."""

    def __init__(self, scope, per_address=20, per_account=5, window=3600):
        self.scope = scope
        self._defaults = (per_address, per_account, window)

    @property
    def limits(self):
        configured = getattr(settings, "ENGAGE_RATE_LIMITS", {}).get(self.scope)
        return tuple(configured or self._defaults)

    def _keys(self, request):
        per_address, per_account, window = self.limits
        bucket = int(time.time() // window)
        keys = [(f"engage:rl:{self.scope}:ip:{_digest(client_ip(request))}:{bucket}", per_address)]
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            keys.append((f"engage:rl:{self.scope}:user:{user.pk}:{bucket}", per_account))
        return keys, window

    def exceeded(self, request):
        """True when the address or the account has used up its submissions for now."""
        keys, _window = self._keys(request)
        return any((cache.get(key) or 0) >= limit for key, limit in keys)

    def minutes_left(self):
        window = self.limits[2]
        return max(1, int((window - time.time() % window) // 60) + 1)

    def record(self, request):
        """Count one accepted submission against the address and the account."""
        keys, window = self._keys(request)
        for key, _limit in keys:
            if cache.add(key, 1, timeout=window + 60):
                continue
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.set(key, 1, timeout=window + 60)


class HoneypotWidget(forms.TextInput):
    def __init__(self):
        super().__init__(
            attrs={
                "autocomplete": "off",
                "tabindex": "-1",
                "class": "engage-honeypot__input",
            }
        )


class SpamProtectedForm(forms.BaseForm):
    """A form mixin: a honeypot field and a rate limit checked in ``clean()``.

    Pass ``request=`` when building the form; set ``rate_limit`` (a RateLimit) on the class.
    """

    rate_limit = None

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Website (leave empty)"), required=False, widget=HoneypotWidget()
        )

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD]

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != HONEYPOT_FIELD]

    def clean(self):
        cleaned = super().clean()
        if self.cleaned_data.get(HONEYPOT_FIELD):
            raise forms.ValidationError(HONEYPOT_MESSAGE, code="honeypot")
        if self.rate_limit and self.request is not None and self.rate_limit.exceeded(self.request):
            raise forms.ValidationError(
                RATE_MESSAGE,
                code="rate_limited",
                params={"minutes": self.rate_limit.minutes_left()},
            )
        if cleaned is not None:
            cleaned.pop(HONEYPOT_FIELD, None)
        return cleaned

    def record_submission(self):
        if self.rate_limit and self.request is not None:
            self.rate_limit.record(self.request)
