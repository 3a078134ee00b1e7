"""Password reset by e-mail and log out, in the public site's own layout (Django's auth views)."""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy

from members.forms import MemberPasswordResetForm


class PasswordResetView(auth_views.PasswordResetView):
    form_class = MemberPasswordResetForm
    template_name = "members/password_reset_form.html"
    email_template_name = "members/password_reset_email.txt"
    subject_template_name = "members/password_reset_subject.txt"
    success_url = reverse_lazy("members_password_reset_done")
    extra_email_context = {"site_name": settings.WAGTAIL_SITE_NAME}


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "members/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "members/password_reset_confirm.html"
    success_url = reverse_lazy("members_password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "members/password_reset_complete.html"


class LogoutView(auth_views.LogoutView):
    """Log out (POST only, as Django requires) and return to the home page."""

    next_page = "/"
