"""Two-step login: a stolen password alone cannot publish."""

import re

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.test import Client
from django.urls import reverse

from wagtail.models import ModelLogEntry

from security import audit
from tests.workflow.helpers import article_form

PASSWORD = "mật-khẩu-bị-lộ-2026"


@pytest.fixture
def require_2fa(settings):
    settings.LANTOA_REQUIRE_2FA = True


def password_login(user, address="10.0.0.1"):
    user.set_password(PASSWORD)
    user.save()
    client = Client()
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": user.username, "password": PASSWORD},
        REMOTE_ADDR=address,
    )
    assert response.status_code == 302
    return client


def code_for(device):
    device.refresh_from_db()
    return TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()


def publish(client, page, title):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        article_form(page, title=title, **{"action-publish": "action-publish"}),
    )


def enrol(client, user):
    assert client.get(reverse("security_2fa_setup")).status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(reverse("security_2fa_setup"), {"token": f"{code_for(device):06d}"})
    assert response.status_code == 200
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", response.content.decode())
    assert len(codes) == 10
    return codes


def test_a_stolen_password_cannot_publish(require_2fa, editorial):
    board = editorial.user("board")
    page = editorial.page("live_a")
    client = password_login(board)

    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("security_2fa_setup"))
    response = publish(client, page, "Tin giả mạo")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("security_2fa_setup"))
    page.refresh_from_db()
    assert page.title != "Tin giả mạo"
    assert not page.revisions.filter(content__title="Tin giả mạo").exists()


def test_enrolment_then_every_login_asks_for_the_code(require_2fa, editorial):
    board = editorial.user("board")
    page = editorial.page("live_a")
    client = password_login(board)
    setup_page = client.get(reverse("security_2fa_setup")).content.decode()
    assert "Thiết lập đăng nhập hai bước" in setup_page
    assert "<svg" in setup_page  # the QR code, drawn inline

    codes = enrol(client, board)
    assert ModelLogEntry.objects.filter(
        object_id=str(board.pk), action=audit.TWO_FACTOR_ENABLED
    ).exists()
    assert publish(client, page, "Tin đã xác minh").status_code == 302
    page.refresh_from_db()
    assert page.title == "Tin đã xác minh"

    # A new session with the password only is sent to the second step, and stays there.
    thief = password_login(board, address="10.0.0.2")
    response = thief.get(reverse("wagtailadmin_home"))
    assert response["Location"].startswith(reverse("security_2fa_verify"))
    assert thief.get(reverse("security_2fa_setup")).status_code == 302  # cannot re-enrol
    response = thief.post(reverse("security_2fa_verify"), {"token": "123456"})
    assert response.status_code == 200
    assert "Mã không đúng hoặc đã hết hạn" in response.content.decode()
    assert publish(thief, page, "Tin giả mạo").status_code == 302
    page.refresh_from_db()
    assert page.title == "Tin đã xác minh"

    # Each wrong code slows the next try down (django-otp's throttling); an hour later:
    StaticDevice.objects.update(throttling_failure_count=0, throttling_failure_timestamp=None)
    # the owner, without a phone today: a recovery code works, once.
    owner = password_login(board, address="10.0.0.3")
    response = owner.post(reverse("security_2fa_verify"), {"token": codes[0]})
    assert response.status_code == 302
    assert owner.get(reverse("wagtailadmin_home")).status_code == 200
    assert not StaticToken.objects.filter(token=codes[0]).exists()
    again = password_login(board, address="10.0.0.4")
    response = again.post(reverse("security_2fa_verify"), {"token": codes[0]})
    assert response.status_code == 200


def test_accounts_that_cannot_publish_are_not_forced(require_2fa, editorial):
    editor = editorial.user("editor_a")
    client = password_login(editor)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    # …but they can switch it on from their account page.
    account = client.get(reverse("wagtailadmin_account")).content.decode()
    assert reverse("security_2fa_setup") in account
    enrol(client, editor)
    later = password_login(editor, address="10.0.0.9")
    assert later.get(reverse("wagtailadmin_home"))["Location"].startswith(
        reverse("security_2fa_verify")
    )


def test_off_in_development_and_tests_by_default(editorial):
    board = editorial.user("board")
    client = password_login(board)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
