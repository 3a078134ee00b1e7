"""Drafts, previews and members-only files are not reachable without permission."""

from django.test import Client
from django.urls import reverse

from wagtail.models import Collection, CollectionViewRestriction

from tests import factories
from tests.workflow.helpers import is_login_redirect, is_refused


def test_drafts_and_previews_need_permission(editorial, as_user):
    draft = editorial.page("draft_a")
    assert not draft.live
    urls = [
        reverse("wagtailadmin_pages:view_draft", args=[draft.pk]),
        reverse("wagtailadmin_pages:preview_on_edit", args=[draft.pk]),
        reverse("wagtailadmin_pages:revisions_index", args=[draft.pk]),
    ]
    anonymous = Client()
    assert anonymous.get(draft.url or f"/{draft.slug}/").status_code == 404
    for url in urls:
        assert is_login_redirect(anonymous.get(url)), url
    member = as_user("member")
    for url in urls:
        assert is_refused(member.get(url)), url
    other_department = as_user("editor_b")
    assert is_refused(other_department.get(urls[0]))
    assert as_user("editor_a").get(urls[0]).status_code == 200


def test_members_only_documents_need_a_login(db, settings):
    private = Collection.get_first_root_node().add_child(name="Tài liệu nội bộ")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    assert restriction.pk
    document = factories.DocumentFactory(title="Biên bản họp nội bộ", collection=private)
    response = Client().get(document.url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    # Files are never served from a public media address by the site itself.
    assert not settings.DEBUG
    assert Client().get(settings.MEDIA_URL + document.file.name).status_code == 404
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
