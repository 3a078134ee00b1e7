"""Surveys: built in the admin, answered on the site, results in the admin."""

import csv
import datetime
import io

import openpyxl
import pytest

from django.contrib.auth.models import Group
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from cms import roles
from engage.models import SurveyPage, SurveySubmission
from engage.spam import HONEYPOT_FIELD
from tests import utils
from tests.engage.helpers import answers, field_names, post_as_a_browser, soup, visible_text

pytestmark = pytest.mark.django_db


def submit(client, survey, **kwargs):
    return client.post(survey.url, answers(survey, **kwargs))


# Building --------------------------------------------------------------------------------


def test_board_builds_and_publishes_a_survey_in_the_admin(client, board, survey_index):
    client.force_login(board)
    question = {
        "label": "Bạn thường đọc tin công đoàn ở đâu?",
        "field_type": "radio",
        "required": "on",
        "choices": "Trang tin công đoàn\nFacebook\nZalo\nE-office",
        "default_value": "",
        "help_text": "",
    }
    data = nested_form_data(
        {
            "title": "Khảo sát kênh thông tin 2026",
            "slug": "khao-sat-kenh-thong-tin-2026",
            "intro": rich_text("<p>Năm phút thôi.</p>"),
            "thank_you_text": rich_text("<p>Cảm ơn bạn!</p>"),
            "form_fields": inline_formset([question]),
            "opens_at": "",
            "closes_at": "",
            "to_address": "",
            "from_address": "",
            "subject": "",
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    response = client.post(utils.add_url(SurveyPage, survey_index), data)
    assert response.status_code == 302, visible_text(response)[:2000]

    survey = SurveyPage.objects.get(title="Khảo sát kênh thông tin 2026")
    assert survey.live
    page = Client().get(survey.url)
    assert page.status_code == 200
    group = soup(page).select_one("main form fieldset")
    assert group.legend.get_text(" ", strip=True).startswith("Bạn thường đọc tin công đoàn ở đâu?")
    assert [i["value"] for i in group.select("input[type=radio]")] == [
        "Trang tin công đoàn",
        "Facebook",
        "Zalo",
        "E-office",
    ]
    # The index lists it as open.
    listing = Client().get(survey_index.url)
    assert "Khảo sát kênh thông tin 2026" in visible_text(listing)
    # Open and closed change with the clock, so the list is never kept in a cache.
    assert "no-store" in listing["Cache-Control"]


def test_closing_before_opening_is_refused(client, board, survey):
    survey.opens_at = timezone.now()
    survey.closes_at = survey.opens_at - datetime.timedelta(days=1)
    with pytest.raises(Exception, match="phải đóng sau khi mở"):
        survey.full_clean()


# Answering -------------------------------------------------------------------------------


def test_anonymous_reader_answers_and_is_thanked(client, survey):
    response = submit(client, survey, topics=["Chính sách, pháp luật", "Chăm lo đời sống"])
    assert response.status_code == 200
    text = visible_text(response)
    assert "Cảm ơn bạn! Câu trả lời của bạn đã được ghi nhận." in text
    assert "Ban Tuyên giáo – Truyền thông sẽ công bố kết quả." in text
    submission = SurveySubmission.objects.get(page=survey)
    assert submission.user is None
    data = submission.get_data()
    names = field_names(survey)
    assert data[names["Bạn muốn đọc thêm về chủ đề nào?"]] == [
        "Chính sách, pháp luật",
        "Chăm lo đời sống",
    ]
    assert HONEYPOT_FIELD not in submission.form_data


def test_two_anonymous_readers_in_a_row_with_csrf(survey):
    """Full-page caching must never serve one reader's form (and CSRF token) to the next."""
    for _ in range(2):
        response = post_as_a_browser(survey.url, answers(survey))
        assert response.status_code == 200, visible_text(response)[:500]
        assert "Cảm ơn bạn!" in visible_text(response)
    assert SurveySubmission.objects.filter(page=survey).count() == 2
    form_page = Client().get(survey.url)
    assert "no-store" in form_page["Cache-Control"]


def test_invalid_answers_keep_what_was_typed(client, survey):
    names = field_names(survey)
    response = client.post(
        survey.url,
        {
            names["Bạn muốn đọc thêm về chủ đề nào?"]: ["Văn nghệ, thể thao"],
            names["Góp ý khác"]: "Mong có thêm bài về bảo hiểm xã hội.",
        },
    )
    assert response.status_code == 200
    text = visible_text(response)
    assert "Chưa gửi được." in text
    assert "Trường này là bắt buộc." in text
    page = soup(response)
    assert page.select_one("textarea").get_text().strip() == "Mong có thêm bài về bảo hiểm xã hội."
    checked = [i["value"] for i in page.select("input[type=checkbox][checked]")]
    assert checked == ["Văn nghệ, thể thao"]
    assert not SurveySubmission.objects.exists()


# Dates -----------------------------------------------------------------------------------


def test_survey_not_open_yet_shows_when_it_opens(client, survey):
    survey.opens_at = timezone.make_aware(datetime.datetime(2099, 12, 1, 8, 0))
    survey.save_revision().publish()
    response = client.get(survey.url)
    text = visible_text(response)
    assert "Khảo sát này chưa mở." in text
    assert "Thứ Ba, 01/12/2099, 08:00" in text
    assert not soup(response).select("main form")
    submit(client, survey)
    assert not SurveySubmission.objects.exists()


def test_closed_survey_takes_no_answers(client, survey):
    survey.closes_at = timezone.now() - datetime.timedelta(hours=1)
    survey.save_revision().publish()
    response = client.get(survey.url)
    assert "Khảo sát này đã đóng." in visible_text(response)
    assert not soup(response).select("main form")
    submit(client, survey)
    assert not SurveySubmission.objects.exists()


def test_open_window_takes_answers(client, survey):
    survey.opens_at = timezone.now() - datetime.timedelta(days=1)
    survey.closes_at = timezone.now() + datetime.timedelta(days=1)
    survey.save_revision().publish()
    assert "Cảm ơn bạn!" in visible_text(submit(client, survey))


# Members ---------------------------------------------------------------------------------


def test_one_answer_per_member(client, survey, member, other_member):
    survey.one_answer_per_member = True
    survey.save_revision().publish()

    anonymous = Client().get(survey.url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("wagtailcore_login"))

    client.force_login(member)
    assert "Cảm ơn bạn!" in visible_text(submit(client, survey))
    again = client.get(survey.url)
    assert "Bạn đã trả lời khảo sát này." in visible_text(again)
    assert not soup(again).select("main form")
    submit(client, survey, channel="Facebook")
    assert SurveySubmission.objects.filter(page=survey, user=member).count() == 1

    client.force_login(other_member)
    assert "Cảm ơn bạn!" in visible_text(submit(client, survey))
    assert SurveySubmission.objects.filter(page=survey).count() == 2


def test_members_only_survey_asks_anonymous_readers_to_log_in(client, survey, member):
    restriction = PageViewRestriction.objects.create(
        page=survey, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name=roles.MEMBERS)])

    response = client.get(survey.url)
    assert response.status_code == 302
    login = client.get(response["Location"])
    assert "Đăng nhập" in visible_text(login)
    # Not listed to anonymous readers, listed to members.
    assert survey.title not in visible_text(client.get(survey.get_parent().url))

    client.post(
        response["Location"], {"username": member.username, "password": "mat-khau-kiem-thu"}
    )
    assert survey.title in visible_text(client.get(survey.get_parent().url))
    assert "Cảm ơn bạn!" in visible_text(submit(client, survey))
    assert SurveySubmission.objects.get(page=survey).user == member


# Spam ------------------------------------------------------------------------------------


def test_honeypot_refuses_bots_and_keeps_the_input(client, survey):
    data = answers(survey, comment="Mua thuốc giá rẻ")
    response = client.post(survey.url, {**data, HONEYPOT_FIELD: "http://spam.example"})
    assert response.status_code == 200
    assert "trông như được gửi tự động" in visible_text(response)
    assert soup(response).select_one("textarea").get_text().strip() == "Mua thuốc giá rẻ"
    assert not SurveySubmission.objects.exists()


@override_settings(ENGAGE_RATE_LIMITS={"survey": (2, 1, 3600)})
def test_rate_limit_per_address_and_per_account(client, survey, member):
    assert "Cảm ơn bạn!" in visible_text(submit(client, survey))
    assert "Cảm ơn bạn!" in visible_text(submit(Client(), survey))
    third = submit(Client(), survey, comment="Lần thứ ba")
    assert "quá nhiều lần" in visible_text(third)
    assert soup(third).select_one("textarea").get_text().strip() == "Lần thứ ba"
    assert SurveySubmission.objects.count() == 2

    other_address = Client(REMOTE_ADDR="10.0.0.2")
    other_address.force_login(member)
    assert "Cảm ơn bạn!" in visible_text(submit(other_address, survey))
    assert "quá nhiều lần" in visible_text(submit(other_address, survey))
    assert SurveySubmission.objects.count() == 3


# Results ---------------------------------------------------------------------------------


@pytest.fixture
def answered(survey, member):
    rows = [
        (["Chính sách, pháp luật", "Chăm lo đời sống"], "Zalo", member),
        (["Chính sách, pháp luật"], "Facebook", None),
        (["Gương người tốt việc tốt"], "Zalo", None),
    ]
    names = field_names(survey)
    for topics, channel, user in rows:
        SurveySubmission.objects.create(
            page=survey,
            user=user,
            form_data={
                names["Bạn muốn đọc thêm về chủ đề nào?"]: topics,
                names["Bạn thường đọc tin công đoàn ở đâu?"]: channel,
                names["Góp ý khác"]: "",
            },
        )
    return survey


def test_export_csv(client, board, answered):
    client.force_login(board)
    url = reverse("wagtailforms:list_submissions", args=[answered.pk])
    listing = client.get(url)
    assert listing.status_code == 200
    assert "Tổng hợp lựa chọn" in visible_text(listing)

    response = client.get(url, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0][:4] == [
        "Ngày gửi",
        "Người trả lời",
        "Bạn muốn đọc thêm về chủ đề nào?",
        "Bạn thường đọc tin công đoàn ở đâu?",
    ]
    assert len(rows) == 4
    assert rows[1][1] == "doanvien.kt"
    assert rows[1][2] == "Chính sách, pháp luật, Chăm lo đời sống"
    assert [row[3] for row in rows[1:]] == ["Zalo", "Facebook", "Zalo"]


def test_export_xlsx(client, board, answered):
    client.force_login(board)
    url = reverse("wagtailforms:list_submissions", args=[answered.pk])
    response = client.get(url, {"export": "xlsx"})
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0][1:4] == (
        "Người trả lời",
        "Bạn muốn đọc thêm về chủ đề nào?",
        "Bạn thường đọc tin công đoàn ở đâu?",
    )
    assert len(rows) == 4
    assert [row[3] for row in rows[1:]] == ["Zalo", "Facebook", "Zalo"]


def test_summary_counts_choices(client, board, answered):
    client.force_login(board)
    response = client.get(reverse("engage_survey_summary", args=[answered.pk]))
    assert response.status_code == 200
    tables = soup(response).select("main table, .content table")
    counts = [
        {
            tr.select("td")[0].get_text(strip=True): tr.select("td")[1].get_text(strip=True)
            for tr in table.select("tbody tr")
        }
        for table in tables
    ]
    assert counts[0] == {
        "Chính sách, pháp luật": "2",
        "Chăm lo đời sống": "1",
        "Gương người tốt việc tốt": "1",
        "Văn nghệ, thể thao": "0",
    }
    assert counts[1] == {"Trang tin công đoàn": "0", "Facebook": "1", "Zalo": "2", "E-office": "0"}
    assert "Tổng cộng 3 câu trả lời." in visible_text(response)


def test_members_cannot_see_results(client, member, answered):
    client.force_login(member)
    assert client.get(reverse("engage_survey_summary", args=[answered.pk])).status_code in (
        302,
        403,
    )
    url = reverse("wagtailforms:list_submissions", args=[answered.pk])
    assert client.get(url, {"export": "csv"}).status_code in (302, 403)
