"""Policy Q&A: members ask, the board answers and publishes, the asker is told."""

import pytest

from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse

from wagtail.test.utils.form_data import rich_text

from engage.models import QAPage, Question
from engage.spam import HONEYPOT_FIELD
from tests import utils
from tests.engage.factories import QAPageFactory, QuestionFactory
from tests.engage.helpers import post_as_a_browser, soup, visible_text

pytestmark = pytest.mark.django_db

QUESTION = (
    "Tôi là giảng viên Khoa Ngữ văn, sinh con thứ hai vào tháng 3/2027. "
    "Tôi được nghỉ thai sản bao lâu và chồng tôi có được nghỉ không?"
)


def ask(client, page, **overrides):
    data = {"topic": "thai-san", "question": QUESTION, "name": "Chị Lan", "email": ""}
    data.update(overrides)
    return client.post(page.url, data)


# Asking ----------------------------------------------------------------------------------


def test_member_asks_a_question(client, qa_index, member):
    client.force_login(member)
    form = client.get(qa_index.url)
    assert soup(form).select_one("#gui-cau-hoi form")
    assert "no-store" in form["Cache-Control"]
    # The member's account fills in the e-mail for the reply.
    assert soup(form).select_one("input[name=email]")["value"] == member.email

    response = ask(client, qa_index, email=member.email)
    assert response.status_code == 302
    thanks = client.get(response["Location"])
    assert "Cảm ơn bạn! Câu hỏi của bạn đã được ghi nhận." in visible_text(thanks)
    question = Question.objects.get()
    assert question.asker == member
    assert question.email == member.email
    assert question.name == "Chị Lan"
    assert question.topic == "thai-san"
    assert question.status == Question.Status.NEW


def test_member_without_e_mail_in_the_form_gets_the_account_address(client, qa_index, member):
    client.force_login(member)
    ask(client, qa_index, email="")
    assert Question.objects.get().email == member.email


def test_anonymous_readers_are_asked_to_log_in(client, qa_index):
    response = client.get(qa_index.url)
    assert "Đăng nhập để gửi câu hỏi" in visible_text(response)
    assert not soup(response).select("#gui-cau-hoi form")
    # Without a form the page is the same for every anonymous reader, so it may be cached.
    assert "no-store" not in response.get("Cache-Control", "")
    ask(client, qa_index, email="ai.do@example.org")
    assert not Question.objects.exists()


def test_open_form_needs_an_e_mail_and_keeps_the_input(client, qa_index):
    qa_index.questions_from_anyone = True
    qa_index.save_revision().publish()
    response = ask(client, qa_index, question="Nghỉ phép?", email="khong-phai-thu")
    assert response.status_code == 200
    text = visible_text(response)
    assert "Câu hỏi quá ngắn: vui lòng viết ít nhất 20 ký tự." in text
    assert "Địa chỉ thư điện tử không hợp lệ" in text
    page = soup(response)
    assert page.select_one("textarea[name=question]").get_text().strip() == "Nghỉ phép?"
    assert page.select_one("input[name=email]")["value"] == "khong-phai-thu"
    assert page.select_one("input[name=name]")["value"] == "Chị Lan"
    assert page.select_one("select[name=topic] option[selected]")["value"] == "thai-san"

    missing = ask(client, qa_index, topic="", email="")
    text = visible_text(missing)
    assert "Vui lòng chọn chủ đề gần nhất với câu hỏi của bạn." in text
    assert "Vui lòng cho biết địa chỉ thư điện tử" in text
    assert not Question.objects.exists()

    ok = post_as_a_browser(
        qa_index.url, {"topic": "thai-san", "question": QUESTION, "email": "lan@example.org"}
    )
    assert ok.status_code == 302
    assert Question.objects.get().asker is None


def test_honeypot_on_the_question_form(client, qa_index, member):
    client.force_login(member)
    response = ask(client, qa_index, **{HONEYPOT_FIELD: "x"})
    assert response.status_code == 200
    assert "trông như được gửi tự động" in visible_text(response)
    assert soup(response).select_one("textarea[name=question]").get_text().strip() == QUESTION
    assert not Question.objects.exists()


@override_settings(ENGAGE_RATE_LIMITS={"question": (10, 2, 3600)})
def test_rate_limit_per_account(client, qa_index, member):
    client.force_login(member)
    assert ask(client, qa_index).status_code == 302
    assert ask(client, qa_index).status_code == 302
    third = ask(client, qa_index, question=QUESTION + " Xin cảm ơn.")
    assert third.status_code == 200
    assert "quá nhiều lần" in visible_text(third)
    assert (
        soup(third).select_one("textarea[name=question]").get_text().strip().endswith("Xin cảm ơn.")
    )
    assert Question.objects.count() == 2


@override_settings(ENGAGE_RATE_LIMITS={"question": (1, 5, 3600)})
def test_rate_limit_per_address(qa_index):
    qa_index.questions_from_anyone = True
    qa_index.save_revision().publish()
    data = {"topic": "bhxh", "question": QUESTION, "email": "a@example.org"}
    assert Client().post(qa_index.url, data).status_code == 302
    assert "quá nhiều lần" in visible_text(Client().post(qa_index.url, data))
    assert Client(REMOTE_ADDR="10.1.1.1").post(qa_index.url, data).status_code == 302
    assert Question.objects.count() == 2


# Answering -------------------------------------------------------------------------------


def test_board_answers_and_publishes_the_asker_is_told(client, board, member, qa_index):
    question = QuestionFactory(
        topic="thai-san", question=QUESTION, asker=member, name="Chị Lan", email=member.email
    )
    client.force_login(board)

    listing = client.get(reverse("engage_question:index"), {"status": "moi"})
    assert listing.status_code == 200
    assert "Tôi là giảng viên Khoa Ngữ văn" in visible_text(listing)
    filtered = client.get(reverse("engage_question:index"), {"topic": "bhxh"})
    assert "Tôi là giảng viên Khoa Ngữ văn" not in visible_text(filtered)

    answer_url = reverse("engage_question_answer", args=[question.pk])
    confirm = client.get(answer_url)
    assert "Tạo trang trả lời" in visible_text(confirm)
    created = client.post(answer_url)
    page = QAPage.objects.get()
    assert created["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert not page.live
    question.refresh_from_db()
    assert question.page == page
    assert question.status == Question.Status.ANSWERING
    assert not mail.outbox

    # The board removes what identifies the asker, writes the answer and publishes.
    data = utils.edit_form_data(client, page)
    data["title"] = "Sinh con thứ hai được nghỉ thai sản bao lâu?"
    data["question"] = (
        "Tôi sinh con thứ hai vào tháng 3/2027. Tôi được nghỉ thai sản bao lâu "
        "và chồng tôi có được nghỉ không?"
    )
    data["answer"] = rich_text(
        "<p>Lao động nữ sinh con được nghỉ 6 tháng trước và sau khi sinh. Lao động nam "
        "đang đóng bảo hiểm xã hội được nghỉ 5 ngày làm việc khi vợ sinh thường.</p>"
    )
    data["action-publish"] = "action-publish"
    response = client.post(utils.edit_url(page), data)
    assert response.status_code == 302, visible_text(response)[:1500]
    page.refresh_from_db()
    assert page.live

    question.refresh_from_db()
    assert question.status == Question.Status.PUBLISHED
    assert question.notified_at is not None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [member.email]
    assert "Câu hỏi của bạn đã được trả lời" in message.subject
    assert page.get_full_url() in message.body
    assert "Kính gửi Chị Lan," in message.body

    # Publishing again (a correction) does not e-mail the asker twice.
    page.save_revision(user=board).publish(user=board)
    assert len(mail.outbox) == 1

    # The public page: question and answer, never who asked.
    public = Client().get(page.url)
    assert public.status_code == 200
    text = visible_text(public)
    assert "Lao động nữ sinh con được nghỉ 6 tháng" in text
    for secret in ("Chị Lan", member.email, member.username, "Vũ Hải Yến", "Khoa Ngữ văn"):
        assert secret not in text
        assert secret not in public.content.decode()

    # Listed under its topic on the Q&A page.
    index = Client().get(qa_index.url)
    group = soup(index).select_one("#chu-de-thai-san").find_parent("section")
    assert "Chế độ thai sản" in group.get_text()
    assert "Sinh con thứ hai được nghỉ thai sản bao lâu?" in group.get_text()


def test_other_admin_users_cannot_open_the_questions(client, editorial):
    """Someone with the admin but outside the board (a department editor) never sees askers."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    editor = get_user_model().objects.create_user("bientap.kt", "bt@truong.edu.vn", "x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    QuestionFactory()
    client.force_login(editor)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    assert client.get(reverse("engage_question:index")).status_code in (302, 403)
    home = visible_text(client.get(reverse("wagtailadmin_home")))
    assert "Câu hỏi của đoàn viên" not in home


def test_members_cannot_open_the_questions(client, member):
    QuestionFactory()
    client.force_login(member)
    assert client.get(reverse("engage_question:index")).status_code in (302, 403)
    question = Question.objects.get()
    assert client.post(reverse("engage_question_answer", args=[question.pk])).status_code in (
        302,
        403,
    )
    assert not QAPage.objects.exists()


# Finding answers -------------------------------------------------------------------------


@pytest.fixture
def answers(qa_index):
    QAPageFactory(parent=qa_index)
    QAPageFactory(
        parent=qa_index,
        title="Nghỉ ốm có giấy của bệnh viện hưởng chế độ gì?",
        topic="bhxh",
        question="Nghỉ ốm 5 ngày có giấy ra viện thì hưởng chế độ ốm đau thế nào?",
        answer="<p>Mức hưởng chế độ ốm đau bằng 75% tiền lương đóng bảo hiểm xã hội.</p>",
        legal_basis="Luật Bảo hiểm xã hội 2024",
    )
    return qa_index


def test_in_page_search_folds_diacritics(client, answers):
    response = client.get(answers.url, {"q": "nghi phep"})
    text = visible_text(response)
    assert "Nghỉ phép hằng năm được bao nhiêu ngày?" in text
    assert "Nghỉ ốm có giấy" not in text
    assert "Tìm thấy 1 câu trả lời cho “nghi phep”." in text
    assert soup(response).select_one(".qa-list__snippet mark")

    both = visible_text(client.get(answers.url, {"q": "Nghỉ"}))
    assert "Nghỉ phép hằng năm" in both and "Nghỉ ốm có giấy" in both

    none = visible_text(client.get(answers.url, {"q": '"; DROP TABLE' + "x" * 500}))
    assert "Không có câu trả lời nào khớp" in none


def test_site_search_finds_answers(client, answers):
    response = client.get("/tim-kiem/", {"q": "che do om dau"})
    assert response.status_code == 200
    assert "Nghỉ ốm có giấy của bệnh viện hưởng chế độ gì?" in visible_text(response)


def test_answer_page_renders_with_disclaimer(client, answers):
    page = QAPage.objects.get(topic="lao-dong")
    text = visible_text(client.get(page.url))
    assert "Bộ luật Lao động 2019, Điều 113, 114" in text
    assert "không phải tư vấn pháp lý" in text
    assert "Câu hỏi của đoàn viên" in text


def test_qa_page_queries_do_not_grow_with_answers(client, qa_index, django_assert_max_num_queries):
    """Listing and searching answers costs the same with 2 answers or 12 (no query per answer)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries(params):
        client.get(qa_index.url, params)  # warm the site-root cache
        with CaptureQueriesContext(connection) as captured:
            assert client.get(qa_index.url, params).status_code == 200
        return len(captured)

    for n in range(2):
        QAPageFactory(parent=qa_index, title=f"Nghỉ phép năm trường hợp {n}")
    few = queries({}), queries({"q": "nghi phep"})
    for n in range(2, 12):
        QAPageFactory(parent=qa_index, title=f"Nghỉ phép năm trường hợp {n}")
    many = queries({}), queries({"q": "nghi phep"})
    print(f"\nQ&A page queries (list, search): 2 answers {few}, 12 answers {many}")
    # Never more with more answers (a shared lookup cached by the first page may save one).
    assert all(m <= f for m, f in zip(many, few, strict=True)), (few, many)
    with django_assert_max_num_queries(15):
        client.get(qa_index.url, {"q": "nghi phep"})


def test_answer_through_the_review_workflow(client, board, member, qa_index):
    """One board member drafts and submits; another approves; only then is the asker told."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from cms import roles
    from tests.workflow.helpers import workflow_action_url

    second = get_user_model().objects.create_user("bannhat.kt", "bn@truong.edu.vn", "x")
    second.groups.add(Group.objects.get(name=roles.COMMUNICATIONS))
    question = QuestionFactory(topic="lao-dong", asker=member, email=member.email)

    client.force_login(second)
    client.post(reverse("engage_question_answer", args=[question.pk]))
    page = QAPage.objects.get()
    data = utils.edit_form_data(client, page)
    data["title"] = "Nghỉ ốm có giấy của bệnh viện hưởng chế độ gì?"
    data["answer"] = rich_text("<p>Mức hưởng bằng 75% tiền lương đóng bảo hiểm xã hội.</p>")
    data["action-submit"] = "action-submit"
    response = client.post(utils.edit_url(page), data)
    assert response.status_code == 302, visible_text(response)[:1500]
    page.refresh_from_db()
    assert not page.live
    assert page.workflow_in_progress
    assert not [m for m in mail.outbox if member.email in m.to]

    client.force_login(board)
    client.post(workflow_action_url(page, "approve"), {"comment": ""})
    page.refresh_from_db()
    assert page.live
    told = [m for m in mail.outbox if member.email in m.to]
    assert len(told) == 1
    assert page.get_full_url() in told[0].body
