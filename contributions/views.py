"""The public forms ("Gửi tin bài", "Đề cử gương sáng") and "Đóng góp của tôi".

Members (logged in) may always send. When the board switches on "allow contributions from a
verified e-mail" (ContributionSettings), anyone else may send after verifying an address
(``contributions.verification``); otherwise they are refused with a log-in link.
"""

from functools import wraps

from django.core import signing
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from cms import roles
from contributions import verification
from contributions.forms import NominationForm, TipForm, VerifyEmailForm
from contributions.models import Contribution
from contributions.services import Submitter, create_nomination, create_tip, is_blocked


def is_member(user):
    return user.is_authenticated and (
        user.is_superuser or user.groups.filter(name=roles.MEMBERS).exists()
    )


def _login_url(request, path=None):
    return reverse("wagtailcore_login") + "?" + urlencode({"next": path or request.path})


def _refuse(request, blocked=False, kept=False):
    """403: blocked for spam, or not a member while the verified e-mail route is off."""
    return TemplateResponse(
        request,
        "contributions/not_allowed.html",
        {"blocked": blocked, "login_url": _login_url(request), "kept": kept},
        status=403,
    )


# What a visitor typed when their log-in or verified address lapsed while writing: kept in the
# session (text only; photos must be chosen again) and put back in the form once they return.
KEPT_KEY = "contributions_kept_text"
KEPT_FORMS = {"tip": TipForm, "nomination": NominationForm}
KIND_NAMES = {Contribution.KIND_TIP: "tip", Contribution.KIND_NOMINATION: "nomination"}


def _keep_text(request, next_name):
    """On a refused POST of a contribution form, keep its text fields in the session."""
    if request.method != "POST" or next_name not in KEPT_FORMS:
        return False
    names = [name for name in KEPT_FORMS[next_name].field_order if name != "photos"]
    kept = {name: request.POST[name][:6000] for name in names if request.POST.get(name)}
    if not kept:
        return False
    request.session[KEPT_KEY] = {"kind": next_name, "data": kept}
    return True


def _kept_text(request, kind):
    """The text kept for this form, removed from the session (None when there is none)."""
    kept = request.session.get(KEPT_KEY) if hasattr(request, "session") else None
    if not isinstance(kept, dict) or kept.get("kind") != KIND_NAMES[kind]:
        return None
    request.session.pop(KEPT_KEY)
    return kept.get("data") if isinstance(kept.get("data"), dict) else None


def contributors_only(next_name):
    """Members pass; others pass with a verified e-mail when the setting is on, are asked to
    verify one when it is on, and are refused with a log-in link when it is off. The view
    gets ``request.submitter`` (a services.Submitter)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if is_member(request.user):
                request.submitter = Submitter(user=request.user)
            elif verification.is_switched_on(request):
                email = verification.verified_email(request)
                if not email:
                    kept = _keep_text(request, next_name)
                    return verify_email(request, next_name=next_name, kept=kept)
                user = request.user if request.user.is_authenticated else None
                request.submitter = Submitter(user=user, email=email)
            else:
                return _refuse(request, kept=_keep_text(request, next_name))
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


FORMS = {
    Contribution.KIND_TIP: (
        TipForm,
        create_tip,
        _("Send a news story"),
        _(
            "Something worth telling in your unit? Send it here. It reaches the editors of the "
            "department union you choose as a draft; nothing is published before the "
            "communications board approves it. Your name is never shown on the site."
        ),
        _("Send the story"),
    ),
    Contribution.KIND_NOMINATION: (
        NominationForm,
        create_nomination,
        _("Nominate an exemplar"),
        _(
            "Know a colleague whose good deeds deserve to be known? Nominate them here. The "
            "editors check with the person before anything is published. Your name is never "
            "shown on the site."
        ),
        _("Send the nomination"),
    ),
}


def _contribute(request, kind):
    form_class, create, title, intro, button = FORMS[kind]
    if is_blocked(request.submitter):
        return _refuse(request, blocked=True)
    restored = None
    if request.method == "POST":
        form = form_class(request.POST, request.FILES, request=request)
        if form.is_valid():
            contribution = create(form.cleaned_data, request.submitter)
            form.record_submission()
            return redirect(reverse("contributions_mine") + f"?gui={contribution.pk}")
    else:
        restored = _kept_text(request, kind)
        form = form_class(request=request, initial=restored)
    return TemplateResponse(
        request,
        "contributions/form.html",
        {
            "form": form,
            "restored": bool(restored),
            "title": title,
            "intro": intro,
            "button": button,
            "verified_email": request.submitter.email,
        },
    )


@contributors_only("tip")
def send_tip(request):
    return _contribute(request, Contribution.KIND_TIP)


@contributors_only("nomination")
def nominate(request):
    return _contribute(request, Contribution.KIND_NOMINATION)


@contributors_only("mine")
def mine(request):
    submitter = request.submitter
    if submitter.email:
        sent_by = Contribution.objects.filter(submitter_email__iexact=submitter.email)
    else:
        sent_by = Contribution.objects.filter(submitter=submitter.user)
    contributions = list(sent_by.select_related("page", "department"))
    sent = request.GET.get("gui", "")
    return TemplateResponse(
        request,
        "contributions/mine.html",
        {
            "contributions": contributions,
            "sent": any(str(c.pk) == sent for c in contributions),
            "verified_email": submitter.email,
        },
    )


def verify_email(request, next_name="tip", kept=False):
    """Ask for an address and e-mail it a link (the setting must be on)."""
    if not kept:
        next_name = request.POST.get("next", next_name)
    if next_name not in verification.NEXT_URLS:
        next_name = "tip"
    if is_member(request.user):
        return redirect(verification.NEXT_URLS[next_name])
    if not verification.is_switched_on(request):
        return _refuse(request)
    sent_to = ""
    form = VerifyEmailForm(request=request)
    if request.method == "POST" and "email" in request.POST and not kept:
        form = VerifyEmailForm(request.POST, request=request)
        if form.is_valid():
            sent_to = form.cleaned_data["email"]
            verification.send_link(request, sent_to, next_name)
            verification.VERIFY_LIMIT.record(request, sent_to)
            form = VerifyEmailForm(request=request)
    return TemplateResponse(
        request,
        "contributions/verify.html",
        {
            "form": form,
            "sent_to": sent_to,
            "next_name": next_name,
            "kept": kept,
            "action": reverse("contributions_verify"),
            "login_url": _login_url(request, reverse(verification.NEXT_URLS[next_name])),
            "hours": verification.max_age() // 3600,
        },
    )


def verify_link(request, token):
    """The link from the e-mail: mark this browser verified for the address, then go on."""
    if not verification.is_switched_on(request):
        return _refuse(request)
    try:
        email, next_name = verification.read_token(token)
    except signing.SignatureExpired:
        problem = "expired"
    except signing.BadSignature:
        problem = "invalid"
    else:
        verification.mark_verified(request, email)
        return redirect(verification.NEXT_URLS[next_name])
    return TemplateResponse(
        request,
        "contributions/verify.html",
        {
            "form": VerifyEmailForm(request=request),
            "problem": problem,
            "next_name": "tip",
            "action": reverse("contributions_verify"),
            "login_url": _login_url(request, reverse("contributions_tip")),
            "hours": verification.max_age() // 3600,
        },
        status=400,
    )
