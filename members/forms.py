from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm

from cms import roles


class MemberPasswordResetForm(PasswordResetForm):
    """Django's reset form, which also reaches imported members who have no password yet.

    ``import_members`` creates accounts without a usable password; the reset e-mail is how a
    member sets their first one. Other accounts without a password (disabled on purpose, or
    single sign-on) are still left alone, as Django does.
    """

    def get_users(self, email):
        email_field = get_user_model().get_email_field_name()
        users = get_user_model()._default_manager.filter(
            **{f"{email_field}__iexact": email, "is_active": True}
        )
        for user in users:
            if user.has_usable_password() or user.groups.filter(name=roles.MEMBERS).exists():
                yield user
