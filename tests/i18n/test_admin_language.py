"""The admin answers in Vietnamese for every new user, whatever their browser asks for;
each user can switch to English in their account settings."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse

from wagtail.test.utils.form_data import querydict_from_html

from tests.utils import visible_text


@pytest.fixture
def new_user(db):
    user = get_user_model().objects.create_user(
        "bientap.moi",
        "bientap.moi@truong.edu.vn",
        "mat-khau-dai-hon-10",
        first_name="Hà",
        last_name="Phạm Thu",
    )
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user


def test_new_user_gets_a_vietnamese_admin_even_from_an_english_browser(client, new_user):
    client.force_login(new_user)
    response = client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "vi"
    text = visible_text(response)
    assert "Tài khoản" in text and "Chuyển đến nội dung chính" in text
    assert "Account" not in text and "Skip to main content" not in text
    assert 'lang="vi"' in response.text


@pytest.mark.django_db
def test_login_page_is_vietnamese(client):
    response = client.get(reverse("wagtailadmin_login"), HTTP_ACCEPT_LANGUAGE="en")
    text = visible_text(response)
    assert "Đăng nhập" in text
    assert "Sign in" not in text


def test_user_switches_to_english_in_account_settings(client, new_user):
    client.force_login(new_user)
    url = reverse("wagtailadmin_account")
    page = client.get(url)
    assert page.status_code == 200
    assert "Ngôn ngữ" in page.text
    data = querydict_from_html(page.content.decode(), form_id="w-editor-form").copy()
    assert "locale-preferred_language" in data
    data["locale-preferred_language"] = "en"
    response = client.post(url, data)
    assert response.status_code == 302
    new_user.refresh_from_db()
    assert new_user.wagtail_userprofile.preferred_language == "en"

    response = client.get(reverse("wagtailadmin_home"))
    assert 'lang="en"' in response.text
    assert "Account" in visible_text(response)
    assert "Tài khoản" not in visible_text(response)

    # Back to Vietnamese.
    data["locale-preferred_language"] = "vi"
    client.post(url, data)
    response = client.get(reverse("wagtailadmin_home"))
    assert 'lang="vi"' in response.text
