"""Login throttling for every login form, through django-axes."""

from axes.backends import AxesStandaloneBackend

from django.contrib.auth.backends import ModelBackend


class LoginThrottleBackend(AxesStandaloneBackend):
    """Axes' backend, skipped when there is no request to throttle.

    Every login form (the admin's, the members' front-end login) passes the request, so they
    are all throttled. Only code that calls ``authenticate()`` itself without a request — the
    test client's ``login()``, management commands — has no address to lock, and goes on to
    the model backend instead of failing.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)

    def get_user(self, user_id):
        # A session may name this backend (Wagtail's preview test logs in with the first one).
        return ModelBackend().get_user(user_id)


def throttled_username(request, credentials=None):
    """The username axes records: as typed, cut to what the user model holds and without NUL,
    so that a hostile login (a 1,000-character name) is refused, not a database error."""
    if credentials:
        username = credentials.get("username")
    else:
        username = request.POST.get("username") if request is not None else None
    return str(username or "").replace("\x00", "")[:150]
