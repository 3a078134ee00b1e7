"""Admin views: a survey's choice questions as counts, and "answer this question"."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.admin.widgets import HeaderButton
from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.contrib.forms.views import SubmissionsListView
from wagtail.models import Locale, Page

from engage.models import QAIndexPage, QAPage, Question, SurveyPage
from engage.permissions import is_board


class SurveySubmissionsListView(SubmissionsListView):
    """Wagtail's answers listing (with CSV and XLSX export), plus a link to the counts."""

    @property
    def header_buttons(self):
        return [
            HeaderButton(
                _("Summary of choices"),
                url=reverse("engage_survey_summary", args=[self.form_page.pk]),
                icon_name="table",
            )
        ]


def survey_summary(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, SurveyPage):
        raise PermissionDenied
    if not get_forms_for_user(request.user).filter(pk=page.pk).exists():
        raise PermissionDenied
    return TemplateResponse(
        request,
        "engage/admin/survey_summary.html",
        {
            "page": page,
            "summary": page.choice_summary(),
            "submissions_url": reverse("wagtailforms:list_submissions", args=[page.pk]),
            "header_title": _("Summary of choices: %(title)s") % {"title": page.title},
        },
    )


def qa_index_for(question):
    default = Locale.get_default()
    return QAIndexPage.objects.filter(locale=default).first() or QAIndexPage.objects.first()


def answer_question(request, pk):
    """GET: what will happen; POST: a draft answer page under the Q&A page, then its editor."""
    if not is_board(request.user):
        raise PermissionDenied
    question = get_object_or_404(Question, pk=pk)
    if question.page_id:
        return redirect("wagtailadmin_pages:edit", question.page_id)
    index = qa_index_for(question)
    if request.method == "POST":
        if index is None:
            messages.error(request, _("Create the Q&A page first: answers are published under it."))
            return redirect("engage_question:edit", question.pk)
        page = QAPage(
            title=question.short_question,
            topic=question.topic,
            question=question.question,
            answer="",
            owner=request.user,
            live=False,
        )
        index.add_child(instance=page)
        page.save_revision(user=request.user, log_action=True, clean=False)
        question.page = page
        question.status = Question.Status.ANSWERING
        question.save(update_fields=["page", "status"])
        messages.success(
            request,
            _(
                "A draft answer page was created. Remove anything that identifies the asker, "
                "write the answer, then publish it (or submit it for review); the asker is "
                "e-mailed when it is published."
            ),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "engage/admin/answer_question.html",
        {
            "question": question,
            "index": index,
            "header_title": _("Answer a question"),
        },
    )
