"""Turning a submission into a draft page, telling the editors, declining, and publishing."""

import html
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.rich_text import RichText

from articles.models import ArticlePage
from cms.text import slugify_vi
from contributions.forms import CONSENT_CHOICES
from contributions.models import BlockedSubmitter, Contribution
from contributions.photos import save_photos
from exemplars.models import ExemplarPage

RECEIVED_ACTION = "contributions.received"


def _paragraphs(text):
    blocks = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]
    return [
        ("paragraph", RichText("<p>" + html.escape(block).replace("\n", "<br>") + "</p>"))
        for block in blocks
    ]


def _image_blocks(images):
    return [("image", {"image": image, "caption": "", "credit": ""}) for image in images]


def _unique_slug(parent, title):
    base = slugify_vi(title, max_length=70) or "gop-tin"
    slug, number = base, 1
    siblings = set(parent.get_children().values_list("slug", flat=True))
    while slug in siblings:
        number += 1
        slug = f"{base}-{number}"
    return slug


@dataclass(frozen=True)
class Submitter:
    """Who is sending: a logged-in account, and/or the verified e-mail address of someone who
    is not a member (set only then)."""

    user: object = None
    email: str = ""


def is_blocked(submitter):
    query = Q(pk__in=[])
    if submitter.user is not None and submitter.user.is_authenticated:
        query |= Q(user=submitter.user)
    if submitter.email:
        query |= Q(email__iexact=submitter.email)
    return BlockedSubmitter.objects.filter(query).exists()


def submitter_name(user):
    return user.get_full_name() or user.get_username()


@transaction.atomic
def create_tip(data, submitter):
    department = data["department"]
    parent = department.original
    images = save_photos(data.get("photos") or [], data["title"], department)
    page = ArticlePage(
        title=data["title"],
        slug=_unique_slug(parent, data["title"]),
        lead=data["lead"],
        body=_paragraphs(data["body"]) + _image_blocks(images[1:]),
        hero_image=images[0] if images else None,
        live=False,
    )
    note = data.get("note", "")
    return _finish(Contribution.KIND_TIP, page, parent, submitter, note, images, data["title"])


def _placeholder_category():
    """The kind given to a nomination when the board has not defined any kinds yet."""
    from wagtail.models import Locale

    from exemplars.models import ExemplarCategory

    category, _created = ExemplarCategory.objects.get_or_create(
        slug="de-cu-cua-doan-vien",
        locale=Locale.get_default(),
        defaults={"name": "Đề cử của đoàn viên"},
    )
    return category


@transaction.atomic
def create_nomination(data, submitter):
    department = data["department"]
    parent = department.original
    images = save_photos(data.get("photos") or [], data["name"], department)
    why = " ".join(data["why"].split())
    page = ExemplarPage(
        title=data["name"],
        slug=_unique_slug(parent, data["name"]),
        position=data["position"],
        unit=data["unit"],
        category=data.get("category") or _placeholder_category(),
        citation=why[:250],
        story=_paragraphs(data["deeds"]) + _paragraphs(data["why"]) + _image_blocks(images[1:]),
        portrait=images[0] if images else None,
        nominating_unit=parent.display_name,
        consent_recorded=False,
        photo_rights_recorded=False,
        live=False,
    )
    consent = dict(CONSENT_CHOICES)[data["consent"]]
    note = "\n".join(
        [
            _("Who can confirm: %(confirm)s") % {"confirm": data["confirm"]},
            _("Consent: %(consent)s") % {"consent": consent},
        ]
    )
    return _finish(
        Contribution.KIND_NOMINATION, page, parent, submitter, note, images, data["name"]
    )


def _finish(kind, page, parent, submitter, note, images, title):
    parent.add_child(instance=page)
    # No owner, no revision author: the submitter is kept on the Contribution only.
    page.save_revision(user=None, log_action=False)
    contribution = Contribution.objects.create(
        kind=kind,
        submitter=submitter.user if getattr(submitter.user, "is_authenticated", False) else None,
        submitter_email=submitter.email,
        department=parent,
        page=page,
        title=title,
        note=note,
        image_ids=[image.pk for image in images],
    )
    log(
        page,
        RECEIVED_ACTION,
        data={"kind": kind, "note": note, "contribution": contribution.pk},
    )
    transaction.on_commit(lambda: notify_editors(contribution))
    return contribution


def _site_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def editors_of(department):
    group = department.original.editors_group if department else None
    if group is None:
        return []
    return [user for user in group.user_set.filter(is_active=True) if user.email]


def notify_editors(contribution):
    from django.urls import reverse

    edit_url = _site_url(reverse("wagtailadmin_pages:edit", args=[contribution.page_id]))
    for editor in editors_of(contribution.department):
        language = getattr(getattr(editor, "wagtail_userprofile", None), "preferred_language", "")
        with override(language or settings.LANGUAGE_CODE):
            context = {"contribution": contribution, "edit_url": edit_url, "user": editor}
            send_mail(
                render_to_string("contributions/email/editors_subject.txt", context).strip(),
                render_to_string("contributions/email/editors_body.txt", context),
                None,
                [editor.email],
            )


def _tell_submitter(contribution, template, **extra):
    address = contribution.reply_address()
    if not address:
        return
    user = contribution.submitter
    name = submitter_name(user) if user is not None else ""
    with override(settings.LANGUAGE_CODE):
        context = {"contribution": contribution, "name": name, **extra}
        send_mail(
            render_to_string(f"contributions/email/{template}_subject.txt", context).strip(),
            render_to_string(f"contributions/email/{template}_body.txt", context),
            None,
            [address],
        )


@transaction.atomic
def decline(contribution, reason, by, spam=False):
    contribution.status = Contribution.STATUS_DECLINED
    contribution.reason = reason
    contribution.declined_as_spam = spam
    contribution.declined_at = timezone.now()
    contribution.save()
    if spam and contribution.submitter_id:
        BlockedSubmitter.objects.get_or_create(
            user=contribution.submitter, defaults={"blocked_by": by}
        )
    if spam and contribution.submitter_email:
        blocked = BlockedSubmitter.objects.filter(email__iexact=contribution.submitter_email)
        if not blocked.exists():
            BlockedSubmitter.objects.create(email=contribution.submitter_email, blocked_by=by)
    if contribution.page_id:
        log(
            contribution.page,
            "contributions.declined",
            user=by,
            data={"reason": reason, "spam": spam},
        )
    if not spam:
        transaction.on_commit(lambda: _tell_submitter(contribution, "declined"))


def page_was_published(page):
    """Mark the contributions of ``page`` published and tell each submitter, with the link."""
    contributions = Contribution.objects.filter(page_id=page.pk).exclude(
        status__in=[Contribution.STATUS_PUBLISHED, Contribution.STATUS_DECLINED]
    )
    for contribution in contributions.select_related("submitter"):
        contribution.status = Contribution.STATUS_PUBLISHED
        contribution.save(update_fields=["status"])
        url = Page.objects.get(pk=page.pk).specific.get_full_url()
        _tell_submitter(contribution, "published", url=url)
