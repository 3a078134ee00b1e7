"""The editorial calendar (month, agenda, department filter, .ics and the phone feed), the
lead-time reminders and the draft their link creates, over the known history (conftest)."""

import datetime

import icalendar
import pytest
from freezegun import freeze_time

from django.urls import reverse

from wagtail.models import Page

from articles.models import ArticlePage
from planning import agenda
from planning.models import Occasion, OccasionReminder
from tests import factories
from tests.planning.conftest import at, quiet
from tests.utils import soup, visible_text
from tests.workflow.helpers import is_refused

pytestmark = pytest.mark.django_db

TEACHERS_DAY = "Ngày Nhà giáo Việt Nam 20/11"
WORKERS_MONTH = "Tháng Công nhân – Tháng hành động về An toàn, vệ sinh lao động"


def day_cell(response, label):
    """The events listed under one day of the month grid, by its label "Thứ Năm, 20/11/2025"."""
    for cell in soup(response).select(".planning-day"):
        name = cell.select_one(".planning-day-name")
        if name and name.get_text(strip=True) == label:
            return [li.get_text(" ", strip=True) for li in cell.select(".planning-event")]
    raise AssertionError(f"no day {label}")


@pytest.fixture
def board(as_user, now):
    return as_user("board")


# Month and agenda -------------------------------------------------------------------------


def test_month_view_shows_occasions_and_campaign_dates(board):
    response = board.get(reverse("planning_calendar"), {"thang": "2025-11"})
    assert response.status_code == 200
    text = visible_text(response)
    assert "Tháng 11/2025" in text
    assert [w.get_text() for w in soup(response).select(".planning-weekday")] == [
        "Thứ Hai",
        "Thứ Ba",
        "Thứ Tư",
        "Thứ Năm",
        "Thứ Sáu",
        "Thứ Bảy",
        "Chủ Nhật",
    ]
    assert day_cell(response, "Thứ Năm, 20/11/2025") == [
        TEACHERS_DAY,
        "Ngày cao điểm: Tri ân thầy cô 20/11/2025",
    ]
    assert day_cell(response, "Thứ Bảy, 01/11/2025") == [
        "Bắt đầu chiến dịch: Tri ân thầy cô 20/11/2025"
    ]
    assert day_cell(response, "Chủ Nhật, 30/11/2025") == [
        "Kết thúc chiến dịch: Tri ân thầy cô 20/11/2025"
    ]


def test_month_view_shows_the_day_to_start_preparing(board):
    response = board.get(reverse("planning_calendar"), {"thang": "2025-10"})
    # 20/11 has six weeks of lead time: 09/10.
    events = day_cell(response, "Thứ Năm, 09/10/2025")
    assert events == [f"Bắt đầu chuẩn bị: {TEACHERS_DAY} (trước 6 tuần)"]
    link = soup(response).find("a", string=events[0])
    occasion = Occasion.objects.get(name=TEACHERS_DAY)
    assert link["href"] == reverse("planning_create_draft", args=[occasion.pk, 2025])


def test_a_whole_month_occasion_covers_every_day(board):
    response = board.get(reverse("planning_calendar"), {"thang": "2026-05"})
    assert WORKERS_MONTH in day_cell(response, "Thứ Sáu, 15/05/2026")
    assert WORKERS_MONTH in day_cell(response, "Chủ Nhật, 31/05/2026")
    assert "Ngày Quốc tế Lao động 1/5" in day_cell(response, "Thứ Sáu, 01/05/2026")


def test_edited_occasions_move_on_the_calendar(board):
    opening = Occasion.objects.get(name="Khai giảng năm học mới")
    opening.day = 8
    opening.save()
    response = board.get(reverse("planning_calendar"), {"thang": "2026-09"})
    assert "Khai giảng năm học mới" in day_cell(response, "Thứ Ba, 08/09/2026")
    assert "Khai giảng năm học mới" not in day_cell(response, "Thứ Bảy, 05/09/2026")


def test_agenda_lists_pages_in_review_with_expected_date(board, history):
    response = board.get(reverse("planning_calendar_agenda"), {"tu": "01/06/2026", "so-ngay": "7"})
    assert response.status_code == 200
    days = {
        section.h3.get_text(strip=True): [
            li.get_text(" ", strip=True) for li in section.select("li")
        ]
        for section in soup(response).select(".planning-agenda-day")
    }
    # W1 was submitted on 01/06; a decision is expected within three days (the setting).
    assert days == {
        "Thứ Năm, 04/06/2026": ["Hạn duyệt (Công đoàn bộ phận duyệt): W1 chờ duyệt"],
    }


def test_department_filter_keeps_occasions_and_only_that_departments_pages(board, history):
    params = {"tu": "01/06/2026", "so-ngay": "7"}
    mine = board.get(reverse("planning_calendar_agenda"), {**params, "don-vi": history.dept_a.pk})
    theirs = board.get(reverse("planning_calendar_agenda"), {**params, "don-vi": history.dept_b.pk})
    assert "W1 chờ duyệt" in visible_text(mine)
    assert "W1 chờ duyệt" not in visible_text(theirs)
    month = board.get(
        reverse("planning_calendar"), {"thang": "2025-11", "don-vi": history.dept_b.pk}
    )
    assert TEACHERS_DAY in day_cell(month, "Thứ Năm, 20/11/2025")


def test_scheduled_publications(board, history):
    page = Page.objects.get(pk=history.pks["w1"])
    page.go_live_at = at(2026, 6, 5, 7, 30)
    page.save()
    response = board.get(reverse("planning_calendar_agenda"), {"tu": "05/06/2026", "so-ngay": "1"})
    text = visible_text(response)
    assert "Thứ Sáu, 05/06/2026" in text
    assert "Dự kiến đăng lúc 07:30 (chưa duyệt): W1 chờ duyệt" in text
    # Its expected decision follows the go-live date.
    assert "Hạn duyệt (Công đoàn bộ phận duyệt): W1 chờ duyệt" in text


@pytest.mark.parametrize(
    "params",
    [
        {"thang": "2026-13"},
        {"thang": "abc"},
        {"thang": "0-1"},
        {"don-vi": "không"},
        {"don-vi": "999999"},
        {"tu": "99/99/9999", "so-ngay": "-5"},
        {"so-ngay": "100000"},
    ],
)
def test_bad_calendar_parameters_never_fail(board, params):
    assert board.get(reverse("planning_calendar"), params).status_code == 200
    assert board.get(reverse("planning_calendar_agenda"), params).status_code == 200


# iCalendar --------------------------------------------------------------------------------


def events_of(content):
    calendar = icalendar.Calendar.from_ical(content)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def test_ics_download_parses_and_has_whole_day_and_timed_events(board, history):
    page = Page.objects.get(pk=history.pks["w1"])
    page.go_live_at = at(2026, 6, 5, 7, 30)
    page.save()
    response = board.get(reverse("planning_calendar_ics"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert b"\r\n" in response.content
    assert all(len(line) <= 75 for line in response.content.split(b"\r\n"))
    events = events_of(response.content)
    teachers = events[f"[Dịp kỷ niệm] {TEACHERS_DAY}"]
    assert teachers.decoded("DTSTART") == datetime.date(2026, 11, 20)
    assert teachers.decoded("DTEND") == datetime.date(2026, 11, 21)
    may = events[f"[Dịp kỷ niệm] {WORKERS_MONTH}"]
    assert may.decoded("DTSTART") == datetime.date(2027, 5, 1)
    assert may.decoded("DTEND") == datetime.date(2027, 6, 1)
    scheduled = events["[Hẹn giờ đăng] Dự kiến đăng lúc 07:30 (chưa duyệt): W1 chờ duyệt"]
    assert scheduled.decoded("DTSTART") == at(2026, 6, 5, 7, 30)
    assert str(scheduled["URL"]).endswith(
        reverse("wagtailadmin_pages:edit", args=[history.pks["w1"]])
    )
    assert len({str(event["UID"]) for event in events.values()}) == len(events)


def test_phone_feed_works_without_a_session(client, history, now):
    token = agenda.feed_token(history.user("executive"))
    url = reverse("planning_calendar_feed", args=[token])
    response = client.get(url)
    assert response.status_code == 200
    assert f"[Dịp kỷ niệm] {TEACHERS_DAY}" in events_of(response.content)
    filtered = client.get(url, {"don-vi": history.dept_b.pk})
    assert "W1 chờ duyệt" not in filtered.content.decode()
    assert "W1 chờ duyệt" in response.content.decode()


def test_the_board_sees_its_subscribe_address(board, history):
    response = board.get(reverse("planning_calendar"))
    token = agenda.feed_token(history.user("board"))
    assert f"http://testserver/lich-bien-tap/{token}.ics" in response.content.decode()
    assert f"webcal://testserver/lich-bien-tap/{token}.ics" in response.content.decode()


def test_feed_refuses_forged_foreign_and_revoked_tokens(client, history, now):
    executive = history.user("executive")
    token = agenda.feed_token(executive)
    forged = token[:-1] + ("0" if token[-1] != "0" else "1")
    assert client.get(reverse("planning_calendar_feed", args=[forged])).status_code == 404
    assert client.get(reverse("planning_calendar_feed", args=["abc"])).status_code == 404
    assert client.get(reverse("planning_calendar_feed", args=["1-"])).status_code == 404
    # Someone who may not read the calendar gets nothing even with a well-made token.
    editor_token = agenda.feed_token(history.user("editor_a"))
    assert client.get(reverse("planning_calendar_feed", args=[editor_token])).status_code == 404
    # Changing one's password revokes the old address.
    executive.set_password("mat-khau-moi-2026")
    executive.save()
    assert client.get(reverse("planning_calendar_feed", args=[token])).status_code == 404
    new_token = agenda.feed_token(executive)
    assert client.get(reverse("planning_calendar_feed", args=[new_token])).status_code == 200


# Lead-time reminders ----------------------------------------------------------------------


def teachers_day_mails(mailoutbox):
    return [m for m in mailoutbox if TEACHERS_DAY in m.subject]


def test_reminders_go_out_once_at_the_lead_time(history, mailoutbox, as_user):
    occasion = Occasion.objects.get(name=TEACHERS_DAY)
    with freeze_time(at(2026, 10, 8)):
        quiet("send_occasion_reminders")
    assert teachers_day_mails(mailoutbox) == []

    with freeze_time(at(2026, 10, 9)):
        output = quiet("send_occasion_reminders")
    assert output.startswith("Đã nhắc")
    mails = teachers_day_mails(mailoutbox)
    # The board, then each department union: its editors, its heads and its own address.
    assert [sorted(m.to) for m in mails] == [
        ["board2@truong.edu.vn", "board@truong.edu.vn"],
        sorted([history.dept_b.email, "editor.b@truong.edu.vn"]),
        sorted(
            [
                history.dept_a.email,
                "editor.a2@truong.edu.vn",
                "editor.a@truong.edu.vn",
                "head.a@truong.edu.vn",
            ]
        ),
    ]
    link = reverse("planning_create_draft", args=[occasion.pk, 2026])
    for mail in mails:
        assert mail.subject == f"[Lan Tỏa] Chuẩn bị cho {TEACHERS_DAY} (20/11/2026)"
        assert f"http://testserver{link}" in mail.body
        assert "còn 6 tuần nữa" in mail.body
    assert OccasionReminder.objects.filter(occasion=occasion, year=2026).count() == 1

    # Run again (the scheduler runs it every minute): nothing new.
    sent = len(mailoutbox)
    with freeze_time(at(2026, 10, 9, 8, 1)):
        quiet("send_occasion_reminders")
    with freeze_time(at(2026, 10, 20)):
        quiet("send_occasion_reminders")
    assert len(teachers_day_mails(mailoutbox)) == 3
    assert not [m for m in mailoutbox[sent:] if TEACHERS_DAY in m.subject]

    # The admin notice on the dashboard, for the board and for the departments.
    for role in ("board", "editor_b", "executive"):
        with freeze_time(at(2026, 10, 10)):
            response = as_user(role).get(reverse("wagtailadmin_home"))
        text = visible_text(response)
        assert "Dịp sắp tới: đến lúc chuẩn bị" in text, role
        assert TEACHERS_DAY in text
        assert (link in response.content.decode()) == (role != "executive")


def test_no_reminder_for_an_occasion_without_lead_time(history, mailoutbox):
    Occasion.objects.filter(name=TEACHERS_DAY).update(lead_weeks=0)
    with freeze_time(at(2026, 10, 9)):
        quiet("send_occasion_reminders")
    assert teachers_day_mails(mailoutbox) == []


# The reminder's link: a draft linked to the campaign --------------------------------------


@pytest.fixture
def campaign_2026(history):
    return factories.CampaignPageFactory(
        parent=Page.objects.get(pk=history.pks["campaign_index"]),
        title="Tri ân thầy cô 20/11/2026",
        start_date=datetime.date(2026, 11, 1),
        key_date=datetime.date(2026, 11, 20),
        end_date=datetime.date(2026, 11, 30),
        live=False,
    )


def test_draft_link_creates_a_draft_in_the_department_linked_to_the_campaign(
    history, as_user, campaign_2026
):
    occasion = Occasion.objects.get(name=TEACHERS_DAY)
    url = reverse("planning_create_draft", args=[occasion.pk, 2026])
    client = as_user("editor_b")
    with freeze_time(at(2026, 10, 10)):
        confirm = client.get(url)
        assert confirm.status_code == 200
        assert "Tri ân thầy cô 20/11/2026" in visible_text(confirm)
        assert not ArticlePage.objects.filter(campaign=campaign_2026).exists()
        response = client.post(url)
    page = ArticlePage.objects.get(campaign=campaign_2026)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert page.get_parent().pk == history.dept_b.pk
    assert not page.live
    assert page.owner == history.user("editor_b")
    assert page.title == f"{TEACHERS_DAY} 2026 – {history.dept_b.title}"
    assert page.get_latest_revision().user == history.user("editor_b")
    # The editor lands in the editor with the draft open.
    assert client.get(response["Location"]).status_code == 200


def test_board_drafts_go_to_the_news_and_the_linked_campaign_is_the_fallback(history, as_user):
    occasion = Occasion.objects.get(name="Quốc khánh 2/9")
    linked = Page.objects.get(pk=history.pks["may"]).specific
    occasion.campaign = linked
    occasion.save()
    client = as_user("board")
    response = client.post(reverse("planning_create_draft", args=[occasion.pk, 2026]))
    assert response.status_code == 302
    page = ArticlePage.objects.get(title__startswith="Quốc khánh 2/9 2026")
    assert page.get_parent().pk == history.news.pk
    assert page.campaign_id == linked.pk


@pytest.mark.parametrize("role", ["executive", "member", "anonymous"])
def test_who_cannot_write_gets_no_draft(history, as_user, role):
    occasion = Occasion.objects.get(name=TEACHERS_DAY)
    before = ArticlePage.objects.count()
    response = as_user(role).post(reverse("planning_create_draft", args=[occasion.pk, 2026]))
    assert is_refused(response)
    assert ArticlePage.objects.count() == before


def test_draft_link_for_a_missing_occasion_is_404(history, as_user):
    response = as_user("editor_b").get(reverse("planning_create_draft", args=[999999, 2026]))
    assert response.status_code == 404
