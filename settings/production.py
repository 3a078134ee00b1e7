"""Production: everything from the environment; refuses to start without the essentials."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment.")
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in the environment.")

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT", "true").lower() == "true"  # noqa: F405
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
LOGGING["root"]["level"] = env("LOG_LEVEL", "INFO")  # noqa: F405
# Referrer-Policy, X-Frame-Options, CSP, nosniff and the session lifetime are in base.py so that
# every environment sends them; only what needs HTTPS is here.
SESSION_COOKIE_NAME = "__Secure-sessionid" if SECURE_SSL_REDIRECT else "sessionid"
# Accounts that publish or administer need their second factor (LANTOA_REQUIRE_2FA=false: off).
LANTOA_REQUIRE_2FA = env("LANTOA_REQUIRE_2FA", "true").lower() == "true"  # noqa: F405
