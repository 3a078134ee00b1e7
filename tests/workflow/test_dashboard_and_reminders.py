"""What waits for whom: the board's queue and each department's pages on the dashboard, and
the reminders for pages that wait too long."""

import datetime
import io

from bs4 import BeautifulSoup

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import TaskState

from cms.models import BoardApprovalTask, ReviewReminder
from tests.workflow.helpers import current_task_state, draft_article, start_review

QUEUE = "#lantoa-board-queue-section"


def dashboard(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text(element):
    return " ".join(element.get_text(" ").split())


def waiting_since(page, delta):
    """Make ``page``'s current step have started ``delta`` ago."""
    state = current_task_state(page)
    TaskState.objects.filter(pk=state.pk).update(started_at=timezone.now() - delta)
    return state


def at_board_step(site, parent, author, title):
    page = draft_article(parent, site.user(author), title=title)
    state = start_review(page, site.user(author)).current_task_state
    if not isinstance(state.task.specific, BoardApprovalTask):
        state.task.specific.on_action(state, site.user("head_a"), "approve")
    return page


# The board's queue ----------------------------------------------------------------------------


def test_board_queue_lists_step_2_oldest_first_with_department_author_and_overdue(
    editorial, as_user
):
    site = editorial
    days = datetime.timedelta(days=1)
    waiting_since(site.page("at_step2"), 3 * days)  # Khoa Toán – Tin, by editor_a2
    ngu_van = at_board_step(site, site.dept_b, "editor_b", "Tin Khoa Ngữ văn chờ duyệt")
    waiting_since(ngu_van, 5 * days)
    board_own = at_board_step(site, site.news, "board2", "Thông báo của Ban chờ duyệt")
    waiting_since(board_own, datetime.timedelta(hours=1))
    waiting_since(site.page("at_step1"), 9 * days)  # step 1: not the board's queue

    queue = dashboard(as_user("board")).select_one(QUEUE)
    rows = [text(row) for row in queue.select("tbody tr")]
    assert [row.split(" Bài viết ")[0] for row in rows] == [
        "Tin Khoa Ngữ văn chờ duyệt",
        "Chờ Ban Tuyên giáo duyệt",
        "Thông báo của Ban chờ duyệt",
    ]
    assert "Khoa Ngữ văn" in rows[0] and "Editor B" in rows[0]
    assert "Khoa Toán – Tin" in rows[1] and "Editor A2" in rows[1]
    assert "Ban Tuyên giáo – Truyền thông" in rows[2] and "Board2" in rows[2]
    assert ["Quá hạn" in row for row in rows] == [True, True, False]
    overdue = queue.select("tbody tr.lantoa-overdue")
    assert len(overdue) == 2
    links = [row.select_one("a")["href"] for row in queue.select("tbody tr")]
    assert links[0] == reverse("wagtailadmin_pages:edit", args=[ngu_van.pk])


def test_board_queue_overdue_starts_after_two_days(editorial, as_user):
    page = editorial.page("at_step2")
    waiting_since(page, datetime.timedelta(days=2) - datetime.timedelta(minutes=5))
    assert "Quá hạn" not in text(dashboard(as_user("board")).select_one(QUEUE))
    waiting_since(page, datetime.timedelta(days=2, minutes=5))
    assert "Quá hạn" in text(dashboard(as_user("board")).select_one(QUEUE))


def test_only_the_board_sees_the_queue(editorial, as_user):
    for role in ("editor_a", "head_a", "executive"):
        assert dashboard(as_user(role)).select_one(QUEUE) is None, role
    assert dashboard(as_user("superuser")).select_one(QUEUE) is not None


# Each department's pages ----------------------------------------------------------------------


def department_rows(client):
    panels = dashboard(client).select("section[id^=lantoa-department-]")
    return {
        text(panel.select_one("h2")): {
            text(row.select_one("td.title")): text(row) for row in panel.select("tbody tr")
        }
        for panel in panels
    }


def test_editor_dashboard_shows_own_department_pages_with_status(editorial, as_user):
    site = editorial
    state = current_task_state(site.page("at_step2"))
    state.task.specific.on_action(state, site.user("board"), "reject", comment="Cần sửa sa-pô.")

    panels = department_rows(as_user("editor_a"))
    assert list(panels) == ["Trang của Khoa Toán – Tin"]
    rows = panels["Trang của Khoa Toán – Tin"]
    assert "Đã đăng" in rows["Hội thao Khoa Toán – Tin"]
    assert "Bản nháp" in rows["Bản nháp Khoa Toán – Tin"]
    assert "Đang duyệt: Công đoàn bộ phận duyệt" in rows["Chờ trưởng công đoàn bộ phận"]
    assert "Cần sửa" in rows["Chờ Ban Tuyên giáo duyệt"]
    assert "Góp ý: Cần sửa sa-pô." in rows["Chờ Ban Tuyên giáo duyệt"]
    assert "Bản nháp Khoa Ngữ văn" not in str(panels)

    assert list(department_rows(as_user("editor_b"))) == ["Trang của Khoa Ngữ văn"]
    assert list(department_rows(as_user("head_a"))) == ["Trang của Khoa Toán – Tin"]
    assert department_rows(as_user("board")) == {}
    assert department_rows(as_user("executive")) == {}


def test_editor_dashboard_shows_scheduled_pages(editorial, as_user):
    site = editorial
    page = draft_article(site.dept_b, site.user("editor_b"), title="Bài hẹn giờ")
    page.go_live_at = timezone.now() + datetime.timedelta(days=3)
    page.save_revision(user=site.user("editor_b"))
    state = start_review(page, site.user("editor_b")).current_task_state
    state.task.specific.on_action(state, site.user("board"), "approve")
    rows = department_rows(as_user("editor_b"))["Trang của Khoa Ngữ văn"]
    assert "Đã hẹn giờ đăng" in rows["Bài hẹn giờ"]


# Reminders ------------------------------------------------------------------------------------


def send_reminders():
    out = io.StringIO()
    call_command("send_review_reminders", stdout=out)
    return out.getvalue()


def sent(mailoutbox, since=0):
    return [(sorted(message.to), message.subject) for message in mailoutbox[since:]]


def test_reviewers_are_reminded_after_two_days_once_a_day(editorial, mailoutbox):
    site = editorial
    step1 = site.page("at_step1")
    waiting_since(step1, datetime.timedelta(days=3))
    waiting_since(site.page("at_step2"), datetime.timedelta(days=1))  # not yet

    output = send_reminders()
    assert "Đã nhắc 1 trang" in output
    assert sent(mailoutbox) == [
        (
            ["head.a@truong.edu.vn"],
            "[Lan Tỏa] Nhắc duyệt: “Chờ trưởng công đoàn bộ phận” đã chờ 3 ngày",
        )
    ]
    assert "http://testserver/admin/pages/" in mailoutbox[0].body

    # Run again the same day (cron every hour, say): nothing new.
    send_reminders()
    assert len(mailoutbox) == 1

    # The next day, once more.
    ReviewReminder.objects.update(sent_on=timezone.localdate() - datetime.timedelta(days=1))
    send_reminders()
    assert len(mailoutbox) == 2 and sent(mailoutbox, 1)[0][0] == ["head.a@truong.edu.vn"]


def test_after_five_days_the_board_is_told_once(editorial, mailoutbox):
    site = editorial
    step1 = site.page("at_step1")
    waiting_since(step1, datetime.timedelta(days=6))

    output = send_reminders()
    assert "báo Trưởng ban 1 trang" in output
    board = ["board2@truong.edu.vn", "board@truong.edu.vn"]
    assert sent(mailoutbox) == [
        (
            ["head.a@truong.edu.vn"],
            "[Lan Tỏa] Nhắc duyệt: “Chờ trưởng công đoàn bộ phận” đã chờ 6 ngày",
        ),
        (board, "[Lan Tỏa] Quá hạn duyệt: “Chờ trưởng công đoàn bộ phận” đã chờ 6 ngày"),
    ]

    send_reminders()
    assert len(mailoutbox) == 2
    # The next day the head is reminded again, the board is not told again.
    ReviewReminder.objects.update(sent_on=timezone.localdate() - datetime.timedelta(days=1))
    send_reminders()
    assert sent(mailoutbox, 2) == [
        (
            ["head.a@truong.edu.vn"],
            "[Lan Tỏa] Nhắc duyệt: “Chờ trưởng công đoàn bộ phận” đã chờ 6 ngày",
        )
    ]


def test_board_step_reminders_skip_the_author(editorial, mailoutbox):
    """At step 2 the reviewers are the board, less whoever wrote or submitted the page."""
    site = editorial
    page = at_board_step(site, site.news, "board2", "Thông báo của Ban chờ lâu")
    waiting_since(page, datetime.timedelta(days=3))
    mailoutbox.clear()  # the submission's own notifications
    send_reminders()
    assert sent(mailoutbox) == [
        (["board@truong.edu.vn"], "[Lan Tỏa] Nhắc duyệt: “Thông báo của Ban chờ lâu” đã chờ 3 ngày")
    ]


def test_nothing_waiting_nothing_sent(editorial, mailoutbox):
    assert "Đã nhắc 0 trang; đã báo Trưởng ban 0 trang" in send_reminders()
    assert mailoutbox == []
