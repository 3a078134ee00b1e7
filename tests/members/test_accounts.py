"""Members on the public site: log in and land on the page, log out, reset a password by e-mail."""

import re

import pytest

from django.core import mail
from django.urls import reverse

from members.importer import MemberImporter
from tests import factories, utils
from tests.library.factories import make_members_only, member

PASSWORD = "mat-khau-doan-vien-2026"


@pytest.fixture
def members_page(home_page):
    page = factories.StandardPageFactory(parent=home_page, title="Tin nội bộ đoàn viên")
    make_members_only(page)
    return page


def login_url_for(client, page):
    response = client.get(page.url)
    assert response.status_code == 302
    return response["Location"]


def test_login_page_is_the_sites_own_and_links_to_password_reset(client, members_page):
    response = client.get(login_url_for(client, members_page))
    assert response.status_code == 200
    text = utils.visible_text(response)
    assert "Đăng nhập" in text
    link = utils.soup(response).select_one(".login-form__help a")
    assert link["href"] == reverse("members_password_reset")


def test_member_logs_in_lands_on_the_page_then_logs_out(client, django_user_model, members_page):
    member(django_user_model)
    url = login_url_for(client, members_page)
    response = client.post(
        url, {"username": "doanvien.kiemthu", "password": PASSWORD, "next": members_page.url}
    )
    assert response["Location"] == members_page.url
    page = client.get(members_page.url)
    assert page.status_code == 200
    assert "Đang đăng nhập: Vũ Hải Yến" in utils.visible_text(page)

    contribute = utils.soup(page).select_one(".account-links__contribute")
    assert contribute.get_text(strip=True) == "Gửi tin, đề cử"
    assert contribute["href"] == reverse("contributions_mine")

    logout = utils.soup(page).select_one("form.account-links__logout")
    assert logout["action"] == reverse("members_logout")
    assert client.post(logout["action"])["Location"] == "/"
    assert client.get(members_page.url).status_code == 302


def test_wrong_password_keeps_the_username_and_says_so(client, django_user_model, members_page):
    member(django_user_model)
    url = login_url_for(client, members_page)
    response = client.post(url, {"username": "doanvien.kiemthu", "password": "sai-mat-khau"})
    assert response.status_code == 200
    assert utils.soup(response).select_one("#id_username")["value"] == "doanvien.kiemthu"
    assert utils.soup(response).select_one(".login-form__error") is not None


def test_anonymous_header_offers_the_members_login(client, home_page):
    link = utils.soup(client.get(home_page.url)).select_one(".account-links__login")
    assert link.get_text(strip=True) == "Đoàn viên đăng nhập"
    assert link["href"].startswith(reverse("wagtailcore_login"))


def reset_link(message):
    match = re.search(r"http://testserver(/dat-lai-mat-khau/[^\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_password_reset_by_email(client, django_user_model, members_page):
    member(django_user_model)
    form = client.get(reverse("members_password_reset"))
    assert "Quên mật khẩu" in utils.visible_text(form)
    response = client.post(reverse("members_password_reset"), {"email": "YEN.VU@truong.edu.vn"})
    assert response["Location"] == reverse("members_password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["yen.vu@truong.edu.vn"]
    assert message.subject == "Đặt mật khẩu cho tài khoản Lan Tỏa"
    assert "Chào Vũ Hải Yến," in message.body
    assert "Tên đăng nhập của bạn: doanvien.kiemthu" in message.body

    confirm = client.get(reset_link(message), follow=True)
    assert "Đặt mật khẩu mới" in utils.visible_text(confirm)
    set_url = confirm.redirect_chain[-1][0]
    weak = client.post(set_url, {"new_password1": "123", "new_password2": "123"})
    assert weak.status_code == 200
    assert utils.soup(weak).select_one(".login-form__error") is not None
    new_password = "Hoa-phuong-do-2026"
    done = client.post(set_url, {"new_password1": new_password, "new_password2": new_password})
    assert done["Location"] == reverse("members_password_reset_complete")

    used = client.get(reset_link(message), follow=True)
    assert "Liên kết này đã hết hạn hoặc đã được dùng" in utils.visible_text(used)

    url = login_url_for(client, members_page)
    landed = client.post(
        url,
        {"username": "doanvien.kiemthu", "password": new_password, "next": members_page.url},
        follow=True,
    )
    assert landed.redirect_chain[-1][0] == members_page.url


def test_unknown_address_gets_the_same_answer_and_no_mail(client, db):
    response = client.post(reverse("members_password_reset"), {"email": "ai.do@example.org"})
    assert response["Location"] == reverse("members_password_reset_done")
    assert mail.outbox == []


def test_bad_address_is_refused_in_vietnamese_and_kept(client, db):
    response = client.post(reverse("members_password_reset"), {"email": "khong-phai-email"})
    assert response.status_code == 200
    assert utils.soup(response).select_one("#id_email")["value"] == "khong-phai-email"
    assert utils.soup(response).select_one(".login-form__error").get_text(strip=True)


def test_imported_member_sets_a_first_password_by_email(client, department):
    report = MemberImporter().run(
        "Họ và tên,Email,Đơn vị\nNguyễn Thị Lan,lan.nguyen@truong.edu.vn,Khoa Toán\n"
    )
    assert len(report.created) == 1
    client.post(reverse("members_password_reset"), {"email": "lan.nguyen@truong.edu.vn"})
    assert len(mail.outbox) == 1
    assert "Tên đăng nhập của bạn: lan.nguyen@truong.edu.vn" in mail.outbox[0].body


def test_accounts_without_password_outside_the_members_group_get_no_mail(client, django_user_model):
    user = django_user_model.objects.create_user("sso", email="sso@truong.edu.vn")
    user.set_unusable_password()
    user.save()
    client.post(reverse("members_password_reset"), {"email": "sso@truong.edu.vn"})
    assert mail.outbox == []
