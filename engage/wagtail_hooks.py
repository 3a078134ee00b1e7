from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from engage import views
from engage.models import Question
from engage.permissions import BoardPermissionPolicy

register_permission_policy(Question, BoardPermissionPolicy(Question))


class AnswerColumn(Column):
    """A link to answer a question (or to its answer page, once there is one)."""

    def get_value(self, instance):
        return _("Open the answer page") if instance.page_id else _("Answer")

    def get_url(self, instance):
        return reverse("engage_question_answer", args=[instance.pk])

    cell_template_name = "wagtailadmin/tables/title_cell.html"


class QuestionViewSet(ModelViewSet):
    model = Question
    name = "engage_question"
    url_prefix = "hoi-dap"
    icon = "help"
    menu_label = _("Members' questions")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["short_question", "topic", "status", "created_at", AnswerColumn("answer")]
    list_filter = ["topic", "status"]
    search_fields = ["question"]
    search_backend_name = None
    form_fields = ["topic", "question", "status", "board_note"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "topic",
        "question",
        "status",
        "name",
        "email",
        "created_at",
        "page",
        "notified_at",
        "board_note",
    ]
    list_export = ["created_at", "topic", "status", "question"]


@hooks.register("register_admin_viewset")
def register_question_viewset():
    return QuestionViewSet()


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "khao-sat/<int:page_id>/tong-hop/",
            views.survey_summary,
            name="engage_survey_summary",
        ),
        path(
            "hoi-dap/<int:pk>/tra-loi/",
            views.answer_question,
            name="engage_question_answer",
        ),
    ]
