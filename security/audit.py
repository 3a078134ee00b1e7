"""Account events in Wagtail's audit log: logins, failed logins, logouts, permission changes.

Publication, unpublication and workflow steps are logged by Wagtail itself. Everything here is
logged against ``security.Account`` so that the board reads it in the site history report.
"""

import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_migrate, post_save
from django.dispatch import receiver

from wagtail.log_actions import log

from cms.roles import COMMUNICATIONS, EXECUTIVE

logger = logging.getLogger("security")

LOGIN = "lantoa.login"
LOGIN_FAILED = "lantoa.login_failed"
LOGOUT = "lantoa.logout"
GROUPS_CHANGED = "lantoa.groups_changed"
PERMISSIONS_CHANGED = "lantoa.permissions_changed"
TWO_FACTOR_ENABLED = "lantoa.2fa_enabled"
TWO_FACTOR_DISABLED = "lantoa.2fa_disabled"

# Groups that read the account log in the site history report.
AUDIT_READERS = (COMMUNICATIONS, EXECUTIVE)


def _account(user):
    from security.models import Account

    return Account.objects.filter(pk=user.pk).first()


def log_account(user, action, by=None, data=None):
    account = _account(user)
    if account is not None:
        log(instance=account, action=action, user=by or user, data=data or {})


def _address(request):
    from security.ip import client_ip

    return client_ip(request) if request is not None else ""


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs):
    log_account(user, LOGIN, data={"ip": _address(request)})


@receiver(user_logged_out)
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        log_account(user, LOGOUT, data={"ip": _address(request)})


@receiver(user_login_failed)
def _login_failed(sender, credentials, request=None, **kwargs):
    username = credentials.get("username", "")
    address = _address(request)
    logger.warning("Failed login for %r from %s", username, address)
    if "\x00" in username or len(username) > 150:  # no such account; PostgreSQL refuses NUL
        return
    user = get_user_model()._default_manager.filter(username=username).first()
    if user is not None:
        log(instance=_account(user), action=LOGIN_FAILED, user=None, data={"ip": address})


@receiver(m2m_changed, sender=get_user_model().groups.through)
def _groups_changed(sender, instance, action, pk_set, reverse, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear") or _loaded_raw(instance):
        return
    users = (
        [instance]
        if not reverse
        else list(get_user_model()._default_manager.filter(pk__in=pk_set or ()))
    )
    groups = (
        [instance.name]
        if reverse
        else list(Group.objects.filter(pk__in=pk_set or ()).values_list("name", flat=True))
    )
    for user in users:
        log_account(
            user, GROUPS_CHANGED, by=_current_user(), data={"action": action, "groups": groups}
        )


@receiver(m2m_changed, sender=Group.permissions.through)
@receiver(m2m_changed, sender=get_user_model().user_permissions.through)
def _permissions_changed(sender, instance, action, pk_set, reverse, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear") or reverse:
        return
    if _loaded_raw(instance):
        return
    if isinstance(instance, Group) and action != "post_add":
        # setup_editorial sets the board's permissions wholesale; the log stays readable to it.
        grant_audit_reading(instance)
    codenames = sorted(
        Permission.objects.filter(pk__in=pk_set or ()).values_list("codename", flat=True)
    )
    data = {"action": action, "permissions": codenames}
    if isinstance(instance, Group):
        log(instance=instance, action=PERMISSIONS_CHANGED, user=_current_user(), data=data)
    else:
        log_account(instance, PERMISSIONS_CHANGED, by=_current_user(), data=data)


def _loaded_raw(instance):
    return getattr(instance, "_loaded_raw", False)


def _current_user():
    from wagtail.log_actions import get_active_log_context

    context = get_active_log_context()
    return context.user if context else None


def grant_audit_reading(group):
    from security.models import Account

    if group.name in AUDIT_READERS:
        permission = Permission.objects.filter(
            content_type__app_label="security",
            content_type__model=Account._meta.model_name,
            codename="view_account",
        ).first()
        if permission is not None:
            group.permissions.add(permission)


@receiver(post_save, sender=Group)
def _group_saved(sender, instance, created, raw=False, **kwargs):
    # Fixtures, test database rollbacks and `restore` load rows as they were: nothing to log.
    instance._loaded_raw = raw
    if created and not raw:
        grant_audit_reading(instance)


@receiver(post_save, sender=get_user_model())
def _user_saved(sender, instance, raw=False, **kwargs):
    instance._loaded_raw = raw


@receiver(post_migrate)
def _after_migrate(sender, **kwargs):
    if sender.name != "security":
        return
    for group in Group.objects.filter(name__in=AUDIT_READERS):
        grant_audit_reading(group)
