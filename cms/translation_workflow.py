"""Translations go through the same moderation workflow as the Vietnamese pages.

wagtail-localize 1.14.5's translation editor offers "Publish in English" to users who may
publish, and nothing else: a department editor could translate but never send the result for
review. Here:

- the translation editor of a page under a workflow gets a "Submit for review" button (the
  banner ``cms/admin/translation_review.html``, added by the override of wagtail-localize's
  template); it saves the translation as a new revision of the English page, **without touching
  the live page**, and starts the workflow, or resumes it after "request changes". The board
  approves from its dashboard as for any page, and the approved revision goes live.
- "Sync translated pages" (wagtail-localize's ``update_translations``) may publish the English
  pages only for a user who may publish each of them; wagtail-localize checks nothing but the
  ``submit_translation`` permission, which department editors have.

- wagtail-localize saves a translation "as a draft" (``save_target(publish=False)``, used by
  "Translate" for every page of a subtree, including pages already translated) by writing the
  translated text into the page row: on a live English page that is what readers see, so
  unreviewed text (or Vietnamese fallbacks) would go live. ``guard_live_translations`` makes
  that a new revision for a live page, as above.

Publishing straight from the translation editor stays limited, as wagtail-localize does it, to
users with publish rights on the page (the board).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext as _

from wagtail.models import Page, WorkflowState
from wagtail_localize.models import TranslationLog, TranslationSource
from wagtail_localize.views.update_translations import UpdateTranslationsView

SUBMIT_ACTION = "lantoa-submit-translation"


def translation_of(page):
    """The active wagtail-localize translation whose target is ``page``, or None."""
    from wagtail_localize.models import Translation

    if page.locale_id is None or not page.translation_key:
        return None
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def save_translation_draft(translation, page, user):
    """A new revision of ``page`` holding the translation; the page row (what readers see of a
    live page) stays as it is, unlike wagtail-localize's ``save_target(publish=False)``."""
    draft = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    revision = draft.save_revision(user=user)
    translation.source.sync_view_restrictions(translation.source.as_instance(), page)
    TranslationLog.objects.create(
        source=translation.source, locale=translation.target_locale, revision=revision
    )
    return revision


def review_state(page, user):
    """What the banner of the translation editor shows ``user`` about ``page``'s review."""
    workflow = page.get_workflow()
    if workflow is None:
        return None
    state = page.current_workflow_state
    perms = page.permissions_for_user(user)
    task_state = state.current_task_state if state else None
    in_review = state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    needs_changes = state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES
    return {
        "workflow": workflow,
        "in_review": in_review,
        "needs_changes": needs_changes,
        "task": task_state.task.specific if in_review and task_state else None,
        "can_review": bool(
            in_review and task_state and task_state.task.specific.get_actions(page, user)
        ),
        "can_submit": not in_review and perms.can_edit(),
        "can_publish": perms.can_publish(),
        "action": SUBMIT_ACTION,
    }


@transaction.atomic
def submit_for_review(request, page, translation):
    """POST from the translation editor: save the translation as a revision, start review."""
    page = Page.objects.select_for_update().get(pk=page.pk).specific
    state = review_state(page, request.user)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if state is None:
        messages.error(request, _("No review workflow applies to this page."))
        return redirect(edit_url)
    if not state["can_submit"]:
        if state["in_review"]:
            messages.error(request, _("This translation is already waiting for review."))
            return redirect(edit_url)
        raise PermissionDenied
    try:
        save_translation_draft(translation, page, request.user)
    except ValidationError as error:
        messages.error(
            request,
            _("The translation cannot be submitted yet: %(problems)s")
            % {"problems": "; ".join(error.messages)},
        )
        return redirect(edit_url)
    page = Page.objects.get(pk=page.pk).specific
    workflow_state = page.current_workflow_state
    if workflow_state and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        workflow_state.resume(request.user)
    else:
        state["workflow"].start(page, request.user)
    messages.success(
        request,
        _("'%(title)s' in %(language)s was submitted for review.")
        % {"title": page.get_admin_display_title(), "language": page.locale.get_display_name()},
    )
    return redirect(edit_url)


def before_edit_page(request, page):
    """Runs before wagtail-localize's own hook, which would render its editor for this POST."""
    if request.method != "POST":
        return None
    if SUBMIT_ACTION in request.POST:
        translation = translation_of(page)
        if translation is None:
            return None
        return submit_for_review(request, page, translation)
    if request.POST.get("action") == "publish" and translation_of(page) is not None:
        # A publisher publishing from the translation editor ends the review in progress, as
        # Wagtail's own "Publish" does; otherwise a later approval would put back the older
        # revision it was given.
        state = page.current_workflow_state
        if state is not None and page.permissions_for_user(request.user).can_publish():
            state.cancel(user=request.user)
    return None


def render_review_banner(request, page):
    state = review_state(page, request.user) if isinstance(page, Page) else None
    if state is None:
        return ""
    return render_to_string("cms/admin/translation_review.html", {**state, "page": page}, request)


def guard_live_translations():
    """Patch ``Translation.save_target``: a draft of a live translated page is a revision only
    (called once, from ``CmsConfig.ready``)."""
    from wagtail_localize.models import Translation

    original = Translation.save_target
    if getattr(original, "lantoa_guarded", False):
        return

    def save_target(self, user=None, publish=True):
        if not publish:
            live = (
                Page.objects.filter(
                    translation_key=self.source.object_id,
                    locale_id=self.target_locale_id,
                    live=True,
                    alias_of__isnull=True,
                )
                .specific()
                .first()
            )
            if live is not None:
                save_translation_draft(self, live, user)
                return
        original(self, user=user, publish=publish)

    save_target.lantoa_guarded = True
    Translation.save_target = save_target


def pages_user_may_not_publish(user, source):
    """The translated pages of ``source`` that ``user`` may not publish."""
    refused = []
    for translation in source.translations.filter(enabled=True):
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:
            continue
        if isinstance(target, Page) and not target.permissions_for_user(user).can_publish():
            refused.append(target)
    return refused


class GuardedUpdateTranslationsView(UpdateTranslationsView):
    """No "Publish immediately" box for a user who may not publish every translation."""

    def get_form(self):
        form = super().get_form()
        if pages_user_may_not_publish(self.request.user, self.object):
            field = form.fields["publish_translations"]
            field.disabled = True  # a posted value is ignored
            field.widget = forms.HiddenInput()
        return form


def update_translations(request, translation_source_id):
    """wagtail-localize's "Sync translated pages", refusing to publish for non-publishers."""
    if request.method == "POST" and request.POST.get("publish_translations"):
        source = get_object_or_404(TranslationSource, pk=translation_source_id)
        refused = pages_user_may_not_publish(request.user, source)
        if refused:
            messages.error(
                request,
                _(
                    "You may not publish '%(title)s'. Synchronise without publishing, then "
                    "submit the translation for review from the translation editor."
                )
                % {"title": refused[0].get_admin_display_title()},
            )
            return redirect(request.get_full_path())
    return GuardedUpdateTranslationsView.as_view()(
        request, translation_source_id=translation_source_id
    )


def admin_urls():
    # Registered ahead of wagtail-localize's own URLs, so this path resolves to the guard.
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            update_translations,
            name="lantoa_update_translations",
        )
    ]
