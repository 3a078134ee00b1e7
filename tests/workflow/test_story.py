"""The whole review of one article, as its people live it, and what each of them sees.

An editor of Khoa Toán – Tin drafts and submits; the department head approves; the board asks
for changes; the editor reads the comment on the dashboard, fixes and resubmits; the head and
then the board approve, and the article is live. Every e-mail goes to the right people and
only them, the audit log tells the story in order, and no revision is lost.
"""

from bs4 import BeautifulSoup

from django.urls import reverse

from wagtail.models import PageLogEntry, Revision, TaskState

from articles.models import ArticlePage
from cms.models import BoardApprovalTask, DepartmentReviewTask
from tests.workflow.helpers import (
    add_url,
    article_form,
    current_task,
    current_task_state,
    edit_url,
    task_states,
    workflow_action_url,
)

TITLE = "Khoa Toán – Tin tổ chức hội thảo phương pháp giảng dạy"
CHANGES = "Cần bổ sung ảnh và ghi rõ nguồn tin."
BOARD = sorted(["board@truong.edu.vn", "board2@truong.edu.vn"])  # the superuser is not copied


def new_mail(mailoutbox, seen):
    """Messages sent since ``seen`` messages, as (recipient, subject, body)."""
    messages = mailoutbox[seen:]
    for message in messages:
        assert len(message.to) == 1, "one message per person, no shared recipient lists"
    return [(message.to[0], message.subject, message.body) for message in messages]


def recipients(mail):
    return sorted(to for to, _subject, _body in mail)


def department_panel_row(client, title):
    """The row of the editor's dashboard panel that lists ``title``."""
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    document = BeautifulSoup(response.content, "html.parser")
    for row in document.select("[id^=lantoa-department-] tbody tr"):
        if title in row.get_text():
            return " ".join(row.get_text(" ").split())
    raise AssertionError(f"{title!r} is not on the department's dashboard panel")


def test_draft_review_changes_resubmit_approve_publish(editorial, as_user, mailoutbox):
    site = editorial

    # The editor drafts the article in the department's subtree …
    client = as_user("editor_a")
    response = client.post(add_url(ArticlePage, site.dept_a), article_form(title=TITLE))
    assert response.status_code == 302
    page = ArticlePage.objects.get(title=TITLE)
    assert page.get_parent().pk == site.dept_a.pk
    assert not page.live and page.owner == site.user("editor_a")
    assert page.revisions.count() == 1
    assert "Bản nháp" in department_panel_row(client, TITLE)

    # … and submits it: step 1, the department's head is told, and nobody else.
    response = client.post(edit_url(page), article_form(page, **{"action-submit": "Gửi duyệt"}))
    assert response.status_code == 302
    assert isinstance(current_task(page), DepartmentReviewTask)
    mail = new_mail(mailoutbox, 0)
    assert recipients(mail) == ["head.a@truong.edu.vn"]
    assert TITLE in mail[0][1] + mail[0][2]
    assert "Đang duyệt" in department_panel_row(client, TITLE)
    seen = len(mailoutbox)

    # The head approves: step 2, the board's members are told (not the superuser: settings).
    client = as_user("head_a")
    response = client.post(workflow_action_url(page, "approve"), {"comment": "Đạt yêu cầu."})
    assert response.status_code == 302
    assert isinstance(current_task(page), BoardApprovalTask)
    assert recipients(new_mail(mailoutbox, seen)) == BOARD
    seen = len(mailoutbox)

    # The board asks for changes: the author is told, with the comment.
    client = as_user("board")
    rejected_state = current_task_state(page)
    response = client.post(workflow_action_url(page, "reject"), {"comment": CHANGES})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state.status == "needs_changes"
    assert not page.live
    mail = new_mail(mailoutbox, seen)
    assert recipients(mail) == ["editor.a@truong.edu.vn"]
    assert CHANGES in mail[0][2]
    seen = len(mailoutbox)
    rejected_revision = TaskState.objects.get(pk=rejected_state.pk).revision

    # The editor sees the comment on the dashboard, fixes the article and resubmits.
    client = as_user("editor_a")
    row = department_panel_row(client, TITLE)
    assert "Cần sửa" in row and CHANGES in row
    response = client.post(
        edit_url(page),
        article_form(
            page,
            body="<p>Ảnh: Nguyễn Văn An. Nguồn: Văn phòng Khoa.</p>",
            **{"action-submit": "Gửi duyệt"},
        ),
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_state.status == "in_progress"
    # With re-approval on edit, the new revision goes through step 1 again, then step 2.
    assert isinstance(current_task(page), DepartmentReviewTask)
    assert recipients(new_mail(mailoutbox, seen)) == ["head.a@truong.edu.vn"]
    seen = len(mailoutbox)

    client = as_user("head_a")
    response = client.post(workflow_action_url(page, "approve"), {"comment": "Đã bổ sung."})
    assert isinstance(current_task(page), BoardApprovalTask)
    assert recipients(new_mail(mailoutbox, seen)) == BOARD
    seen = len(mailoutbox)

    client = as_user("board")
    response = client.post(workflow_action_url(page, "approve"), {"comment": "Đăng."})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and not page.has_unpublished_changes
    assert current_task(page) is None
    mail = new_mail(mailoutbox, seen)
    assert recipients(mail) == ["editor.a@truong.edu.vn"]
    assert as_user("anonymous").get(page.url).status_code == 200
    assert "Đã đăng" in department_panel_row(as_user("editor_a"), TITLE)

    # Each step, in order: step 1 then step 2, twice.
    assert task_states(page) == [
        (DepartmentReviewTask, TaskState.STATUS_APPROVED),
        (BoardApprovalTask, TaskState.STATUS_REJECTED),
        (DepartmentReviewTask, TaskState.STATUS_APPROVED),
        (BoardApprovalTask, TaskState.STATUS_APPROVED),
    ]

    # The audit log: who did what, in order, with the reviewers' comments.
    entries = list(
        PageLogEntry.objects.filter(page=page, action__regex=r"^wagtail\.(workflow\.|publish$)")
        .select_related("user")
        .order_by("timestamp", "pk")
    )
    assert [(entry.action, entry.user.username) for entry in entries] == [
        ("wagtail.workflow.start", "editor_a"),
        ("wagtail.workflow.approve", "head_a"),
        ("wagtail.workflow.reject", "board"),
        ("wagtail.workflow.resume", "editor_a"),
        ("wagtail.workflow.approve", "head_a"),
        ("wagtail.workflow.approve", "board"),
        ("wagtail.publish", "board"),
    ]
    comments = [entry.data.get("comment") for entry in entries if "comment" in entry.data]
    assert comments == ["Đạt yêu cầu.", CHANGES, "Đã bổ sung.", "Đăng."]
    timestamps = [entry.timestamp for entry in entries]
    assert timestamps == sorted(timestamps)

    # The page's history in the admin shows them to the board.
    client = as_user("board")
    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert history.status_code == 200
    workflow_state = page.workflow_states.get()
    detail = client.get(
        reverse("wagtailadmin_pages:workflow_history_detail", args=[page.pk, workflow_state.pk])
    )
    assert detail.status_code == 200
    for comment in ["Đạt yêu cầu.", CHANGES, "Đã bổ sung.", "Đăng."]:
        assert comment in detail.text

    # No revision lost: the draft, the first submission, the fix; the rejected one is kept.
    assert page.revisions.count() == 3
    assert Revision.objects.filter(pk=rejected_revision.pk).exists()
    assert page.live_revision == page.get_latest_revision()
    assert page.live_revision != rejected_revision
