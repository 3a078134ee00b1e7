from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _


class Account(get_user_model()):
    """A user account as the audit log sees it.

    Logins, failed logins, logouts and permission changes are logged against this proxy, so
    reading them takes its own permission (``security.view_account``), which the board has,
    rather than the right to edit users.
    """

    class Meta:
        proxy = True
        verbose_name = _("account")
        verbose_name_plural = _("accounts")
        default_permissions = ("view",)
