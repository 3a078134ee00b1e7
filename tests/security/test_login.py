"""Login throttling on every login form, sessions, passwords, and the account audit log."""

import re

import pytest
from axes.models import AccessAttempt

from django.contrib.auth.models import Permission
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from wagtail.models import ModelLogEntry

from cms.roles import DEMO_PASSWORD
from security import audit
from tests.utils import soup
from tests.workflow.helpers import make_user

PASSWORD = "mật-khẩu-đủ-dài-2026"
ADMIN_LOGIN = "/admin/login/"
MEMBERS_LOGIN = "/_util/login/"


@pytest.fixture
def editor(db):
    user = make_user("bientap.thu", password=PASSWORD)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def admin_post(client, username, password, url=ADMIN_LOGIN, address="10.1.2.3"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def entries(user, action):
    return ModelLogEntry.objects.filter(object_id=str(user.pk), action=action)


@pytest.mark.parametrize("url", [ADMIN_LOGIN, MEMBERS_LOGIN])
def test_five_failures_lock_the_account_at_that_address(client, editor, url):
    for _ in range(4):
        response = admin_post(client, editor.username, "sai-mat-khau", url)
        assert response.status_code == 200  # the form again, with its error
    response = admin_post(client, editor.username, "sai-mat-khau", url)
    assert response.status_code == 429
    assert "Đăng nhập tạm thời bị khóa" in response.content.decode()

    # Even the right password is refused while locked, from that address…
    response = admin_post(client, editor.username, PASSWORD, url)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # …but the account still logs in from elsewhere, and nobody else is locked out.
    response = admin_post(client, editor.username, PASSWORD, url, address="10.9.9.9")
    assert response.status_code == 302
    assert AccessAttempt.objects.filter(username=editor.username, ip_address="10.1.2.3").exists()


def test_a_success_clears_earlier_failures(client, editor):
    for _ in range(4):
        admin_post(client, editor.username, "sai-mat-khau")
    assert admin_post(client, editor.username, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert admin_post(client, editor.username, "sai-mat-khau").status_code == 200


def test_lockout_behind_a_proxy_uses_the_address_the_proxy_saw(client, editor, settings):
    settings.LANTOA_TRUSTED_PROXIES = 1
    for attempt in range(5):
        # A client that forges X-Forwarded-For cannot pick a fresh address per attempt.
        client.post(
            ADMIN_LOGIN,
            {"username": editor.username, "password": "sai"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"1.1.1.{attempt}, 203.0.113.7",
        )
    assert AccessAttempt.objects.get(username=editor.username).ip_address == "203.0.113.7"
    response = client.post(
        ADMIN_LOGIN,
        {"username": editor.username, "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.7",
    )
    assert response.status_code == 429


def test_test_client_login_still_works(client, editor):
    """Code that authenticates without a request (client.login) is not throttled."""
    assert client.login(username=editor.username, password=PASSWORD)
    assert not client.login(username=editor.username, password="sai")


def test_logins_failures_and_logouts_are_in_the_audit_log(client, editor):
    admin_post(client, editor.username, "sai-mat-khau")
    assert entries(editor, audit.LOGIN_FAILED).get().data["ip"] == "10.1.2.3"
    admin_post(client, editor.username, PASSWORD)
    assert entries(editor, audit.LOGIN).count() == 1
    client.post(reverse("wagtailadmin_logout"))
    assert entries(editor, audit.LOGOUT).count() == 1


def test_the_board_reads_account_events_in_the_site_history(as_user, editorial):
    editor = editorial.user("editor_a")
    client = as_user("anonymous")
    editor.set_password(PASSWORD)
    editor.save()
    admin_post(client, editor.username, "sai-mat-khau")
    for role, sees in [("executive", True), ("board", True), ("editor_a", False)]:
        response = as_user(role).get(reverse("wagtailadmin_reports:site_history"))
        shown = response.status_code == 200 and "Đăng nhập sai" in response.content.decode()
        assert shown is sees, role


def test_group_and_permission_changes_are_logged(editorial, as_user):
    from django.contrib.auth.models import Group

    editor = editorial.user("editor_a")
    board_group = Group.objects.get(name="Ban Tuyên giáo – Truyền thông")
    editor.groups.add(board_group)
    logged = [entry.data["groups"] for entry in entries(editor, audit.GROUPS_CHANGED)]
    assert [board_group.name] in logged


def test_passwords_need_twelve_characters_and_not_a_common_one(editor):
    with pytest.raises(ValidationError):
        validate_password("LanToa@2026")  # 11 characters
    validate_password(DEMO_PASSWORD)  # the demo accounts' password passes every validator
    with pytest.raises(ValidationError):
        validate_password("password1234")
    validate_password("mùa thu Sơn Hà 2026", editor)


def test_sessions_end_when_the_browser_closes_and_after_eight_hours(client, editor):
    response = admin_post(client, editor.username, PASSWORD)
    cookie = response.cookies["sessionid"]
    assert cookie["max-age"] == "" and cookie["expires"] == ""
    assert cookie["httponly"]
    assert client.session.get_expiry_age() == 8 * 60 * 60


def test_changing_the_password_logs_out_every_other_session(client, editor, django_user_model):
    other = type(client)()
    assert admin_post(other, editor.username, PASSWORD).status_code == 302
    assert admin_post(client, editor.username, PASSWORD).status_code == 302
    assert other.get("/admin/").status_code == 200
    new_password = "một mật khẩu mới rất dài"
    page = soup(client.get(reverse("wagtailadmin_account")))
    form = page.find("form", attrs={"method": re.compile("post", re.IGNORECASE)})
    data = {
        field["name"]: field.get("value", "")
        for field in form.find_all(["input", "select"])
        if field.get("name") and field.get("type") not in ("checkbox", "radio", "file")
    }
    for choice in form.find_all("input", type=["checkbox", "radio"], checked=True):
        data[choice["name"]] = choice.get("value", "on")
    for select in form.find_all("select"):
        chosen = select.find("option", selected=True) or select.find("option")
        data[select["name"]] = chosen.get("value", "") if chosen else ""
    data.update(
        {
            "name_email-last_name": "Nguyễn",  # required by the account form
            "password-old_password": PASSWORD,
            "password-new_password1": new_password,
            "password-new_password2": new_password,
        }
    )
    response = client.post(reverse("wagtailadmin_account"), data)
    problems = [
        error.get_text(" ", strip=True) for error in soup(response).select(".error-message")
    ]
    assert response.status_code == 302, problems
    # The session that changed it stays in; every other one is out.
    assert client.get("/admin/").status_code == 200
    assert other.get("/admin/").status_code == 302


def test_password_reset_e_mails_are_limited_per_address(client, editor, mailoutbox):
    url = reverse("wagtailadmin_password_reset")
    for _ in range(5):
        response = client.post(url, {"email": editor.email}, REMOTE_ADDR="10.5.5.5")
        assert response.status_code == 302
    assert len(mailoutbox) == 5
    response = client.post(url, {"email": editor.email}, REMOTE_ADDR="10.5.5.5")
    assert response.status_code == 429
    assert "Yêu cầu đặt lại mật khẩu quá nhiều lần" in response.content.decode()
    assert len(mailoutbox) == 5
    # Another address is not affected.
    assert client.post(url, {"email": editor.email}, REMOTE_ADDR="10.6.6.6").status_code == 302
