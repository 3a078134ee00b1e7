"""The reminder's link: a draft article, in the user's department, linked to the campaign."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log
from wagtail.rich_text import RichText

from articles.models import ArticlePage, NewsIndexPage
from cms.admin_panels import departments_of
from planning.models import Occasion
from planning.reminders import campaign_for


def draft_parent(user):
    """Where ``user`` writes: their department (in the default language), else Tin tức for
    the board; None when they may add articles nowhere."""
    candidates = list(
        departments_of(user).filter(locale__language_code=settings.LANGUAGE_CODE).order_by("title")
    )
    candidates += list(
        NewsIndexPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("pk")
    )
    for parent in candidates:
        if ArticlePage in parent.specific_class.allowed_subpage_models() and (
            parent.permissions_for_user(user).can_add_subpage()
        ):
            return parent
    return None


def create_draft(request, occasion_id, year):
    occasion = get_object_or_404(Occasion, pk=occasion_id)
    if not 1900 < year < 3000:
        raise PermissionDenied
    parent = draft_parent(request.user)
    if parent is None:
        raise PermissionDenied
    campaign = campaign_for(occasion, year)
    first, _last = occasion.occurrence(year)
    context = {
        "occasion": occasion,
        "year": year,
        "first": first,
        "parent": parent,
        "campaign": campaign,
        "page_title": _("Start a draft"),
        "header_icon": "doc-empty-inverse",
    }
    if request.method != "POST":
        return TemplateResponse(request, "planning/create_draft.html", context)
    page = ArticlePage(
        title=_("%(name)s %(year)s – %(unit)s")
        % {"name": occasion.name, "year": year, "unit": parent.title},
        lead=_("Draft for %(name)s (%(date)s): replace this with the lead paragraph.")
        % {"name": occasion.name, "date": f"{first:%d/%m/%Y}"},
        body=[("paragraph", RichText(f"<p>{_('Write the article here.')}</p>"))],
        campaign=campaign,
        date=timezone.localdate(),
        live=False,
        owner=request.user,
    )
    parent.add_child(instance=page)
    page.save_revision(user=request.user, log_action=False)
    log(instance=page, action="wagtail.create", user=request.user)
    messages.success(
        request,
        _("Draft created in %(parent)s, linked to %(campaign)s.")
        % {
            "parent": parent.title,
            "campaign": campaign.title if campaign else _("no campaign"),
        },
    )
    return redirect("wagtailadmin_pages:edit", page.pk)
