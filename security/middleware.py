"""Security headers on every response, and the second factor for accounts that publish."""

from csp.middleware import CSPMiddleware, PolicyParts

from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with two policies: the strict public one, and the admin's.

    Public pages carry no nonce (they are cached whole for anonymous readers, and a cached nonce
    is no nonce): no inline script at all, only ``'self'``. The Wagtail admin gets
    ``LANTOA_ADMIN_CSP``, which also allows the inline styles its editors need.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(settings.LANTOA_ADMIN_PATH)
        ):
            return PolicyParts(
                config=settings.LANTOA_ADMIN_CSP,
                update=parts.update,
                replace=parts.replace,
                nonce=parts.nonce,
            )
        return parts


class PermissionsPolicyMiddleware:
    """Switches off the browser features the site never uses, for every page and document."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.LANTOA_PERMISSIONS_POLICY)
        return response
