"""Admin views of the editorial workflow that Wagtail does not have: takedowns with a reason,
and the explanation when an exemplar is refused approval."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.admin import messages
from wagtail.admin.mail import send_mail
from wagtail.log_actions import log
from wagtail.models import Page

from cms import roles
from cms.models import TakedownRequest
from cms.models.workflow import verification_problems

TAKEDOWN_ACTION = "lantoa.takedown"
TAKEDOWN_REQUEST_ACTION = "lantoa.takedown_request"


def verification_refused(request, page_id):
    """Where a refused approval lands: say exactly what the exemplar still lacks."""
    page = get_object_or_404(Page, pk=page_id)
    problems = verification_problems(page)
    if problems:
        messages.error(
            request,
            _("“{}” cannot be approved yet: {}. Add what is missing and approve again.").format(
                page.get_admin_display_title(), "; ".join(problems)
            ),
        )
    return redirect("wagtailadmin_pages:edit", page.pk)


class TakedownForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 4}),
        min_length=10,
        help_text=_(
            "The reason is kept in the page's history, where the Communications Board can read it."
        ),
    )


def _board_emails():
    return list(
        get_user_model()
        .objects.filter(groups__name=roles.COMMUNICATIONS, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )


def takedown(request, page_id):
    """Take a live page down with a reason, or (without publish rights) ask the board to."""
    page = get_object_or_404(Page, pk=page_id).specific
    permissions = page.permissions_for_user(request.user)
    can_unpublish = permissions.can_unpublish()
    if not can_unpublish and not permissions.can_edit():
        raise PermissionDenied
    if not page.live:
        messages.error(request, _("This page is not published, so there is nothing to take down."))
        return redirect("wagtailadmin_pages:edit", page.pk)
    pending = None
    if can_unpublish and request.GET.get("de-nghi"):
        pending = TakedownRequest.objects.filter(
            pk=request.GET["de-nghi"], page=page, status=TakedownRequest.STATUS_PENDING
        ).first()
    if pending and request.method == "POST" and request.POST.get("tu-choi"):
        pending.status = TakedownRequest.STATUS_DECLINED
        pending.decided_by = request.user
        pending.decided_at = timezone.now()
        pending.decision_note = request.POST.get("reason", "")
        pending.save()
        messages.success(request, _("Decided not to take down “{title}”.").format(title=page.title))
        return redirect("wagtailadmin_home")
    initial = {"reason": pending.reason} if pending else {}
    form = TakedownForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        reason = form.cleaned_data["reason"]
        if can_unpublish:
            _unpublish_with_reason(request, page, reason, pending)
            messages.success(
                request,
                _("“{title}” was taken down. The reason is on record.").format(title=page.title),
            )
        else:
            _request_takedown(request, page, reason)
            messages.success(
                request, _("Your takedown request has been sent to the Communications Board.")
            )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "cms/admin/takedown.html",
        {"page": page, "form": form, "can_unpublish": can_unpublish, "pending": pending},
    )


@transaction.atomic
def _unpublish_with_reason(request, page, reason, pending=None):
    UnpublishPageAction(page, user=request.user, log_action=True).execute()
    log(page, TAKEDOWN_ACTION, user=request.user, data={"reason": reason})
    takedown_request = pending or TakedownRequest(page=page, requested_by=request.user)
    takedown_request.reason = takedown_request.reason or reason
    takedown_request.status = TakedownRequest.STATUS_DONE
    takedown_request.decided_by = request.user
    takedown_request.decided_at = timezone.now()
    takedown_request.decision_note = reason if pending else ""
    takedown_request.save()


def _request_takedown(request, page, reason):
    TakedownRequest.objects.create(page=page, reason=reason, requested_by=request.user)
    log(page, TAKEDOWN_REQUEST_ACTION, user=request.user, data={"reason": reason})
    url = request.build_absolute_uri(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    send_mail(
        _("[Lan Tỏa] Takedown request: {title}").format(title=page.title),
        _(
            "{user} asks to take down “{title}”.\n\nReason: {reason}\n\nSee the page: {url}\n"
        ).format(
            user=request.user.get_full_name() or request.user.get_username(),
            title=page.title,
            reason=reason,
            url=url,
        ),
        _board_emails(),
    )


def before_unpublish(request, page):
    """Nobody unpublishes without a reason: Wagtail's own unpublish goes through ours."""
    return redirect("lantoa_takedown", page.pk)
