"""Issue 11: visitors who are not members send news after verifying an e-mail address, when
the board switches it on in the site settings (ContributionSettings)."""

import re
import time

import pytest

from django.core import signing
from django.test import TestCase
from django.urls import reverse
from django.utils.http import urlencode

from wagtail.models import Site

from articles.models import ArticlePage
from contributions import verification
from contributions.models import BlockedSubmitter, Contribution, ContributionSettings
from engage.spam import HONEYPOT_FIELD
from exemplars.models import ExemplarPage
from members.models import MemberProfile
from tests import factories, utils
from tests.contributions.test_contributions import (
    MINE_URL,
    NOMINATE_URL,
    TIP_URL,
    gps_photo,
    nomination_data,
    tip_data,
)

VERIFY_URL = "/gop-tin/xac-minh-email/"
VISITOR = "Co.Lan@Gmail.com"


def switch(on):
    setting = ContributionSettings.for_site(Site.objects.get(is_default_site=True))
    setting.allow_verified_email = on
    setting.save()


@pytest.fixture
def switched_on(editorial):
    switch(True)
    return editorial


def link_in(mail):
    found = re.findall(r"https?://\S+", mail.body)
    assert len(found) == 1, mail.body
    return found[0].replace("http://testserver", "")


def verify(client, email=VISITOR, mailoutbox=None, next_name="tip", **extra):
    """Ask for a link as a visitor would, and return the link's path."""
    before = len(mailoutbox)
    response = client.post(VERIFY_URL, {"email": email, "next": next_name}, **extra)
    assert response.status_code == 200
    assert len(mailoutbox) == before + 1, utils.visible_text(response)
    return link_in(mailoutbox[-1])


def test_off_by_default_refuses_visitors_with_a_login_link(editorial, as_user, mailoutbox):
    client = as_user("anonymous")
    for url in (TIP_URL, NOMINATE_URL, MINE_URL, VERIFY_URL):
        response = client.get(url)
        assert response.status_code == 403
        login = utils.soup(response).select_one("main a.button")
        assert login["href"].startswith(reverse("wagtailcore_login") + "?next=")
    response = client.post(VERIFY_URL, {"email": VISITOR})
    assert response.status_code == 403 and not mailoutbox
    # A link made while it was on does nothing once the board switched it off.
    token = verification.make_token(VISITOR)
    response = client.get(reverse("contributions_verify_link", args=[token]))
    assert response.status_code == 403
    assert verification.SESSION_KEY not in client.session
    assert client.post(TIP_URL, tip_data(editorial)).status_code == 403
    assert not Contribution.objects.exists()


def test_the_board_switches_it_on_in_the_settings(editorial, as_user):
    client = as_user("board")
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["contributions", "contributionsettings", site.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert "Cho phép gửi từ e-mail đã xác minh" in utils.visible_text(response)
    response = client.post(url, {"allow_verified_email": "on"})
    assert response.status_code == 302
    assert ContributionSettings.for_site(site).allow_verified_email
    # Editors of a department may not change it.
    assert as_user("editor_a").get(url).status_code in (302, 403)


def test_verified_visitor_sends_a_tip_and_follows_it(switched_on, client, mailoutbox):
    site = switched_on
    response = client.get(TIP_URL)
    assert response.status_code == 200
    page = utils.visible_text(response)
    assert "xác minh địa chỉ e-mail" in page
    login = utils.soup(response).select_one("main a.button")
    assert login.get_text(strip=True) == "Đoàn viên đăng nhập"
    assert login["href"] == reverse("wagtailcore_login") + "?" + urlencode({"next": TIP_URL})

    response = client.post(VERIFY_URL, {"email": VISITOR, "next": "tip"})
    assert "Chúng tôi đã gửi một liên kết tới co.lan@gmail.com" in utils.visible_text(response)
    assert mailoutbox[-1].to == ["co.lan@gmail.com"]
    assert "Xác minh" in mailoutbox[-1].subject
    link = link_in(mailoutbox[-1])
    assert client.get(TIP_URL).status_code == 200  # still the verification form
    assert 'name="title"' not in client.get(TIP_URL).content.decode()

    response = client.get(link)
    assert response.status_code == 302 and response["Location"] == TIP_URL
    form = client.get(TIP_URL)
    assert 'name="title"' in form.content.decode()
    assert "co.lan@gmail.com" in utils.visible_text(form)

    mailoutbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(TIP_URL, tip_data(site, photos=[gps_photo()]))
    assert response.status_code == 302, utils.visible_text(response)[:2000]
    contribution = Contribution.objects.get()
    assert contribution.submitter is None
    assert contribution.submitter_email == "co.lan@gmail.com"
    page = ArticlePage.objects.get(pk=contribution.page_id)
    assert page.get_parent().pk == site.dept_a.pk and not page.live
    assert "co.lan@gmail.com" not in str(page.body) + page.lead
    # The editors are told, and see who sent it.
    assert sorted(address for mail in mailoutbox for address in mail.to) == [
        "editor.a2@truong.edu.vn",
        "editor.a@truong.edu.vn",
    ]
    assert "Người gửi: co.lan@gmail.com" in mailoutbox[0].body

    mine = utils.visible_text(client.get(response["Location"]))
    assert "Cảm ơn bạn!" in mine and tip_data(site)["title"] in mine and "Đã nhận" in mine

    # The nomination form works from the same verified browser.
    category = factories.ExemplarCategoryFactory()
    response = client.post(NOMINATE_URL, nomination_data(site, category))
    assert response.status_code == 302
    assert ExemplarPage.objects.get(title="Nguyễn Thị Hạnh").get_parent().pk == site.dept_b.pk
    assert Contribution.objects.filter(submitter_email="co.lan@gmail.com").count() == 2

    # Another browser sees nothing of it without the link.
    other = client.__class__()
    response = other.get(MINE_URL)
    assert response.status_code == 200 and tip_data(site)["title"] not in response.content.decode()

    # A decline is e-mailed to the verified address, and shows its reason.
    editor = client.__class__()
    editor.force_login(switched_on.user("editor_a"))
    mailoutbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = editor.post(
            reverse("contributions_decline", args=[contribution.pk]),
            {"reason": "Tin đã đăng tuần trước."},
        )
    assert response.status_code == 302
    assert [mail.to for mail in mailoutbox] == [["co.lan@gmail.com"]]
    mine = utils.visible_text(client.get(MINE_URL))
    assert "Không đăng" in mine and "Tin đã đăng tuần trước." in mine


def test_declined_as_spam_blocks_the_address(switched_on, client, mailoutbox):
    client.get(verify(client, mailoutbox=mailoutbox))
    client.post(TIP_URL, tip_data(switched_on, title="Quảng cáo bán hàng"))
    spam = Contribution.objects.get()
    editor = client.__class__()
    editor.force_login(switched_on.user("editor_a"))
    editor.post(
        reverse("contributions_decline", args=[spam.pk]), {"reason": "Quảng cáo.", "spam": "on"}
    )
    assert BlockedSubmitter.objects.filter(email="co.lan@gmail.com").exists()
    # Verifying the same address again, in a new browser, does not help.
    fresh = client.__class__()
    fresh.get(verify(fresh, email="CO.LAN@gmail.com", mailoutbox=mailoutbox))
    assert fresh.get(TIP_URL).status_code == 403
    response = fresh.post(TIP_URL, tip_data(switched_on, title="Lại quảng cáo"))
    assert response.status_code == 403 and "tin rác" in utils.visible_text(response)
    assert Contribution.objects.count() == 1


def test_logged_in_non_member_may_verify_an_address(switched_on, as_user, mailoutbox):
    client = as_user("editor_b")
    response = client.get(TIP_URL)
    assert response.status_code == 200 and 'name="email"' in response.content.decode()
    client.get(verify(client, "editor.b@truong.edu.vn", mailoutbox))
    response = client.post(TIP_URL, tip_data(switched_on))
    assert response.status_code == 302
    contribution = Contribution.objects.get()
    assert contribution.submitter == switched_on.user("editor_b")
    assert contribution.submitter_email == "editor.b@truong.edu.vn"
    assert contribution.source() == "Editor B <editor.b@truong.edu.vn>"


def test_members_need_no_verification(switched_on, as_user):
    client = as_user("member")
    response = client.get(TIP_URL)
    assert response.status_code == 200 and 'name="title"' in response.content.decode()
    assert client.get(VERIFY_URL)["Location"] == TIP_URL


def test_expired_link_is_refused(switched_on, client, mailoutbox, monkeypatch):
    two_days_ago = signing.b62_encode(int(time.time()) - 2 * 24 * 3600)
    monkeypatch.setattr(signing.TimestampSigner, "timestamp", lambda self: two_days_ago)
    token = verification.make_token(VISITOR)
    monkeypatch.undo()
    response = client.get(reverse("contributions_verify_link", args=[token]))
    assert response.status_code == 400
    page = utils.visible_text(response)
    assert "Liên kết này đã hết hạn." in page and "24 giờ" in page
    assert 'name="email"' in response.content.decode()  # ask again, right there
    assert 'name="title"' not in client.get(TIP_URL).content.decode()


@pytest.mark.parametrize(
    "token",
    [
        "khong-phai-ma",
        # Signed with the right key but for another purpose (no salt).
        signing.dumps({"e": "ke.gian@example.com", "n": "tip"}, compress=True),
    ],
)
def test_forged_links_are_refused(switched_on, client, token):
    response = client.get(reverse("contributions_verify_link", args=[token]))
    assert response.status_code == 400
    assert "Liên kết này không hợp lệ." in utils.visible_text(response)
    assert verification.SESSION_KEY not in client.session
    assert 'name="title"' not in client.get(TIP_URL).content.decode()


def test_tampered_link_is_refused(switched_on, client, mailoutbox):
    link = verify(client, mailoutbox=mailoutbox)
    token = link.rstrip("/").rsplit("/", 1)[1]
    payload, rest = token.split(":", 1)
    forged = signing.dumps({"e": "ke.gian@example.com", "n": "tip"}, compress=True)
    tampered = forged.split(":", 1)[0] + ":" + rest
    assert tampered != token
    response = client.get(reverse("contributions_verify_link", args=[tampered]))
    assert response.status_code == 400
    assert verification.SESSION_KEY not in client.session


def test_verification_mails_are_limited_per_address_and_per_ip(
    switched_on, client, mailoutbox, settings
):
    settings.CONTRIBUTIONS_VERIFY_LIMITS = (2, 3, 3600)
    # Per address: the third link to the same address is refused, even from another IP.
    verify(client, mailoutbox=mailoutbox, REMOTE_ADDR="10.0.0.1")
    verify(client, mailoutbox=mailoutbox, REMOTE_ADDR="10.0.0.2")
    response = client.post(VERIFY_URL, {"email": VISITOR}, REMOTE_ADDR="10.0.0.3")
    assert response.status_code == 200 and len(mailoutbox) == 2
    page = utils.visible_text(response)
    assert "Có quá nhiều yêu cầu gửi thư xác minh" in page
    assert utils.soup(response).find("input", {"name": "email"})["value"] == VISITOR

    # Per IP: three links from 10.0.0.1 in all, whatever the addresses.
    verify(client, "a@example.com", mailoutbox, REMOTE_ADDR="10.0.0.1")
    verify(client, "b@example.com", mailoutbox, REMOTE_ADDR="10.0.0.1")
    response = client.post(VERIFY_URL, {"email": "c@example.com"}, REMOTE_ADDR="10.0.0.1")
    assert "Có quá nhiều yêu cầu gửi thư xác minh" in utils.visible_text(response)
    assert len(mailoutbox) == 4
    verify(client, "c@example.com", mailoutbox, REMOTE_ADDR="10.0.0.9")


def test_verification_form_validates_and_has_a_honeypot(switched_on, client, mailoutbox):
    response = client.post(VERIFY_URL, {"email": "khong-phai-email"})
    assert "Vui lòng nhập một địa chỉ e-mail hợp lệ" in utils.visible_text(response)
    response = client.post(VERIFY_URL, {"email": VISITOR, HONEYPOT_FIELD: "http://spam"})
    assert response.status_code == 200 and not mailoutbox


def test_visitor_contributions_are_rate_limited_per_address(
    switched_on, client, mailoutbox, settings
):
    settings.ENGAGE_RATE_LIMITS = {"contribution": (50, 1, 3600)}
    client.get(verify(client, mailoutbox=mailoutbox))
    assert client.post(TIP_URL, tip_data(switched_on, title="Tin một")).status_code == 302
    # A fresh browser with the same verified address shares the address's limit.
    fresh = client.__class__()
    fresh.get(verify(fresh, mailoutbox=mailoutbox))
    response = fresh.post(TIP_URL, tip_data(switched_on, title="Tin hai"))
    assert response.status_code == 200 and "quá nhiều lần" in utils.visible_text(response)
    assert Contribution.objects.count() == 1


def test_link_leads_to_my_contributions_when_asked_from_there(switched_on, client, mailoutbox):
    assert 'name="email"' in client.get(MINE_URL).content.decode()
    link = verify(client, mailoutbox=mailoutbox, next_name="mine")
    assert client.get(link)["Location"] == MINE_URL
    response = client.get(MINE_URL)
    assert response.status_code == 200
    assert "Bạn chưa gửi bài nào." in utils.visible_text(response)


def test_text_typed_while_verification_lapsed_is_kept_until_verified(
    switched_on, client, mailoutbox
):
    """The browser's verification lapsed (a new session) while the visitor was writing: the
    post is not lost; after verifying again the form shows the text again, once."""
    site = switched_on
    data = tip_data(site, body="Chiều 25/11, công đoàn tổ chức giải bóng chuyền.")
    response = client.post(TIP_URL, data)
    assert response.status_code == 200
    page = utils.visible_text(response)
    assert "Nội dung bạn đã viết được giữ lại" in page
    assert not Contribution.objects.exists()

    client.get(verify(client, mailoutbox=mailoutbox))
    form = client.get(TIP_URL)
    page = form.content.decode()
    assert "đã được điền lại vào biểu mẫu" in utils.visible_text(form)
    assert 'value="Khoa Toán – Tin thăm hỏi đoàn viên ốm đau"' in page
    assert "Chiều 25/11, công đoàn tổ chức giải bóng chuyền." in page
    chosen = utils.soup(form).select_one('select[name="department"] option[selected]')
    assert chosen["value"] == str(site.dept_a.pk)
    again = client.get(TIP_URL)  # shown once, then forgotten
    assert "giải bóng chuyền" not in again.content.decode()


def test_member_whose_log_in_lapsed_gets_the_text_back_after_logging_in(editorial, client):
    member = editorial.user("member")
    MemberProfile.objects.update_or_create(user=member, defaults={"department": editorial.dept_a})
    data = nomination_data(editorial, factories.ExemplarCategoryFactory())
    response = client.post(NOMINATE_URL, data)
    assert response.status_code == 403
    assert "Nội dung bạn đã viết được giữ lại" in utils.visible_text(response)

    client.force_login(member)  # logging in keeps the session's data (a new key)
    page = client.get(NOMINATE_URL).content.decode()
    assert "Nguyễn Thị Hạnh" in page and "Cô Hạnh dạy miễn phí cho con em đoàn viên" in page
    assert client.get(TIP_URL).status_code == 200  # the other form is not filled with it
