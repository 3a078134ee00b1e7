"""Error pages that must render without the database, and the login lockout page."""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger("security")

DATABASE_DOWN = (OperationalError, InterfaceError)


@requires_csrf_token
def server_error(request):
    """``handler500``: a 503 that asks the reader to come back when the database is away.

    Rendered without a request context, so nothing on the page touches the database.
    Persistent connections are health-checked (``CONN_HEALTH_CHECKS``), so the next request
    after the database returns reconnects by itself.
    """
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_DOWN):
        logger.error("Database unavailable: %s", error)
        response = HttpResponse(loader.render_to_string("security/503.html"), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponse(loader.render_to_string("500.html"), status=500)


def locked_out(request, credentials=None, *args, **kwargs):
    """What django-axes answers once an account and address have failed too often."""
    response = HttpResponse(loader.render_to_string("security/locked_out.html"), status=429)
    response["Retry-After"] = "900"
    return response


def too_many_resets(request):
    """Too many password reset requests from one address within an hour."""
    response = HttpResponse(loader.render_to_string("security/too_many_resets.html"), status=429)
    response["Retry-After"] = "3600"
    return response


def page_password_locked(request):
    """Too many wrong passwords for one protected page or collection from one address."""
    response = HttpResponse(
        loader.render_to_string("security/page_password_locked.html", request=request), status=429
    )
    response["Retry-After"] = "900"
    return response


def bad_input(request):
    """A value the database cannot take (see ``HostileInputMiddleware``); renders without it."""
    return HttpResponse(loader.render_to_string("security/400.html"), status=400)
