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
