"""Security headers on every response, and the second factor for accounts that publish."""

from csp.middleware import CSPMiddleware, PolicyParts

from django.conf import settings
from django.db import transaction


def in_admin(request):
    """An admin screen, or a page rendered for the admin's preview panel (Wagtail runs the
    preview's dummy request, at the page's own path, through the middleware)."""
    if getattr(request, "is_dummy", False) or getattr(request, "is_preview", False):
        return True
    return request.path_info.startswith(settings.LANTOA_ADMIN_PATH)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with two policies: the strict public one, and the admin's.

    Public pages carry no nonce (they are cached whole for anonymous readers, and a cached nonce
    is no nonce): no inline script at all, only ``'self'``. The Wagtail admin gets
    ``LANTOA_ADMIN_CSP``, which also allows the inline styles its editors need.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and in_admin(request):
            return PolicyParts(
                config=settings.LANTOA_ADMIN_CSP,
                update=parts.update,
                replace=parts.replace,
                nonce=parts.nonce,
            )
        return parts


class AdminFrameOptionsMiddleware:
    """The admin frames itself (the live preview panel, the image focal-point and chooser
    frames), as its CSP ``frame-ancestors 'self'`` says; everything else keeps DENY."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if in_admin(request):
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response


class PermissionsPolicyMiddleware:
    """Switches off the browser features the site never uses, for every page and document."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.LANTOA_PERMISSIONS_POLICY)
        return response


class AtomicWritesMiddleware:
    """Every POST (and other unsafe method) is one transaction: all of it, or nothing.

    A publish interrupted halfway (a failing signal receiver, a worker error) rolls back, so
    the old version stays live; a form submission is either saved or the reader gets an
    error page. Django turns a view's exception into a 500 response before it gets here, so
    any 5xx answer rolls back too.
    """

    UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in self.UNSAFE:
            return self.get_response(request)
        with transaction.atomic():
            response = self.get_response(request)
            if response.status_code >= 500:
                transaction.set_rollback(True)
        return response


class PasswordResetThrottleMiddleware:
    """At most ``LANTOA_PASSWORD_RESET_LIMIT`` reset requests an hour from one address.

    Password reset forms never reveal whether an address has an account, but they send
    e-mail: without a limit they are a way to flood members' inboxes.
    """

    URL_NAMES = ("wagtailadmin_password_reset", "members_password_reset")

    def __init__(self, get_response):
        self.get_response = get_response

    def reset_paths(self):
        from django.urls import NoReverseMatch, reverse

        paths = set()
        for name in self.URL_NAMES:
            try:
                paths.add(reverse(name))
            except NoReverseMatch:
                continue
        return paths

    def __call__(self, request):
        if request.method == "POST" and request.path_info in self.reset_paths():
            from django.core.cache import cache

            from security.ip import client_ip
            from security.views import too_many_resets

            key = f"security:reset:{client_ip(request)}"
            cache.add(key, 0, timeout=60 * 60)
            if cache.incr(key) > settings.LANTOA_PASSWORD_RESET_LIMIT:
                return too_many_resets(request)
        return self.get_response(request)


class PagePasswordThrottleMiddleware:
    """Wrong passwords on a password-protected page or document collection are limited.

    Wagtail's privacy "password" form (``/_util/authenticate_with_password/…`` and the
    documents' own) does not go through Django's ``authenticate()``, so django-axes does not
    see it. After ``LANTOA_PAGE_PASSWORD_LIMIT`` wrong passwords (default 10) from one address
    for one restriction, that address gets a Vietnamese 429 page for 15 minutes, even with the
    right password; the right password before that clears the count. Each lockout is logged.
    """

    URL_NAMES = {
        "wagtailcore_authenticate_with_password": "page_view_restriction_id",
        "wagtaildocs_authenticate_with_password": "restriction_id",
    }
    WINDOW = 15 * 60

    def __init__(self, get_response):
        self.get_response = get_response

    def key(self, request):
        from security.ip import client_ip

        match = getattr(request, "resolver_match", None)
        if request.method != "POST" or match is None or match.url_name not in self.URL_NAMES:
            return None
        restriction = match.kwargs.get(self.URL_NAMES[match.url_name])
        return f"security:page-password:{match.url_name}:{restriction}:{client_ip(request)}"

    def limit(self):
        return getattr(settings, "LANTOA_PAGE_PASSWORD_LIMIT", 10)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from django.core.cache import cache

        key = self.key(request)
        if key is None:
            return None
        if (cache.get(key) or 0) >= self.limit():
            from security.views import page_password_locked

            return page_password_locked(request)
        # Wagtail redirects to ``return_url`` with ``redirect()``, which takes a bare word for
        # a view name (a 500 when there is none): only paths on this site are kept.
        return_url = request.POST.get("return_url", "")
        if not return_url.startswith("/") or return_url.startswith(("//", "/\\")):
            request.POST = request.POST.copy()
            request.POST["return_url"] = "/"
        return None

    def __call__(self, request):
        response = self.get_response(request)
        key = self.key(request)
        if key is None or response.status_code == 429:
            return response
        from django.core.cache import cache

        if response.status_code == 200:  # the form again: a wrong password
            cache.add(key, 0, timeout=self.WINDOW)
            if cache.incr(key) == self.limit():
                import logging

                logging.getLogger("security").warning(
                    "Page password locked after %s failures: %s", self.limit(), key
                )
        elif response.status_code in (301, 302):
            cache.delete(key)
        return response


class HostileInputMiddleware:
    """A value no form or URL converter stopped, refused by the database: a 400, not a 500.

    A number beyond 64 bits in a choice of pages (``page_ptr`` lookups have no range check:
    ``OverflowError`` on SQLite, ``DataError`` on PostgreSQL), text too long for a column:
    the reader gets a Vietnamese "check what you sent" page, the transaction is rolled back,
    and the error is logged so that the form can learn to refuse it itself.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.db import DataError

        if not isinstance(exception, (OverflowError, DataError)):
            return None
        import logging

        logging.getLogger("security").warning(
            "Refused input at %s: %r", request.path, exception, exc_info=exception
        )
        if transaction.get_connection().in_atomic_block:
            transaction.set_rollback(True)
        from security.views import bad_input

        return bad_input(request)
