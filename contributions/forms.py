"""The two public forms: a news tip and an exemplar nomination (honeypot and rate limit shared),
and the form where a visitor who is not a member asks for a verification link."""

import hashlib
import time

from django import forms
from django.conf import settings
from django.db import connection
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from cms.models import DepartmentPage
from contributions.photos import check_photo, max_photos
from contributions.verification import VERIFY_LIMIT, normalise, verified_email
from engage.spam import RateLimit, SpamProtectedForm
from exemplars.models import ExemplarCategory


class ContributionRateLimit(RateLimit):
    """Per address and per account, and per verified e-mail for visitors who are not members
    (counted against the per-account limit)."""

    def _keys(self, request):
        keys, window = super()._keys(request)
        email = verified_email(request)
        if email:
            per_account = self.limits[1]
            bucket = int(time.time() // window)
            digest = hashlib.sha256(f"{settings.SECRET_KEY}:{email}".encode()).hexdigest()[:32]
            keys.append((f"engage:rl:{self.scope}:email:{digest}:{bucket}", per_account))
        return keys, window


CONTRIBUTION_RATE = ContributionRateLimit(
    "contribution", per_address=10, per_account=5, window=3600
)

CONSENT_AGREED = "agreed"
CONSENT_ASKED = "asked"
CONSENT_NOT_ASKED = "not_asked"
CONSENT_CHOICES = [
    (CONSENT_AGREED, _("The person has agreed to be nominated and to appear on the site")),
    (CONSENT_ASKED, _("I have asked; the person has not answered yet")),
    (CONSENT_NOT_ASKED, _("I have not asked the person yet")),
]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Up to ``max_photos()`` photos, each a sound image under the size limit."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget",
            MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}),
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = [item for item in (data if isinstance(data, (list, tuple)) else [data]) if item]
        if len(files) > max_photos():
            raise forms.ValidationError(
                _("Please send at most %(max)s photos."),
                code="too_many_photos",
                params={"max": max_photos()},
            )
        errors = []
        for uploaded in files:
            super().clean(uploaded, initial)
            try:
                check_photo(uploaded)
            except forms.ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise forms.ValidationError(errors)
        return files


class RowChoiceField(forms.ModelChoiceField):
    """A choice of rows that refuses a forged id beyond the database's integer range with the
    field's own "choose one in the list" message (the database would overflow on it)."""

    def to_python(self, value):
        if value not in self.empty_values:
            pk = self.queryset.model._meta.pk
            pk = getattr(pk, "target_field", pk)  # a page's page_ptr points at Page.id
            low, high = connection.ops.integer_field_range(pk.get_internal_type())
            try:
                in_range = low <= int(str(value).strip()) <= high
            except ValueError:
                in_range = True  # not a number: the usual invalid_choice
            if not in_range:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice"
                )
        return super().to_python(value)


def departments():
    return DepartmentPage.objects.filter(locale=Locale.get_default()).order_by("title")


class ContributionForm(SpamProtectedForm, forms.Form):
    rate_limit = CONTRIBUTION_RATE

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"] = RowChoiceField(
            label=_("Department union"),
            help_text=_("The department union whose editors will receive it."),
            queryset=departments(),
            empty_label=_("— Choose a department union —"),
            error_messages={
                "required": _("Please choose a department union."),
                "invalid_choice": _("Please choose one of the department unions in the list."),
            },
        )
        self.fields["photos"] = PhotosField(
            label=_("Photos (optional)"),
            help_text=_(
                "Up to 5 photos (JPEG, PNG, GIF or WebP). Location data is removed from them. "
                "Please choose them again if the form shows an error."
            ),
            required=False,
        )
        user = getattr(self.request, "user", None)
        profile = getattr(user, "member_profile", None) if user else None
        if profile is not None and profile.department_id and not self.is_bound:
            self.initial.setdefault("department", profile.department_id)
        self.order_fields(self.field_order)


class TipForm(ContributionForm):
    title = forms.CharField(
        label=_("Headline"),
        max_length=200,
        help_text=_("A short headline, e.g. Khoa Toán – Tin thăm hỏi đoàn viên ốm đau."),
        error_messages={"required": _("Please write a headline.")},
    )
    lead = forms.CharField(
        label=_("In brief"),
        max_length=600,
        help_text=_("Two or three sentences: who, what, where, when."),
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 600}),
        error_messages={"required": _("Please say in two or three sentences what happened.")},
    )
    body = forms.CharField(
        label=_("The story"),
        max_length=10000,
        help_text=_("As much as you know; the editors will tidy it up."),
        widget=forms.Textarea(attrs={"rows": 10, "maxlength": 10000}),
        error_messages={"required": _("Please write the story.")},
    )
    note = forms.CharField(
        label=_("A note for the editors (optional, never published)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 1000}),
    )

    field_order = ["title", "lead", "body", "department", "photos", "note"]


class NominationForm(ContributionForm):
    name = forms.CharField(
        label=_("Full name of the person"),
        max_length=120,
        error_messages={"required": _("Please write the person's full name.")},
    )
    position = forms.CharField(
        label=_("Position or job"),
        max_length=160,
        help_text=_("E.g. Lecturer, Librarian."),
        error_messages={"required": _("Please write the person's position or job.")},
    )
    unit = forms.CharField(
        label=_("Unit"),
        max_length=160,
        help_text=_("The faculty, office or centre where the person works."),
        error_messages={"required": _("Please write the person's unit.")},
    )
    category = RowChoiceField(
        label=_("Kind of recognition"),
        queryset=ExemplarCategory.objects.none(),
        empty_label=_("— Choose —"),
        error_messages={
            "required": _("Please choose the kind of recognition."),
            "invalid_choice": _("Please choose one of the kinds in the list."),
        },
    )
    deeds = forms.CharField(
        label=_("What the person did"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": 5000}),
        error_messages={"required": _("Please describe what the person did.")},
    )
    why = forms.CharField(
        label=_("Why the person deserves recognition"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 3000}),
        error_messages={"required": _("Please say why the person deserves recognition.")},
    )
    confirm = forms.CharField(
        label=_("Who can confirm (never published)"),
        max_length=500,
        help_text=_("Name and contact of a colleague or manager who can confirm."),
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": 500}),
        error_messages={"required": _("Please name someone who can confirm.")},
    )
    consent = forms.ChoiceField(
        label=_("The person's consent"),
        choices=CONSENT_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please say whether the person has agreed.")},
    )

    field_order = [
        "name",
        "position",
        "unit",
        "category",
        "deeds",
        "why",
        "confirm",
        "consent",
        "department",
        "photos",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        categories = ExemplarCategory.objects.filter(locale=Locale.get_default()).order_by("name")
        self.fields["category"].queryset = categories
        if not categories.exists():
            # No kinds defined yet: the editors choose one later (services picks a placeholder).
            self.fields.pop("category")


class VerifyEmailForm(SpamProtectedForm, forms.Form):
    """A visitor's e-mail address, to which the verification link is sent."""

    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We send a link to this address; open it to continue."),
        error_messages={
            "required": _("Please write your e-mail address."),
            "invalid": _("Please write a valid e-mail address, e.g. ten@truong.edu.vn."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}),
    )

    def clean(self):
        cleaned = super().clean()
        email = cleaned.get("email") if cleaned else None
        if email and self.request is not None and VERIFY_LIMIT.exceeded(self.request, email):
            raise forms.ValidationError(
                _(
                    "Too many verification e-mails were asked for in a short while. Please "
                    "wait about %(minutes)s minutes, or use the link we already sent."
                ),
                code="rate_limited",
                params={"minutes": VERIFY_LIMIT.minutes_left()},
            )
        if email:
            cleaned["email"] = normalise(email)
        return cleaned
