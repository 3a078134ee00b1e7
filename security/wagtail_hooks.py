from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from security import audit


@hooks.register("register_log_actions")
def register_account_actions(actions):
    actions.register_action(audit.LOGIN, _("Log in"), _("Logged in"))
    actions.register_action(
        audit.LOGIN_FAILED, _("Failed login"), _("Failed login (wrong password)")
    )
    actions.register_action(audit.LOGOUT, _("Log out"), _("Logged out"))
    actions.register_action(audit.GROUPS_CHANGED, _("Groups changed"), _("Groups changed"))
    actions.register_action(
        audit.PERMISSIONS_CHANGED, _("Permissions changed"), _("Permissions changed")
    )
    actions.register_action(
        audit.TWO_FACTOR_ENABLED, _("Two-step login on"), _("Two-step login switched on")
    )
    actions.register_action(
        audit.TWO_FACTOR_DISABLED, _("Two-step login off"), _("Two-step login switched off")
    )
