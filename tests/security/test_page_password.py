"""Wrong passwords on a password-protected page or document collection are limited."""

import pytest

from django.test import Client, override_settings
from django.urls import reverse

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests import factories

pytestmark = pytest.mark.django_db

PASSWORD = "hop-ban-chap-hanh-2026"


@pytest.fixture
def protected(news_index):
    page = factories.ArticlePageFactory(parent=news_index, title="Biên bản họp Ban Chấp hành")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    return page, url


def attempt(client, url, password, page, address="10.1.2.3"):
    return client.post(url, {"password": password, "return_url": page.url}, REMOTE_ADDR=address)


@override_settings(LANTOA_PAGE_PASSWORD_LIMIT=4)
def test_repeated_wrong_page_passwords_lock_that_address_for_a_while(protected, caplog):
    page, url = protected
    reader = Client()
    assert 'name="password"' in reader.get(page.url).content.decode()
    for _ in range(4):
        response = attempt(reader, url, "doan-mo-123", page)
        assert response.status_code == 200  # the form again, with its error
    locked = attempt(reader, url, PASSWORD, page)  # even the right one, for 15 minutes
    assert locked.status_code == 429
    assert locked["Retry-After"] == "900"
    html = locked.content.decode()
    assert "Tạm khóa nhập mật khẩu" in html and "15 phút" in html
    assert "Page password locked" in caplog.text
    assert "biên bản" not in html.lower()
    # The page stays closed to this reader: it still asks for the password.
    assert 'name="password"' in reader.get(page.url).content.decode()

    # Another address is not affected, and the right password lets it in.
    other = Client()
    response = attempt(other, url, PASSWORD, page, address="10.9.9.9")
    assert response.status_code == 302
    assert other.get(page.url).status_code == 200


@override_settings(LANTOA_PAGE_PASSWORD_LIMIT=3)
def test_the_right_password_before_the_limit_clears_the_count(protected):
    page, url = protected
    reader = Client()
    for _ in range(2):
        assert attempt(reader, url, "sai-mat-khau", page).status_code == 200
    assert attempt(reader, url, PASSWORD, page).status_code == 302
    for _ in range(2):
        assert attempt(Client(), url, "sai-mat-khau", page).status_code == 200
    assert attempt(Client(), url, PASSWORD, page).status_code == 302


@override_settings(LANTOA_PAGE_PASSWORD_LIMIT=2)
def test_document_collection_passwords_are_limited_too(db):
    private = Collection.get_first_root_node().add_child(name="Tài liệu Ban Chấp hành")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.PASSWORD, password=PASSWORD
    )
    document = factories.DocumentFactory(title="Dự thảo nghị quyết", collection=private)
    url = reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk])
    reader = Client()
    for _ in range(2):
        response = reader.post(url, {"password": "sai", "return_url": document.url})
        assert response.status_code == 200
    response = reader.post(url, {"password": PASSWORD, "return_url": document.url})
    assert response.status_code == 429
    # The document is still behind its password form.
    assert 'name="password"' in reader.get(document.url).content.decode()
