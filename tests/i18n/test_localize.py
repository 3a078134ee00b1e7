"""Translating a page with wagtail-localize's own admin views, as an editor and the board do,
then reading it at /en/…; and a changed Vietnamese page synchronised into its translation."""

import datetime
from urllib.parse import urlencode

import pytest

from django.urls import reverse

from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation

from tests.i18n.test_switcher import alternates, html_lang, switcher
from tests.workflow.conftest import as_user, editorial, editorial_data  # noqa: F401
from tests.workflow.helpers import edit_url, live_article


def english_copy(page, english):
    return Page.objects.get(translation_key=page.translation_key, locale=english).specific


def translate_strings(client, translation, answers):
    """Type ``answers`` ({source text: translation}) into wagtail-localize's editor."""
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    typed = 0
    for segment in segments:
        if segment.string.data in answers:
            url = reverse(
                "wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]
            )
            response = client.put(
                url,
                urlencode({"value": answers[segment.string.data]}),
                content_type="application/x-www-form-urlencoded",
            )
            assert response.status_code in (200, 201), response.content
            typed += 1
    return typed


@pytest.fixture
def board_article(editorial):  # noqa: F811
    return live_article(
        editorial.news,
        editorial.user("board2"),
        editorial.user("board"),
        title="Công đoàn trường đón đoàn khách quốc tế",
        lead="Sáng 20/11, công đoàn trường đón đoàn khách từ Nhật Bản.",
    )


def translate_and_publish(as_user, page, english, django_capture_on_commit_callbacks):  # noqa: F811
    client = as_user("editor_a")
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [english.pk], "include_subtree": ""},
    )
    assert response.status_code == 302
    target = english_copy(page, english)
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=english
    )
    # The translation editor opens with source and target side by side.
    client = as_user("board")
    editor = client.get(edit_url(target))
    assert editor.status_code == 200
    assert "Công đoàn trường đón đoàn khách quốc tế" in editor.text
    assert "wagtail_localize" in editor.text or "w-localize" in editor.text
    typed = translate_strings(
        client,
        translation,
        {
            "Công đoàn trường đón đoàn khách quốc tế": "The union welcomes international guests",
            "Sáng 20/11, công đoàn trường đón đoàn khách từ Nhật Bản.": (
                "On the morning of 20 November the union welcomed guests from Japan."
            ),
        },
    )
    assert typed == 2
    assert not Page.objects.get(pk=target.pk).live  # a draft until the board publishes
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url(target), {"action": "publish"})
    assert response.status_code == 302
    return english_copy(page, english)


@pytest.fixture
def english(editorial):  # noqa: F811
    from wagtail.models import Locale

    return Locale.objects.get(language_code="en")


def test_translate_publish_and_read_in_english(
    editorial,  # noqa: F811
    as_user,  # noqa: F811
    board_article,
    english,
    django_capture_on_commit_callbacks,
):
    target = translate_and_publish(
        as_user, board_article, english, django_capture_on_commit_callbacks
    )
    assert target.live
    assert target.title == "The union welcomes international guests"
    # The slug follows the English title, ASCII and unique.
    assert target.slug == "the-union-welcomes-international-guests"
    assert target.url.startswith("/en/") and target.url.endswith(
        "/the-union-welcomes-international-guests/"
    )

    client = as_user("anonymous")
    response = client.get(target.url)
    assert response.status_code == 200
    assert html_lang(response) == "en"
    assert "On the morning of 20 November" in response.text
    assert switcher(response)["vi"] == (board_article.url, False)
    assert alternates(response) == {
        "vi": f"http://testserver{board_article.url}",
        "en": f"http://testserver{target.url}",
        "x-default": f"http://testserver{board_article.url}",
    }
    response = client.get(board_article.url)
    assert switcher(response)["en"] == (target.url, False)


def test_changed_vietnamese_page_syncs_into_its_translation(
    editorial,  # noqa: F811
    as_user,  # noqa: F811
    board_article,
    english,
    django_capture_on_commit_callbacks,
):
    target = translate_and_publish(
        as_user, board_article, english, django_capture_on_commit_callbacks
    )
    # The Vietnamese page changes: a new date (synchronised) and a new intro (to translate).
    page = Page.objects.get(pk=board_article.pk).specific
    page.date = datetime.date(2026, 11, 21)
    page.lead = "Chiều 21/11, đoàn khách thăm Khoa Toán – Tin."
    page.save_revision(user=editorial.user("board")).publish(user=editorial.user("board"))

    client = as_user("board")
    source_url = reverse(
        "wagtail_localize:update_translations",
        args=[
            Translation.objects.get(
                source__object_id=board_article.translation_key, target_locale=english
            ).source.pk
        ],
    )
    response = client.get(source_url)
    assert response.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(source_url, {"publish_translations": "on"})
    assert response.status_code == 302

    target = english_copy(board_article, english)
    assert target.date == datetime.date(2026, 11, 21)  # synchronised field follows
    assert target.title == "The union welcomes international guests"  # translation kept
    # The new lead has no English yet: the original text stands in until it is translated.
    assert target.lead == "Chiều 21/11, đoàn khách thăm Khoa Toán – Tin."
    translation = Translation.objects.get(
        source__object_id=board_article.translation_key, target_locale=english
    )
    translate_strings(
        client,
        translation,
        {"Chiều 21/11, đoàn khách thăm Khoa Toán – Tin.": "On 21 November the guests visited."},
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(target), {"action": "publish"})
    target = english_copy(board_article, english)
    assert target.lead == "On 21 November the guests visited."
    response = as_user("anonymous").get(target.url)
    assert "On 21 November the guests visited." in response.text
