"""The editors' side: decline a member's contribution with a reason (or as spam)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from contributions.models import Contribution
from contributions.services import decline


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason (the member will read it)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": gettext_lazy("Please give a short reason.")},
    )
    spam = forms.BooleanField(
        label=gettext_lazy("Declined as spam: block this account from sending any more"),
        required=False,
    )


def can_handle(user, contribution):
    page = contribution.page
    if page is None:
        return user.is_superuser
    return page.permissions_for_user(user).can_edit()


def decline_view(request, pk):
    contribution = get_object_or_404(
        Contribution.objects.select_related("page", "submitter"), pk=pk
    )
    if not can_handle(request.user, contribution):
        raise PermissionDenied
    if contribution.status in (Contribution.STATUS_DECLINED, Contribution.STATUS_PUBLISHED):
        messages.error(request, _("This contribution has already been handled."))
        return redirect("wagtailadmin_home")
    form = DeclineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        decline(contribution, form.cleaned_data["reason"], request.user, form.cleaned_data["spam"])
        messages.success(request, _("“%(title)s” was declined.") % {"title": contribution.title})
        return redirect("wagtailadmin_home")
    return TemplateResponse(
        request,
        "contributions/admin/decline.html",
        {
            "contribution": contribution,
            "form": form,
            "header_title": _("Decline: %(title)s") % {"title": contribution.title},
        },
    )
