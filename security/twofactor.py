"""Two-step login (TOTP, with recovery codes) through django-otp.

Who must use it: every account that can publish or administer, when ``LANTOA_REQUIRE_2FA`` is
on (production). Anyone may switch it on from their admin account page; once on, the admin
always asks for the code after the password.
"""

import django_otp
import segno
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django import forms
from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import GroupPagePermission

from security import audit

RECOVERY_CODES = 10
TOTP_NAME = "Ứng dụng xác thực"
STATIC_NAME = "Mã dự phòng"


def can_publish_or_administer(user):
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if user.has_perm("auth.change_user") or user.has_perm("auth.change_group"):
        return True
    return GroupPagePermission.objects.filter(
        group__user=user, permission__codename="publish_page"
    ).exists()


def has_second_factor(user):
    return django_otp.user_has_device(user, confirmed=True)


def second_factor_required(user):
    return has_second_factor(user) or (
        settings.LANTOA_REQUIRE_2FA and can_publish_or_administer(user)
    )


def new_recovery_codes(user):
    device, _created = StaticDevice.objects.get_or_create(user=user, name=STATIC_NAME)
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def _safe_next(request, default):
    target = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME)
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        help_text=_("The 6 digits in your authenticator app, or one of your recovery codes."),
    )

    def __init__(self, user, devices, *args, **kwargs):
        self.user = user
        self.devices = devices
        self.device = None
        super().__init__(*args, **kwargs)

    def clean_token(self):
        token = "".join(self.cleaned_data["token"].split()).lower()
        for device in self.devices:
            if device.verify_is_allowed()[0] and device.verify_token(token):
                self.device = device
                return token
        raise forms.ValidationError(_("This code is wrong or has expired. Try the next one."))


class VerifyView(WagtailAdminTemplateMixin, FormView):
    """The second step of the admin login."""

    template_name = "security/twofactor_verify.html"
    page_title = _("Two-step login")
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect("wagtailadmin_login")
        if not has_second_factor(request.user):
            return redirect("security_2fa_setup")
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, form_class=None):
        devices = list(django_otp.devices_for_user(self.request.user, confirmed=True))
        return TokenForm(self.request.user, devices, **self.get_form_kwargs())

    def form_valid(self, form):
        django_otp.login(self.request, form.device)
        return redirect(_safe_next(self.request, reverse("wagtailadmin_home")))

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=_safe_next(self.request, ""), **kwargs)


class SetupView(WagtailAdminTemplateMixin, FormView):
    """Switch on two-step login: scan the QR code, type one code, keep the recovery codes."""

    template_name = "security/twofactor_setup.html"
    page_title = _("Set up two-step login")
    header_icon = "key"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect("wagtailadmin_login")
        if has_second_factor(request.user) and not request.user.is_verified():
            return redirect("security_2fa_verify")
        return super().dispatch(request, *args, **kwargs)

    def pending_device(self):
        device = TOTPDevice.objects.filter(user=self.request.user, confirmed=False).first()
        return device or TOTPDevice.objects.create(
            user=self.request.user, name=TOTP_NAME, confirmed=False
        )

    def get_form(self, form_class=None):
        self.device = self.pending_device()
        return TokenForm(self.request.user, [self.device], **self.get_form_kwargs())

    def form_valid(self, form):
        TOTPDevice.objects.filter(user=self.request.user, confirmed=True).delete()
        form.device.confirmed = True
        form.device.save()
        codes = new_recovery_codes(self.request.user)
        django_otp.login(self.request, form.device)
        audit.log_account(self.request.user, audit.TWO_FACTOR_ENABLED)
        return self.render_to_response(
            self.get_context_data(form=form, recovery_codes=codes, done=True)
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        device = getattr(self, "device", None) or self.pending_device()
        qr = segno.make(device.config_url, error="m")
        context.update(
            qr_svg=qr.svg_inline(scale=5, dark="#1b1b1b", light="#ffffff"),
            secret=_base32(device.bin_key),
            required=second_factor_required(self.request.user),
            enabled=has_second_factor(self.request.user),
        )
        return context


class RecoveryCodesView(WagtailAdminTemplateMixin, TemplateView):
    """New recovery codes (the old ones stop working)."""

    template_name = "security/twofactor_codes.html"
    page_title = _("Recovery codes")
    header_icon = "key"

    def post(self, request, *args, **kwargs):
        if not has_second_factor(request.user) or not request.user.is_verified():
            return redirect("security_2fa_setup")
        codes = new_recovery_codes(request.user)
        return self.render_to_response(self.get_context_data(recovery_codes=codes))

    def get(self, request, *args, **kwargs):
        return redirect("security_2fa_setup")


def _base32(key):
    import base64

    secret = base64.b32encode(key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


class TwoFactorMiddleware:
    """In the admin, an account that needs the second factor must give it before anything else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and request.path_info.startswith(settings.LANTOA_ADMIN_PATH)
            and user.is_authenticated
            and not user.is_verified()
            and not self.exempt(request.path_info)
            and second_factor_required(user)
        ):
            target = "security_2fa_verify" if has_second_factor(user) else "security_2fa_setup"
            url = reverse(target)
            if request.method == "GET":
                url += "?" + urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})
            return redirect(url)
        return self.get_response(request)

    @staticmethod
    def exempt(path):
        exempt = [
            reverse("security_2fa_verify"),
            reverse("security_2fa_setup"),
            reverse("wagtailadmin_login"),
            reverse("wagtailadmin_logout"),
            reverse("wagtailadmin_password_reset"),
        ]
        return any(path.startswith(prefix) for prefix in exempt) or "/jsi18n/" in path
