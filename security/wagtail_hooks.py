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


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    from django.urls import path

    from security import twofactor

    return [
        path("hai-buoc/xac-minh/", twofactor.VerifyView.as_view(), name="security_2fa_verify"),
        path("hai-buoc/thiet-lap/", twofactor.SetupView.as_view(), name="security_2fa_setup"),
        path(
            "hai-buoc/ma-du-phong/",
            twofactor.RecoveryCodesView.as_view(),
            name="security_2fa_codes",
        ),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    from django.urls import reverse

    from security.twofactor import has_second_factor

    enabled = has_second_factor(request.user)
    return {
        "url": reverse("security_2fa_setup"),
        "label": _("Two-step login"),
        "help_text": _("On: the admin asks for a code from your phone after your password.")
        if enabled
        else _("Off: switch it on to protect your account with a code from your phone."),
    }
