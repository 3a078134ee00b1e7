"""An English translation goes through the same review workflow as its Vietnamese original.

A department editor translates a page of their department with wagtail-localize's own views,
cannot publish it (no "Publish" in the translation editor, a forged POST refused, "Sync
translated pages" refuses to publish), submits it for review from the translation editor; the
department head and then the board approve it, and it reads at /en/… with the right lang,
language switcher and hreflang. A change to the Vietnamese page is synchronised, translated and
reviewed the same way, while the live English page keeps what the board approved.
"""

import datetime
import json

import pytest

from django.urls import reverse

from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import Translation

from cms.models import BoardApprovalTask, DepartmentReviewTask
from cms.translation_workflow import SUBMIT_ACTION
from tests.i18n.test_localize import translate_strings
from tests.i18n.test_switcher import alternates, html_lang, switcher
from tests.utils import soup, visible_text
from tests.workflow.conftest import as_user, editorial, editorial_data  # noqa: F401
from tests.workflow.helpers import current_task, edit_url, live_article, workflow_action_url

TITLE = "Khoa Toán – Tin đón đoàn khách quốc tế"
LEAD = "Sáng 20/11, Khoa Toán – Tin đón đoàn giảng viên từ Nhật Bản."
ENGLISH = {
    TITLE: "Faculty of Mathematics welcomes international guests",
    LEAD: "On the morning of 20 November the faculty welcomed lecturers from Japan.",
}


def english():
    return Locale.objects.get(language_code="en")


def english_copy(page):
    return Page.objects.get(translation_key=page.translation_key, locale=english()).specific


def translation_record(page):
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=english())


def editor_props(response):
    """The props wagtail-localize's React translation editor starts from."""
    return json.loads(soup(response).select_one(".js-translation-editor")["data-props"])


@pytest.fixture
def department_article(editorial):  # noqa: F811
    return live_article(
        editorial.page("dept_a"),
        editorial.user("editor_a"),
        editorial.user("board"),
        title=TITLE,
        lead=LEAD,
    )


def approve(client, page, comment):
    response = client.post(workflow_action_url(page, "approve"), {"comment": comment})
    assert response.status_code == 302
    return response


def translate_submit_and_approve(as_user, page, capture):  # noqa: F811
    # The editor translates the page with wagtail-localize's "Translate" view …
    client = as_user("editor_a")
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [english().pk]},
    )
    assert response.status_code == 302
    target = english_copy(page)
    assert response["Location"] == edit_url(target)
    assert not target.live

    # … the translation editor opens, source beside target, with no "Publish" for them, and a
    # banner offering review instead.
    editor = client.get(edit_url(target))
    assert editor.status_code == 200
    props = editor_props(editor)
    assert props["perms"]["canPublish"] is False
    assert TITLE in editor.text
    banner = soup(editor).select_one(".lantoa-translation-review")
    assert banner is not None
    assert "Gửi duyệt" in banner.get_text()
    assert banner.select_one(f"button[name={SUBMIT_ACTION}]") is not None

    assert translate_strings(client, translation_record(page), ENGLISH) == 2

    # A forged "publish" is refused, as wagtail-localize does for non-publishers.
    with capture(execute=True):
        response = client.post(edit_url(target), {"action": "publish"})
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert not Page.objects.get(pk=target.pk).live

    # Submitting starts the workflow on a revision holding the English text.
    with capture(execute=True):
        response = client.post(edit_url(target), {SUBMIT_ACTION: "1"}, follow=True)
    assert response.status_code == 200
    assert "đã được gửi duyệt" in visible_text(response)
    target = english_copy(page)
    assert target.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert isinstance(current_task(target), DepartmentReviewTask)
    assert target.get_latest_revision().as_object().title == ENGLISH[TITLE]
    assert not target.live
    banner = soup(client.get(edit_url(target))).select_one(".lantoa-translation-review")
    assert "đang chờ duyệt" in banner.get_text() and banner.select_one("button") is None

    # The department head approves, then the board, as for the Vietnamese page.
    with capture(execute=True):
        approve(as_user("head_a"), target, "Bản dịch đạt.")
    assert isinstance(current_task(target), BoardApprovalTask)
    assert not Page.objects.get(pk=target.pk).live
    with capture(execute=True):
        approve(as_user("board"), target, "Đăng bản tiếng Anh.")
    return english_copy(page)


def test_editor_submits_a_translation_the_head_and_board_approve(
    editorial,  # noqa: F811
    as_user,  # noqa: F811
    department_article,
    django_capture_on_commit_callbacks,
):
    target = translate_submit_and_approve(
        as_user, department_article, django_capture_on_commit_callbacks
    )
    assert target.live
    assert target.title == ENGLISH[TITLE]
    assert target.slug == "faculty-of-mathematics-welcomes-international-guests"
    assert target.url.startswith("/en/")

    response = as_user("anonymous").get(target.url)
    assert response.status_code == 200
    assert html_lang(response) == "en"
    assert ENGLISH[LEAD] in response.text
    assert switcher(response)["vi"] == (department_article.url, False)
    assert alternates(response) == {
        "vi": f"http://testserver{department_article.url}",
        "en": f"http://testserver{target.url}",
        "x-default": f"http://testserver{department_article.url}",
    }
    assert switcher(as_user("anonymous").get(department_article.url))["en"] == (target.url, False)


def test_synchronised_change_is_reviewed_before_it_goes_live(
    editorial,  # noqa: F811
    as_user,  # noqa: F811
    department_article,
    django_capture_on_commit_callbacks,
):
    capture = django_capture_on_commit_callbacks
    target = translate_submit_and_approve(as_user, department_article, capture)
    # The Vietnamese page changes (through its own review; published here by the board).
    page = Page.objects.get(pk=department_article.pk).specific
    page.date = datetime.date(2026, 11, 21)
    page.lead = "Chiều 21/11, đoàn khách dự giờ lớp Giải tích."
    page.save_revision(user=editorial.user("editor_a")).publish(user=editorial.user("board"))

    client = as_user("editor_a")
    sync_url = reverse(
        "wagtail_localize:update_translations", args=[translation_record(page).source.pk]
    )
    sync_page = client.get(sync_url)
    assert sync_page.status_code == 200
    # No "Publish immediately" box for the editor; the board has one.
    assert soup(sync_page).select_one("input[type=checkbox][name=publish_translations]") is None
    board_page = as_user("board").get(sync_url)
    assert soup(board_page).select_one("input[type=checkbox][name=publish_translations]")
    client = as_user("editor_a")
    # Publishing the synchronised translations is the board's right, not the editor's.
    with capture(execute=True):
        response = client.post(sync_url, {"publish_translations": "on"}, follow=True)
    assert "Bạn không được đăng" in visible_text(response)
    assert english_copy(page).lead == ENGLISH[LEAD]
    assert ENGLISH[LEAD] in as_user("anonymous").get(target.url).text

    # Synchronising without publishing brings the new text into the translation editor.
    client = as_user("editor_a")
    with capture(execute=True):
        response = client.post(sync_url, {})
    assert response.status_code == 302
    new_lead = "In the afternoon of 21 November the guests attended a calculus class."
    translate_strings(
        client,
        translation_record(page),
        {"Chiều 21/11, đoàn khách dự giờ lớp Giải tích.": new_lead},
    )
    with capture(execute=True):
        client.post(edit_url(target), {SUBMIT_ACTION: "1"})
    target = english_copy(page)
    assert target.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    # While in review the English page keeps what the board approved.
    live = as_user("anonymous").get(target.url).text
    assert ENGLISH[LEAD] in live and new_lead not in live

    with capture(execute=True):
        approve(as_user("head_a"), target, "Đạt.")
    with capture(execute=True):
        approve(as_user("board"), target, "Đăng.")
    target = english_copy(page)
    assert target.lead == new_lead
    assert target.date == datetime.date(2026, 11, 21)  # the synchronised field followed
    assert new_lead in as_user("anonymous").get(target.url).text


def test_request_changes_then_resubmit(
    editorial,  # noqa: F811
    as_user,  # noqa: F811
    department_article,
    django_capture_on_commit_callbacks,
):
    capture = django_capture_on_commit_callbacks
    client = as_user("editor_a")
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[department_article.pk]),
        {"locales": [english().pk]},
    )
    target = english_copy(department_article)
    translate_strings(client, translation_record(department_article), ENGLISH)
    with capture(execute=True):
        client.post(edit_url(target), {SUBMIT_ACTION: "1"})
    head = as_user("head_a")
    with capture(execute=True):
        response = head.post(
            workflow_action_url(target, "reject"), {"comment": "Dịch lại tiêu đề."}
        )
    assert response.status_code == 302
    target = english_copy(department_article)
    assert target.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    client = as_user("editor_a")
    banner = soup(client.get(edit_url(target))).select_one(".lantoa-translation-review")
    assert "Gửi duyệt lại" in banner.get_text()
    translate_strings(
        client,
        translation_record(department_article),
        {TITLE: "The Faculty of Mathematics welcomes guests from Japan"},
    )
    with capture(execute=True):
        client.post(edit_url(target), {SUBMIT_ACTION: "1"})
    target = english_copy(department_article)
    assert target.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert (
        target.get_latest_revision().as_object().title
        == "The Faculty of Mathematics welcomes guests from Japan"
    )


def test_board_may_still_publish_from_the_translation_editor(
    editorial,  # noqa: F811
    as_user,  # noqa: F811
    department_article,
    django_capture_on_commit_callbacks,
):
    client = as_user("board")
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[department_article.pk]),
        {"locales": [english().pk]},
    )
    target = english_copy(department_article)
    editor = client.get(edit_url(target))
    assert editor_props(editor)["perms"]["canPublish"] is True
    assert "Gửi duyệt" in soup(editor).select_one(".lantoa-translation-review").get_text()
    translate_strings(client, translation_record(department_article), ENGLISH)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(target), {"action": "publish"})
    assert english_copy(department_article).live


def test_outsiders_cannot_submit_a_translation(
    editorial,  # noqa: F811
    as_user,  # noqa: F811
    department_article,
):
    as_user("editor_a").post(
        reverse("wagtail_localize:submit_page_translation", args=[department_article.pk]),
        {"locales": [english().pk]},
    )
    target = english_copy(department_article)
    for role, login in (("anonymous", True), ("editor_b", False), ("executive", False)):
        response = as_user(role).post(edit_url(target), {SUBMIT_ACTION: "1"})
        assert response.status_code == 302
        assert ("/admin/login/" in response["Location"]) is login
    assert english_copy(department_article).current_workflow_state is None


def test_editor_translates_a_whole_section_into_drafts(
    editorial,  # noqa: F811
    as_user,  # noqa: F811
    department_article,
):
    department = editorial.page("dept_a")
    response = as_user("editor_a").post(
        reverse("wagtail_localize:submit_page_translation", args=[department.pk]),
        {"locales": [english().pk], "include_subtree": "on"},
    )
    assert response.status_code == 302
    originals = Page.objects.descendant_of(department, inclusive=True)
    copies = Page.objects.filter(
        translation_key__in=originals.values("translation_key"), locale=english()
    )
    assert copies.count() == originals.count() > 2
    assert not copies.filter(live=True).exists()  # drafts until reviewed
    assert english_copy(department_article).get_parent().pk == english_copy(department).pk


def test_publishing_from_the_translation_editor_ends_the_review(
    editorial,  # noqa: F811
    as_user,  # noqa: F811
    department_article,
    django_capture_on_commit_callbacks,
):
    client = as_user("editor_a")
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[department_article.pk]),
        {"locales": [english().pk]},
    )
    target = english_copy(department_article)
    translate_strings(client, translation_record(department_article), ENGLISH)
    client.post(edit_url(target), {SUBMIT_ACTION: "1"})
    assert english_copy(department_article).current_workflow_state is not None

    with django_capture_on_commit_callbacks(execute=True):
        as_user("board").post(edit_url(target), {"action": "publish"})
    target = english_copy(department_article)
    assert target.live and target.title == ENGLISH[TITLE]
    assert target.current_workflow_state is None  # cancelled, nothing left to approve


def test_translating_a_section_never_publishes_its_live_translations(
    editorial,  # noqa: F811
    as_user,  # noqa: F811
    department_article,
    django_capture_on_commit_callbacks,
):
    """ "Translate" with its subtree re-saves pages already translated: a live English page gets
    a new revision for review, and readers keep what the board approved."""
    capture = django_capture_on_commit_callbacks
    target = translate_submit_and_approve(as_user, department_article, capture)
    page = Page.objects.get(pk=department_article.pk).specific
    page.lead = "Chiều 21/11, đoàn khách dự giờ lớp Giải tích."
    page.save_revision(user=editorial.user("editor_a")).publish(user=editorial.user("board"))
    client = as_user("editor_a")
    with capture(execute=True):
        client.post(
            reverse(
                "wagtail_localize:update_translations", args=[translation_record(page).source.pk]
            ),
            {},
        )
    new_lead = "In the afternoon of 21 November the guests attended a calculus class."
    translate_strings(
        client,
        translation_record(page),
        {"Chiều 21/11, đoàn khách dự giờ lớp Giải tích.": new_lead},
    )
    revisions = target.revisions.count()

    for section in (
        editorial.page("dept_a"),
        Page.objects.get(pk=page.get_parent().get_parent().pk),
    ):
        with capture(execute=True):
            client.post(
                reverse("wagtail_localize:submit_page_translation", args=[section.pk]),
                {"locales": [english().pk], "include_subtree": "on"},
            )

    target = english_copy(page)
    live = as_user("anonymous").get(target.url).text
    assert ENGLISH[LEAD] in live and new_lead not in live
    assert target.lead == ENGLISH[LEAD] and target.live
    assert target.revisions.count() > revisions
    assert target.get_latest_revision().as_object().lead == new_lead
