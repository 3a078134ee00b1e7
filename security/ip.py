"""The reader's address, as the login throttle sees it."""

from django.conf import settings


def client_ip(request):
    """REMOTE_ADDR, or the address the trusted proxy saw when the site runs behind one.

    ``LANTOA_TRUSTED_PROXIES`` is the number of proxies in front of gunicorn (nginx: 1). Their
    addresses are appended to X-Forwarded-For, so the reader's is that many from the end; any
    address a client wrote into the header itself lies further left and is ignored.
    """
    proxies = settings.LANTOA_TRUSTED_PROXIES
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")
