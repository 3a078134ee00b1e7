"""English translations start as drafts, and only the board publishes them.

WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE=False closes the gap where translating a live
page made a live English copy that nobody had reviewed. Anyone with wagtail-localize's
``submit_translation`` (department editors too) may start a translation; publishing it from
the translation editor needs publish rights on the page.
"""

import pytest

from django.conf import settings
from django.contrib.auth.models import Permission
from django.urls import reverse

from wagtail.models import GroupPagePermission, Locale, Page
from wagtail_localize.operations import translate_object

from cms.models import DepartmentPage
from tests.workflow.helpers import edit_url, live_article


def english():
    return Locale.objects.get(language_code="en")


def english_copy(page):
    return Page.objects.get(translation_key=page.translation_key, locale=english()).specific


def translate_in_admin(client, page):
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    return client.post(url, {"locales": [english().pk]})


def publish_in_translation_editor(client, translation):
    return client.post(edit_url(translation), {"action": "publish"})


@pytest.fixture
def board_article(editorial):
    return live_article(
        editorial.news,
        editorial.user("board2"),
        editorial.user("board"),
        title="Công đoàn trường đón đoàn khách quốc tế",
    )


def test_setting_is_off():
    assert settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is False


def test_translating_a_live_page_makes_a_draft_only_the_board_publishes(
    editorial, as_user, board_article, django_capture_on_commit_callbacks
):
    page = board_article
    client = as_user("editor_a")  # editors may submit translations …
    response = translate_in_admin(client, page)
    assert response.status_code == 302
    translation = english_copy(page)
    assert response["Location"] == edit_url(translation)
    assert not translation.live, "a translation of a live page starts as a draft"
    assert translation.get_latest_revision() is not None
    assert translation.get_parent().specific.locale == english()  # parents copied for it
    assert (
        as_user("anonymous").get(f"/en/{translation.url_path.split('/', 2)[2]}").status_code == 404
    )

    # … but not publish one. The board's page is not theirs to edit at all:
    client = as_user("editor_a")
    with django_capture_on_commit_callbacks(execute=True):
        response = publish_in_translation_editor(client, translation)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    translation.refresh_from_db()
    assert not translation.live
    # … and with edit rights on the English copy (what editors have on their department's
    # translations), the translation editor opens for them but refuses to publish.
    GroupPagePermission.objects.create(
        group=editorial.dept_a.editors_group,
        page=translation,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="change_page"
        ),
    )
    client = as_user("editor_a")
    editor_page = client.get(edit_url(translation))
    assert editor_page.status_code == 200 and "wagtail_localize" in editor_page.text
    with django_capture_on_commit_callbacks(execute=True):
        response = publish_in_translation_editor(client, translation)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    translation.refresh_from_db()
    assert not translation.live

    # The board opens the translation editor and publishes.
    client = as_user("board")
    assert client.get(edit_url(translation)).status_code == 200
    # (wagtail-localize publishes once the request's transaction commits.)
    with django_capture_on_commit_callbacks(execute=True):
        response = publish_in_translation_editor(client, translation)
    assert response.status_code == 302
    translation.refresh_from_db()
    assert translation.live
    assert as_user("anonymous").get(translation.url).status_code == 200


def test_translate_object_makes_drafts_whoever_asks(editorial, board_article):
    translate_object(board_article, [english()], user=editorial.user("board"))
    assert not english_copy(board_article).live


def test_members_and_the_executive_cannot_translate(editorial, as_user, board_article):
    for role in ("anonymous", "member"):
        response = translate_in_admin(as_user(role), board_article)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    response = translate_in_admin(as_user("executive"), board_article)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert not Page.objects.filter(
        translation_key=board_article.translation_key, locale=english()
    ).exists()


def test_editor_translates_own_department_page_into_a_draft_and_cannot_publish_it(
    editorial, as_user, django_capture_on_commit_callbacks
):
    page = editorial.page("live_a")
    client = as_user("editor_a")
    response = translate_in_admin(client, page)
    translation = english_copy(page)
    assert response["Location"] == edit_url(translation)
    assert not translation.live
    assert DepartmentPage.objects.filter(locale=english()).count() == 1

    # The editor may edit the English copy in the department's subtree, not publish it.
    with django_capture_on_commit_callbacks(execute=True):
        response = publish_in_translation_editor(client, translation)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    translation.refresh_from_db()
    assert not translation.live
    with django_capture_on_commit_callbacks(execute=True):
        publish_in_translation_editor(as_user("board"), translation)
    translation.refresh_from_db()
    assert translation.live
