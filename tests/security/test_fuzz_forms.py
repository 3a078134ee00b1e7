"""Random and hostile input in every public form: surveys, Q&A questions, member contributions,
members' password forms and the page-password form. Never a 500, never a stored script."""

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from wagtail.models import PageViewRestriction

from contributions.models import Contribution
from engage.models import SurveyPage
from engage.spam import HONEYPOT_FIELD
from members.models import MemberProfile
from tests import factories
from tests.engage.factories import (
    QAIndexPageFactory,
    SurveyFormFieldFactory,
    SurveyIndexPageFactory,
    SurveyPageFactory,
)
from tests.security.test_fuzz import FUZZ, TEXT, safe

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(2)">'
UNLIMITED = dict.fromkeys(("survey", "question", "contribution"), (100000, 100000, 3600))
CHOICES = "Có\nKhông\nChưa biết"
FIELD_TYPES = [
    "singleline",
    "multiline",
    "email",
    "number",
    "url",
    "checkbox",
    "checkboxes",
    "dropdown",
    "multiselect",
    "radio",
    "date",
    "datetime",
    "hidden",
]


def no_script(html):
    """No script a browser would run came from the input: no <script> or event handler with
    the payloads' ``alert(``, no ``javascript:`` link (escaped text is fine)."""
    document = BeautifulSoup(html, "html.parser")
    for tag in document.find_all(True):
        if tag.name == "script":
            kind = tag.get("type", "text/javascript")
            if kind.endswith("javascript") or kind == "module":
                if "alert(" in tag.get_text():
                    return False
            elif "<" in tag.get_text():  # data (JSON-LD): no markup that could end it
                return False
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if name.startswith("on") and "alert(" in value:
                return False
            if name in ("href", "src", "action") and value.strip().lower().startswith(
                "javascript:"
            ):
                return False
    return True


@pytest.fixture
def unlimited(settings):
    settings.ENGAGE_RATE_LIMITS = UNLIMITED


@pytest.fixture
def survey(home_page, unlimited):
    page = SurveyPageFactory(parent=SurveyIndexPageFactory(parent=home_page), slug="khao-sat-mo")
    for kind in FIELD_TYPES:
        SurveyFormFieldFactory(
            page=page,
            label=f"Câu hỏi {kind}",
            field_type=kind,
            choices=CHOICES if kind in ("checkboxes", "dropdown", "multiselect", "radio") else "",
            required=kind in ("singleline", "radio"),
        )
    return SurveyPage.objects.get(pk=page.pk)


@FUZZ
@given(
    values=st.lists(TEXT, min_size=len(FIELD_TYPES), max_size=len(FIELD_TYPES)),
    repeat=st.booleans(),
    honeypot=st.one_of(st.just(""), TEXT),
)
def test_survey_answers_never_give_a_500_or_echo_a_script(survey, values, repeat, honeypot):
    data = {HONEYPOT_FIELD: safe(honeypot)}
    for field, value in zip(survey.get_form_fields(), values, strict=True):
        data[field.clean_name] = [safe(value), SCRIPT] if repeat else safe(value)
    response = Client(raise_request_exception=False).post(survey.url, data)
    assert response.status_code < 500, data
    assert no_script(response.content.decode())


def test_hostile_survey_answers_are_stored_as_text_and_shown_escaped(survey, admin_user):
    fields = {field.field_type: field.clean_name for field in survey.get_form_fields()}
    answer = {
        fields["singleline"]: SCRIPT,
        fields["multiline"]: f"{IMG}\n<a href='javascript:alert(3)'>bấm</a>",
        fields["radio"]: "Có",
        fields["checkboxes"]: ["Không"],
    }
    response = Client().post(survey.url, answer)
    assert response.status_code == 200
    assert "Cảm ơn bạn!" in response.content.decode()
    submission = survey.get_submissions().get()
    assert submission.form_data[fields["singleline"]] == SCRIPT  # kept exactly as typed

    board = Client()
    board.force_login(admin_user)
    for url in (
        reverse("wagtailforms:list_submissions", args=[survey.pk]),
        reverse("engage_survey_summary", args=[survey.pk]),
    ):
        page = board.get(url)
        assert page.status_code == 200, url
        assert no_script(page.content.decode()), url
    listing = board.get(reverse("wagtailforms:list_submissions", args=[survey.pk])).content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in listing.decode()


@pytest.fixture
def qa_page(home_page, unlimited):
    return QAIndexPageFactory(parent=home_page, questions_from_anyone=True)


@FUZZ
@given(topic=TEXT, question=TEXT, name=TEXT, email=TEXT, query=TEXT)
def test_questions_never_give_a_500_or_echo_a_script(qa_page, topic, question, name, email, query):
    client = Client(raise_request_exception=False)
    data = {"topic": safe(topic), "question": safe(question) + SCRIPT, "name": safe(name)}
    response = client.post(qa_page.url, {**data, "email": safe(email)})
    assert response.status_code < 500, data
    assert no_script(response.content.decode())
    response = client.get(qa_page.url, {"q": safe(query)})
    assert response.status_code < 500


@pytest.fixture
def member(editorial, unlimited):
    user = editorial.user("member")
    MemberProfile.objects.update_or_create(user=user, defaults={"department": editorial.dept_a})
    return user


def member_client(member):
    client = Client(raise_request_exception=False)
    client.force_login(member)
    return client


def assert_drafts_carry_no_script():
    """The drafts' rich text, as pages render it (plain fields are escaped by templates)."""
    for contribution in Contribution.objects.exclude(page=None):
        page = contribution.page.specific
        stored = " ".join(
            str(getattr(page, name)) for name in ("body", "story") if hasattr(page, name)
        )
        assert no_script(stored), stored


@FUZZ
@given(
    title=TEXT,
    lead=TEXT,
    body=TEXT,
    note=TEXT,
    department=st.one_of(st.none(), TEXT),
)
def test_news_tips_never_give_a_500_or_store_a_script(
    editorial, member, title, lead, body, note, department
):
    data = {
        "title": safe(title) or "Tin ngắn",
        "lead": safe(lead) + IMG,
        "body": safe(body) + "\n\n" + SCRIPT,
        "note": safe(note),
        "department": str(editorial.dept_a.pk) if department is None else safe(department),
    }
    response = member_client(member).post("/gop-tin/gui-tin-bai/", data)
    assert response.status_code < 500, data
    assert no_script(response.content.decode())
    assert_drafts_carry_no_script()


@FUZZ
@given(fields=st.lists(TEXT, min_size=8, max_size=8), valid_category=st.booleans())
def test_nominations_never_give_a_500_or_store_a_script(editorial, member, fields, valid_category):
    category = factories.ExemplarCategoryFactory() if valid_category else None
    names = ["name", "position", "unit", "deeds", "why", "confirm", "consent", "department"]
    data = {name: safe(value) for name, value in zip(names, fields, strict=True)}
    data["deeds"] += SCRIPT
    if category:
        data.update(category=str(category.pk), consent="asked", name=data["name"] or "Hạnh")
        data["department"] = str(editorial.dept_b.pk)
    response = member_client(member).post("/gop-tin/de-cu-guong-sang/", data)
    assert response.status_code < 500, data
    assert no_script(response.content.decode())
    assert_drafts_carry_no_script()


@FUZZ
@given(email=TEXT, uid=TEXT, token=TEXT, password=TEXT, address=st.integers(1, 250))
def test_members_password_forms_never_give_a_500(home_page, email, uid, token, password, address):
    client = Client(raise_request_exception=False)
    response = client.post(
        "/quen-mat-khau/", {"email": safe(email)}, REMOTE_ADDR=f"10.0.3.{address}"
    )
    assert response.status_code < 500
    segment = (safe(uid) or "x").replace("/", "").replace("?", "").replace("#", "")
    url = f"/dat-lai-mat-khau/{segment}/{(safe(token) or 'y').replace('/', '')}/"
    url = url.replace("?", "").replace("#", "")
    for method in (client.get, client.post):
        response = method(url, {"new_password1": safe(password), "new_password2": safe(password)})
        assert response.status_code < 500, url
    assert client.post("/dang-xuat/").status_code < 500


@pytest.fixture
def protected(news_index):
    page = factories.ArticlePageFactory(parent=news_index, title="Biên bản nội bộ")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau-trang"
    )
    return reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])


@FUZZ
@given(password=TEXT, return_url=TEXT)
def test_page_password_form_never_gives_a_500_nor_a_foreign_redirect(
    protected, password, return_url
):
    cache.clear()  # the wrong-password limit is tested on its own (test_page_password.py)
    client = Client(raise_request_exception=False)
    for attempt in (safe(password), "mat-khau-trang"):
        response = client.post(protected, {"password": attempt, "return_url": safe(return_url)})
        assert response.status_code < 500
        if response.status_code == 302:
            location = response["Location"]
            assert location.startswith("/") and not location.startswith("//"), location


def test_a_tip_full_of_markup_becomes_a_draft_that_shows_it_as_text(editorial, member):
    data = {
        "title": "Tin <b>đậm</b>",
        "lead": IMG,
        "body": f"{SCRIPT}\n\nĐoạn hai <a href='javascript:alert(3)'>bấm</a>",
        "note": "",
        "department": str(editorial.dept_a.pk),
    }
    response = member_client(member).post("/gop-tin/gui-tin-bai/", data)
    assert response.status_code == 302, response.content.decode()[:1000]
    page = Contribution.objects.get(submitter=member).page.specific
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in str(page.body)
    assert_drafts_carry_no_script()
    # The editor's preview of the draft, the whole page as it would be published.
    preview = page.make_preview_request()
    if hasattr(preview, "render"):
        preview.render()
    assert preview.status_code == 200
    html = preview.content.decode()
    assert no_script(html)
    assert "&lt;img src=x onerror=" in html  # the lead, shown as the text that was typed
