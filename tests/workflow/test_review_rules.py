"""The review rules: who reviews step 1, nobody approves their own work, one approval publishes
once, exemplars are verified before they go out, and scheduled pages go live at their minute.
"""

import datetime
import io
from unittest import mock

import pytest

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, PageLogEntry, TaskState

from articles.models import ArticlePage
from cms.models import BoardApprovalTask, DepartmentReviewTask
from tests import factories
from tests.workflow.helpers import (
    add_url,
    article_form,
    current_task,
    current_task_state,
    draft_article,
    edit_url,
    exemplar_form,
    local_input,
    make_user,
    start_review,
    task_states,
    workflow_action_url,
)

SUBMIT = {"action-submit": "Gửi duyệt"}


def submit_new_article(client, parent, title, **extra):
    """Draft and submit an article in one go, as the editor's "Gửi duyệt" on a new page."""
    response = client.post(
        add_url(ArticlePage, parent), article_form(title=title, **extra, **SUBMIT)
    )
    assert response.status_code == 302, response.context and response.context["form"].errors
    return ArticlePage.objects.get(title=title)


def recipients(mailoutbox):
    return sorted(address for message in mailoutbox for address in message.to)


def actions_for(page, user):
    page = Page.objects.get(pk=page.pk)
    return [name for name, _label, _modal in page.current_workflow_task.get_actions(page, user)]


# Step 1 passes on by itself -----------------------------------------------------------------


def test_board_page_without_department_skips_step_1(editorial, as_user, mailoutbox):
    page = submit_new_article(as_user("board2"), editorial.news, "Thông báo của Ban Tuyên giáo")

    assert task_states(page) == [
        (DepartmentReviewTask, TaskState.STATUS_SKIPPED),
        (BoardApprovalTask, TaskState.STATUS_IN_PROGRESS),
    ]
    skipped = TaskState.objects.get(workflow_state__object_id=str(page.pk), status="skipped")
    assert skipped.finished_at is not None and "Tự động chuyển bước" in skipped.comment
    # Only the board hears of it, less the one who submitted it; no department head.
    assert recipients(mailoutbox) == ["board@truong.edu.vn"]

    as_user("board").post(workflow_action_url(page, "approve"), {"comment": ""})
    page.refresh_from_db()
    assert page.live


def test_department_without_heads_skips_step_1(editorial, as_user, mailoutbox):
    assert not editorial.dept_b.heads_group.user_set.exists()
    page = submit_new_article(as_user("editor_b"), editorial.dept_b, "Tin Khoa Ngữ văn")

    assert task_states(page) == [
        (DepartmentReviewTask, TaskState.STATUS_SKIPPED),
        (BoardApprovalTask, TaskState.STATUS_IN_PROGRESS),
    ]
    assert recipients(mailoutbox) == ["board2@truong.edu.vn", "board@truong.edu.vn"]


def test_department_whose_only_head_wrote_the_page_skips_step_1(editorial, as_user):
    page = submit_new_article(as_user("head_a"), editorial.dept_a, "Bài của trưởng công đoàn")
    assert task_states(page) == [
        (DepartmentReviewTask, TaskState.STATUS_SKIPPED),
        (BoardApprovalTask, TaskState.STATUS_IN_PROGRESS),
    ]


def test_inactive_head_does_not_count_as_reviewer(editorial, as_user):
    head = editorial.user("head_a")
    head.is_active = False
    head.save()
    page = submit_new_article(as_user("editor_a"), editorial.dept_a, "Khi trưởng nghỉ phép")
    assert task_states(page)[0] == (DepartmentReviewTask, TaskState.STATUS_SKIPPED)


# Nobody approves their own work --------------------------------------------------------------


def test_head_cannot_approve_own_page_at_step_1(editorial, as_user, mailoutbox):
    second_head = make_user("head_a2", editorial.dept_a.heads_group)
    page = submit_new_article(as_user("head_a"), editorial.dept_a, "Bài của trưởng thứ nhất")
    state = current_task_state(page)
    assert isinstance(current_task(page), DepartmentReviewTask)
    # Only the other head is told, and only the other head may act.
    assert recipients(mailoutbox) == ["head.a2@truong.edu.vn"]
    assert actions_for(page, editorial.user("head_a")) == []
    assert "approve" in actions_for(page, second_head)

    client = as_user("head_a")
    edit_page = client.get(edit_url(page))
    assert workflow_action_url(page, "approve") not in edit_page.text
    for action in ("approve", "reject"):
        response = client.post(workflow_action_url(page, action), {"comment": "Tự duyệt."})
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
        state.refresh_from_db()
        assert state.status == TaskState.STATUS_IN_PROGRESS and state.finished_at is None

    client.force_login(second_head)
    client.post(workflow_action_url(page, "approve"), {"comment": ""})
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_APPROVED and state.finished_by == second_head


def test_board_member_cannot_approve_own_page_at_step_2(editorial, as_user):
    page = submit_new_article(as_user("board2"), editorial.news, "Bài của thành viên Ban")
    state = current_task_state(page)
    assert isinstance(current_task(page), BoardApprovalTask)
    assert actions_for(page, editorial.user("board2")) == []

    client = as_user("board2")
    for action in ("approve", "reject"):
        client.post(workflow_action_url(page, action), {"comment": "Tự duyệt."})
        state.refresh_from_db()
        assert state.status == TaskState.STATUS_IN_PROGRESS
    page.refresh_from_db()
    assert not page.live

    as_user("board").post(workflow_action_url(page, "approve"), {"comment": ""})
    page.refresh_from_db()
    assert page.live


def test_superuser_cannot_approve_own_page(editorial, as_user):
    page = submit_new_article(as_user("superuser"), editorial.news, "Bài của quản trị viên")
    as_user("superuser").post(workflow_action_url(page, "approve"), {"comment": ""})
    page.refresh_from_db()
    assert not page.live
    assert current_task_state(page).status == TaskState.STATUS_IN_PROGRESS


def test_reviewer_who_edits_under_review_cannot_publish_own_edit(editorial, as_user):
    """A board member who rewrites the page at step 2 and then approves does not publish it:
    the new revision goes back through step 1, and at step 2 someone else must approve it."""
    page = editorial.page("at_step2")
    client = as_user("board")
    client.post(edit_url(page), article_form(page, title="Ban viết lại tiêu đề"))
    page.refresh_from_db()
    assert page.get_latest_revision().user == editorial.user("board")

    client.post(workflow_action_url(page, "approve"), {"comment": ""})
    page.refresh_from_db()
    assert not page.live
    assert isinstance(current_task(page), DepartmentReviewTask)

    as_user("head_a").post(workflow_action_url(page, "approve"), {"comment": ""})
    assert isinstance(current_task(page), BoardApprovalTask)
    assert actions_for(page, editorial.user("board")) == []
    as_user("board").post(workflow_action_url(page, "approve"), {"comment": ""})
    page.refresh_from_db()
    assert not page.live

    as_user("board2").post(workflow_action_url(page, "approve"), {"comment": ""})
    page.refresh_from_db()
    assert page.live and page.title == "Ban viết lại tiêu đề"


# Two moderators, one publication ------------------------------------------------------------


def publications(page):
    return PageLogEntry.objects.filter(page_id=page.pk, action="wagtail.publish").count()


def test_two_stale_task_states_approved_at_once_publish_once(editorial):
    page = editorial.page("at_step2")
    revisions = page.revisions.count()
    state_id = current_task_state(page).pk
    # Both moderators loaded the task while it was still waiting.
    first, second = TaskState.objects.get(pk=state_id), TaskState.objects.get(pk=state_id)
    task = first.task.specific

    task.on_action(first, editorial.user("board"), "approve", comment="Đồng ý.")
    assert task.on_action(second, editorial.user("board2"), "approve", comment="Tôi cũng.") is None

    page.refresh_from_db()
    assert page.live
    assert publications(page) == 1
    assert page.revisions.count() == revisions
    assert (
        PageLogEntry.objects.filter(page_id=page.pk, action="wagtail.workflow.approve")
        .filter(user=editorial.user("board2"))
        .count()
        == 0
    )
    state = TaskState.objects.get(pk=state_id)
    assert state.finished_by == editorial.user("board") and state.comment == "Đồng ý."


def test_two_requests_approving_at_the_same_moment_publish_once(editorial, as_user, client):
    """The second request loaded the task before the first finished: it changes nothing."""
    from django.test import Client

    page = editorial.page("at_step2")
    url = workflow_action_url(page, "approve")
    other = Client()
    other.force_login(editorial.user("board2"))
    calls = []

    def meanwhile(checked_page):
        # First request, task loaded and checked, about to claim it: the other moderator's
        # request runs from start to end right now.
        calls.append(checked_page.pk)
        if len(calls) == 1:
            assert other.post(url, {"comment": "Ban duyệt."}).status_code == 302
        return []

    client = as_user("board")
    with mock.patch("cms.models.workflow.verification_problems", side_effect=meanwhile):
        response = client.post(url, {"comment": "Tôi duyệt."})
    assert response.status_code == 302
    assert len(calls) == 2

    page.refresh_from_db()
    assert page.live
    assert publications(page) == 1
    state = TaskState.objects.get(pk=current_task_state_id(page))
    assert state.finished_by == editorial.user("board2")
    approvals = PageLogEntry.objects.filter(page_id=page.pk, action="wagtail.workflow.approve")
    assert [entry.user.username for entry in approvals.order_by("pk")] == ["head_a", "board2"]


def current_task_state_id(page):
    return (
        TaskState.objects.filter(workflow_state__object_id=str(page.pk))
        .filter(task__in=BoardApprovalTask.objects.all())
        .get()
        .pk
    )


# The exemplar verification gate ---------------------------------------------------------------


def unverified_exemplar(site, department, editor):
    page = factories.ExemplarPageFactory(
        parent=department,
        title="Nguyễn Thị Hạnh",
        owner=site.user(editor),
        live=False,
        consent_recorded=False,
        photo_rights_recorded=False,
        decision_number="",
        issuing_body="",
        nominating_unit="",
    )
    page.save_revision(user=site.user(editor))
    return page


def test_unverified_exemplar_cannot_be_approved_until_recorded(editorial, as_user):
    # Department B has no head: the exemplar goes straight to the board.
    page = unverified_exemplar(editorial, editorial.dept_b, "editor_b")
    client = as_user("editor_b")
    client.post(edit_url(page), exemplar_form(page, **SUBMIT))
    assert isinstance(current_task(page), BoardApprovalTask)
    state = current_task_state(page)

    client = as_user("board")
    response = client.post(workflow_action_url(page, "approve"), {"comment": ""})
    refused_url = reverse("lantoa_verification_refused", args=[page.pk])
    assert response.status_code == 302 and response["Location"] == refused_url
    response = client.get(refused_url, follow=True)
    assert response.redirect_chain[-1][0] == edit_url(page)
    messages = [str(message) for message in response.context["messages"]]
    assert len(messages) == 1
    assert "Chưa thể duyệt “Nguyễn Thị Hạnh”" in messages[0]
    for problem in ("sự đồng ý", "căn cứ ghi nhận", "quyền sử dụng ảnh"):
        assert problem in messages[0]
    assert "Chưa thể duyệt" in response.text
    page.refresh_from_db()
    assert not page.live
    state.refresh_from_db()
    assert state.status == TaskState.STATUS_IN_PROGRESS and state.finished_at is None

    # The board sends it back; the editor records consent, basis and photo rights.
    client.post(workflow_action_url(page, "reject"), {"comment": "Cần xác minh."})
    client = as_user("editor_b")
    client.post(
        edit_url(page),
        exemplar_form(
            page,
            consent_recorded=True,
            photo_rights_recorded=True,
            nominating_unit="Công đoàn Khoa Ngữ văn",
            **SUBMIT,
        ),
    )
    assert isinstance(current_task(page), BoardApprovalTask)
    response = as_user("board").post(workflow_action_url(page, "approve"), {"comment": ""})
    assert response["Location"] != refused_url
    page.refresh_from_db()
    assert page.live
    assert page.specific.nominating_unit == "Công đoàn Khoa Ngữ văn"


def test_approving_from_the_edit_page_explains_the_refusal_too(editorial, as_user):
    """The edit page's "Duyệt" button posts the edit form rather than the workflow action
    view; the refusal must be explained there as well, and the page stays unpublished."""
    page = unverified_exemplar(editorial, editorial.dept_b, "editor_b")
    as_user("editor_b").post(edit_url(page), exemplar_form(page, **SUBMIT))
    approve_from_edit_page = {
        "action-workflow-action": "1",
        "workflow-action-name": "approve",
        "workflow-action-extra-data": "{}",
    }
    response = as_user("board").post(
        edit_url(page), exemplar_form(page, **approve_from_edit_page), follow=True
    )
    assert response.redirect_chain[0][0] == reverse("lantoa_verification_refused", args=[page.pk])
    assert response.redirect_chain[-1][0] == edit_url(page)
    errors = [str(m) for m in response.context["messages"] if m.level_tag == "error"]
    assert len(errors) == 1 and "Chưa thể duyệt “Nguyễn Thị Hạnh”" in errors[0]
    page.refresh_from_db()
    assert not page.live
    assert current_task_state(page).status == TaskState.STATUS_IN_PROGRESS

    # Recorded in the same form and approved from the edit page: it goes through.
    verified = exemplar_form(
        page,
        consent_recorded=True,
        photo_rights_recorded=True,
        nominating_unit="Công đoàn Khoa Ngữ văn",
        **approve_from_edit_page,
    )
    response = as_user("board").post(edit_url(page), verified)
    assert response["Location"] != reverse("lantoa_verification_refused", args=[page.pk])
    # The board's own edit is a new revision: it goes round the steps again (B has no head,
    # so straight back to the board), and another board member approves it.
    page.refresh_from_db()
    assert not page.live and isinstance(current_task(page), BoardApprovalTask)
    as_user("board2").post(workflow_action_url(page, "approve"), {"comment": ""})
    page.refresh_from_db()
    assert page.live


def test_verification_gate_holds_at_step_1_too(editorial, as_user):
    """The gate is shared by both steps: the department head cannot pass it on either."""
    page = unverified_exemplar(editorial, editorial.dept_a, "editor_a")
    as_user("editor_a").post(edit_url(page), exemplar_form(page, **SUBMIT))
    response = as_user("head_a").post(workflow_action_url(page, "approve"), {"comment": ""})
    assert response["Location"] == reverse("lantoa_verification_refused", args=[page.pk])
    assert isinstance(current_task(page), DepartmentReviewTask)
    assert current_task_state(page).status == TaskState.STATUS_IN_PROGRESS
    # Requesting changes is always possible.
    as_user("head_a").post(workflow_action_url(page, "reject"), {"comment": "Thiếu xác minh."})
    page.refresh_from_db()
    assert page.current_workflow_state.status == "needs_changes"


@pytest.mark.parametrize(
    ("changes", "missing"),
    [
        ({"issuing_body": ""}, "căn cứ ghi nhận"),  # a decision number without its issuer
        ({"decision_number": ""}, "căn cứ ghi nhận"),  # an issuer without a decision number
        ({"consent_recorded": False}, "sự đồng ý"),
        ({"photo_rights_recorded": False}, "quyền sử dụng ảnh"),
    ],
)
def test_each_missing_record_blocks_approval(editorial, as_user, changes, missing):
    verified = {
        "consent_recorded": True,
        "photo_rights_recorded": True,
        "decision_number": "125/QĐ-CĐT",
        "issuing_body": "Ban Chấp hành Công đoàn trường",
        "nominating_unit": "",
    }
    page = factories.ExemplarPageFactory(
        parent=editorial.exemplar_index, live=False, **{**verified, **changes}
    )
    start_review(page, editorial.user("board2"))
    response = as_user("board").post(workflow_action_url(page, "approve"), {"comment": ""})
    assert response["Location"] == reverse("lantoa_verification_refused", args=[page.pk])
    messages = [
        str(m) for m in as_user("board").get(response["Location"], follow=True).context["messages"]
    ]
    assert missing in messages[0]
    page.refresh_from_db()
    assert not page.live


# Scheduled publishing -----------------------------------------------------------------------


def next_teachers_day():
    """00:00 on the coming 20/11, local time."""
    now = timezone.localtime()
    year = now.year if (now.month, now.day) < (11, 20) else now.year + 1
    return timezone.make_aware(datetime.datetime(year, 11, 20, 0, 0))


def publish_scheduled():
    call_command("publish_scheduled", stdout=io.StringIO())


def test_campaign_page_goes_live_at_midnight_on_20_11(editorial, as_user):
    go_live_at = next_teachers_day()
    page = submit_new_article(
        as_user("editor_a"),
        editorial.dept_a,
        "Tri ân thầy cô nhân Ngày Nhà giáo Việt Nam",
        go_live_at=local_input(go_live_at),
    )
    as_user("head_a").post(workflow_action_url(page, "approve"), {"comment": ""})
    as_user("board").post(workflow_action_url(page, "approve"), {"comment": "Hẹn giờ."})

    page.refresh_from_db()
    revision = page.get_latest_revision()
    assert revision.approved_go_live_at == go_live_at
    assert not page.live and page.current_workflow_state is None
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish.schedule").exists()
    assert as_user("anonymous").get(f"{editorial.dept_a.url}{page.slug}/").status_code == 404

    # The real clock, today: not yet.
    publish_scheduled()
    page.refresh_from_db()
    assert not page.live

    # The command run one second before the minute, then within it (cron runs every minute).
    with mock.patch(
        "django.utils.timezone.now", return_value=go_live_at - datetime.timedelta(seconds=1)
    ):
        publish_scheduled()
    page.refresh_from_db()
    assert not page.live
    with mock.patch(
        "django.utils.timezone.now", return_value=go_live_at + datetime.timedelta(seconds=1)
    ):
        publish_scheduled()
    page.refresh_from_db()
    assert page.live and page.live_revision == revision
    assert as_user("anonymous").get(page.url).status_code == 200


def test_approval_after_the_scheduled_time_publishes_at_once(editorial, as_user):
    """Real clock: a go-live time that has already passed when the board approves."""
    page = draft_article(editorial.dept_b, editorial.user("editor_b"))
    page.go_live_at = timezone.now() - datetime.timedelta(minutes=5)
    page.save_revision(user=editorial.user("editor_b"))
    start_review(page, editorial.user("editor_b"))  # no head in B: straight to the board
    as_user("board").post(workflow_action_url(page, "approve"), {"comment": ""})
    page.refresh_from_db()
    assert page.live and page.live_revision == page.get_latest_revision()
    publish_scheduled()
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").count() == 1
