"""The public forms ("Gửi tin bài", "Đề cử gương sáng") and "Đóng góp của tôi"."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cms import roles
from contributions.forms import NominationForm, TipForm
from contributions.models import Contribution
from contributions.services import create_nomination, create_tip, is_blocked


def is_member(user):
    return user.is_authenticated and (
        user.is_superuser or user.groups.filter(name=roles.MEMBERS).exists()
    )


def members_only(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("wagtailcore_login"))
        if not is_member(request.user):
            return TemplateResponse(
                request, "contributions/not_allowed.html", {"blocked": False}, status=403
            )
        return view(request, *args, **kwargs)

    return wrapped


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
    if is_blocked(request.user):
        return TemplateResponse(
            request, "contributions/not_allowed.html", {"blocked": True}, status=403
        )
    if request.method == "POST":
        form = form_class(request.POST, request.FILES, request=request)
        if form.is_valid():
            contribution = create(form.cleaned_data, request.user)
            form.record_submission()
            return redirect(reverse("contributions_mine") + f"?gui={contribution.pk}")
    else:
        form = form_class(request=request)
    return TemplateResponse(
        request,
        "contributions/form.html",
        {"form": form, "title": title, "intro": intro, "button": button},
    )


@members_only
def send_tip(request):
    return _contribute(request, Contribution.KIND_TIP)


@members_only
def nominate(request):
    return _contribute(request, Contribution.KIND_NOMINATION)


@members_only
def mine(request):
    contributions = list(
        Contribution.objects.filter(submitter=request.user).select_related("page", "department")
    )
    sent = request.GET.get("gui", "")
    return TemplateResponse(
        request,
        "contributions/mine.html",
        {
            "contributions": contributions,
            "sent": any(str(c.pk) == sent for c in contributions),
        },
    )
