"""Issue 11: members send news tips and nominations; they become drafts in the department."""

import io

import pytest
from PIL import ExifTags
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils.http import urlencode

from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry

from articles.models import ArticlePage
from contributions.models import BlockedSubmitter, Contribution
from engage.spam import HONEYPOT_FIELD
from exemplars.models import ExemplarPage
from members.models import MemberProfile
from tests import factories, utils
from tests.workflow.helpers import (
    article_form,
    edit_url,
    exemplar_form,
    is_refused,
    workflow_action_url,
)

TIP_URL = "/gop-tin/gui-tin-bai/"
NOMINATE_URL = "/gop-tin/de-cu-guong-sang/"
MINE_URL = "/gop-tin/cua-toi/"


def committed():
    """Run the on-commit callbacks (the e-mails) as a committed request would."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def gps_photo(name="anh-hoi-thao.jpg", colour="#1f6f5c"):
    """A JPEG with EXIF that includes a GPS position, as a phone camera writes it."""
    image = PILImage.new("RGB", (64, 48), colour)
    exif = PILImage.Exif()
    exif[ExifTags.Base.Make] = "Điện thoại"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (21.0, 1.0, 30.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (105.0, 51.0, 0.0)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif.tobytes())
    data = buffer.getvalue()
    with PILImage.open(io.BytesIO(data)) as check:
        assert check.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the photo really has a position
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def tip_data(site, **extra):
    data = {
        "title": "Khoa Toán – Tin thăm hỏi đoàn viên ốm đau",
        "lead": "Sáng 20/11, Ban chấp hành công đoàn Khoa Toán – Tin đến thăm cô Lan.",
        "body": "Đoàn đã trao quà và lời chúc.\n\nCô Lan cảm ơn công đoàn.",
        "department": str(site.dept_a.pk),
        "note": "Ảnh do thầy Nam chụp.",
    }
    data.update(extra)
    return data


def nomination_data(site, category, **extra):
    data = {
        "name": "Nguyễn Thị Hạnh",
        "position": "Giảng viên",
        "unit": "Khoa Ngữ văn",
        "category": str(category.pk) if category else "",
        "deeds": "Cô Hạnh dạy miễn phí cho con em đoàn viên suốt ba năm.",
        "why": "Cô là tấm gương tận tụy, được đồng nghiệp quý mến.",
        "confirm": "Thầy Bình, trưởng khoa, 0912 345 678",
        "consent": "asked",
        "department": str(site.dept_b.pk),
    }
    data.update(extra)
    return data


@pytest.fixture
def member(editorial):
    user = editorial.user("member")
    MemberProfile.objects.update_or_create(user=user, defaults={"department": editorial.dept_a})
    return user


def test_tip_becomes_draft_in_own_department_and_goes_through_workflow(
    editorial, as_user, member, mailoutbox
):
    site = editorial
    client = as_user("member")
    form = client.get(TIP_URL)
    assert form.status_code == 200
    # The member's own department is chosen already.
    assert f'<option value="{site.dept_a.pk}" selected' in form.content.decode()

    data = tip_data(site, photos=[gps_photo(), gps_photo("anh-2.jpg", "#aa3300")])
    with committed():
        response = client.post(TIP_URL, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    contribution = Contribution.objects.get(submitter=member)
    assert contribution.kind == Contribution.KIND_TIP
    page = ArticlePage.objects.get(pk=contribution.page_id)
    assert page.get_parent().pk == site.dept_a.pk
    assert not page.live
    assert page.owner is None and page.byline == ""
    assert page.lead.startswith("Sáng 20/11")
    assert "Cô Lan cảm ơn công đoàn." in str(page.body)
    assert page.hero_image is not None
    assert page.hero_image.collection_id == site.dept_a.collection_id
    assert [block.block_type for block in page.body] == ["paragraph", "paragraph", "image"]
    assert PageLogEntry.objects.filter(page=page, action="contributions.received").exists()
    assert (
        "Ảnh do thầy Nam chụp."
        in PageLogEntry.objects.get(page=page, action="contributions.received").data["note"]
    )
    # Nothing reaches the public.
    assert as_user("anonymous").get("/gop-tin/").status_code == 404
    assert not Page.objects.live().filter(title=data["title"]).exists()

    # The department's editors (and only they) are told.
    recipients = sorted(address for mail in mailoutbox for address in mail.to)
    assert recipients == ["editor.a2@truong.edu.vn", "editor.a@truong.edu.vn"]
    assert data["title"] in mailoutbox[0].subject
    assert f"/admin/pages/{page.pk}/edit/" in mailoutbox[0].body

    # The submitter sees "received"; the editors see it on their dashboard.
    mine = as_user("member").get(response["Location"]).content.decode()
    assert "Đã nhận" in mine and data["title"] in mine
    dashboard = as_user("editor_a").get(reverse("wagtailadmin_home")).content.decode()
    assert "Từ đoàn viên" in dashboard and data["title"] in dashboard
    assert (
        data["title"] not in as_user("editor_b").get(reverse("wagtailadmin_home")).content.decode()
    )
    # The board sees every department's, with who sent it (for the editors' eyes only).
    dashboard = utils.visible_text(as_user("board").get(reverse("wagtailadmin_home")))
    assert data["title"] in dashboard
    assert f"Người gửi: {contribution.source()}" in dashboard
    assert member.email in contribution.source()
    assert f"Người gửi: {contribution.source()}" in mailoutbox[0].body
    # The submitter's name is nowhere on the page.
    assert member.first_name not in str(page.body) + page.lead + page.title

    # The editor edits and submits; the head and the board approve.
    mailoutbox.clear()
    client = as_user("editor_a")
    response = client.post(
        edit_url(page),
        article_form(page, hero_image=str(page.hero_image_id), **{"action-submit": "Gửi duyệt"}),
    )
    assert response.status_code == 302
    mine = as_user("member").get(MINE_URL).content.decode()
    assert "Đang biên tập" in mine
    as_user("head_a").post(workflow_action_url(page, "approve"), {"comment": "Được."})
    as_user("board").post(workflow_action_url(page, "approve"), {"comment": "Đăng."})
    page.refresh_from_db()
    assert page.live

    told = [mail for mail in mailoutbox if mail.to == [member.email]]
    assert len(told) == 1
    assert page.get_full_url() in told[0].body
    mine = as_user("member").get(MINE_URL).content.decode()
    assert "Đã đăng" in mine and page.url in mine


def test_exif_and_gps_are_stripped(editorial, as_user, member):
    response = as_user("member").post(TIP_URL, tip_data(editorial, photos=[gps_photo()]))
    assert response.status_code == 302
    contribution = Contribution.objects.get(submitter=member)
    image = get_image_model().objects.get(pk=contribution.image_ids[0])
    with image.open_file() as handle:
        data = handle.read()
    assert b"Exif" not in data
    with PILImage.open(io.BytesIO(data)) as stored:
        assert not stored.getexif()
        assert stored.size == (64, 48)


def test_nomination_becomes_exemplar_draft_in_chosen_department(
    editorial, as_user, member, mailoutbox
):
    site = editorial
    category = factories.ExemplarCategoryFactory()
    with committed():
        response = as_user("member").post(
            NOMINATE_URL, nomination_data(site, category, photos=[gps_photo()])
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    contribution = Contribution.objects.get(submitter=member)
    assert contribution.kind == Contribution.KIND_NOMINATION
    page = ExemplarPage.objects.get(pk=contribution.page_id)
    assert page.get_parent().pk == site.dept_b.pk
    assert not page.live
    assert page.title == "Nguyễn Thị Hạnh"
    assert page.unit == "Khoa Ngữ văn" and page.position == "Giảng viên"
    assert page.category == category
    assert "dạy miễn phí" in str(page.story)
    assert page.portrait is not None
    assert page.portrait.collection_id == site.dept_b.collection_id
    assert not page.consent_recorded
    # Who can confirm and the consent status are for the editors only.
    assert "Thầy Bình" in contribution.note and "Thầy Bình" not in str(page.story)
    assert "chưa trả lời" in contribution.note
    assert sorted(address for mail in mailoutbox for address in mail.to) == [
        "editor.b@truong.edu.vn"
    ]
    assert "Thầy Bình" in mailoutbox[0].body

    # The editor of Ngữ văn can open it and submit it like any draft.
    response = as_user("editor_b").post(
        edit_url(page),
        exemplar_form(page, portrait=str(page.portrait_id), **{"action-submit": "Gửi duyệt"}),
    )
    assert response.status_code == 302


def test_nomination_is_public_only_after_both_approvals_and_the_member_is_told(
    editorial, as_user, member, mailoutbox
):
    site = editorial
    category = factories.ExemplarCategoryFactory()
    data = nomination_data(
        site, category, department=str(site.dept_a.pk), consent="agreed", photos=[gps_photo()]
    )
    with committed():
        response = as_user("member").post(NOMINATE_URL, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    contribution = Contribution.objects.get(submitter=member)
    page = ExemplarPage.objects.get(pk=contribution.page_id)
    assert page.get_parent().pk == site.dept_a.pk and page.title == "Nguyễn Thị Hạnh"
    assert "đã đồng ý được đề cử" in contribution.note
    assert sorted(address for mail in mailoutbox for address in mail.to) == [
        "editor.a2@truong.edu.vn",
        "editor.a@truong.edu.vn",
    ]
    mine = utils.visible_text(as_user("member").get(response["Location"]))
    assert "Cảm ơn bạn! Chúng tôi đã nhận được bài gửi." in mine
    assert "Đề cử gương sáng: Nguyễn Thị Hạnh" in mine and "Đã nhận" in mine
    draft_url = page.get_url()
    assert as_user("anonymous").get(draft_url).status_code == 404

    # The editor records the consent and photo rights, and submits.
    mailoutbox.clear()
    response = as_user("editor_a").post(
        edit_url(page),
        exemplar_form(
            page,
            portrait=str(page.portrait_id),
            consent_recorded=True,
            photo_rights_recorded=True,
            **{"action-submit": "Gửi duyệt"},
        ),
    )
    assert response.status_code == 302
    assert "Đang biên tập" in utils.visible_text(as_user("member").get(MINE_URL))

    # The department head's approval is not enough: the board approves last.
    as_user("head_a").post(workflow_action_url(page, "approve"), {"comment": "Đồng ý."})
    page.refresh_from_db()
    assert not page.live
    assert as_user("anonymous").get(draft_url).status_code == 404
    assert not [mail for mail in mailoutbox if mail.to == [member.email]]
    as_user("board").post(workflow_action_url(page, "approve"), {"comment": "Đăng."})
    page.refresh_from_db()
    assert page.live
    assert as_user("anonymous").get(page.url).status_code == 200

    told = [mail for mail in mailoutbox if mail.to == [member.email]]
    assert len(told) == 1 and "Nguyễn Thị Hạnh" in told[0].subject
    assert page.get_full_url() in told[0].body
    mine = as_user("member").get(MINE_URL)
    assert "Đã đăng" in utils.visible_text(mine)
    assert utils.soup(mine).find("a", href=page.url).get_text(strip=True) == "Xem bài"


def test_decline_with_reason_and_spam_blocks(editorial, as_user, member, mailoutbox):
    client = as_user("member")
    client.post(TIP_URL, tip_data(editorial))
    contribution = Contribution.objects.get(submitter=member)
    mailoutbox.clear()

    url = reverse("contributions_decline", args=[contribution.pk])
    assert is_refused(as_user("editor_b").get(url))
    editor = as_user("editor_a")
    response = editor.post(url, {"reason": ""})
    assert response.status_code == 200 and "Vui lòng" in response.content.decode()
    with committed():
        response = editor.post(url, {"reason": "Tin đã cũ, đã đăng tuần trước."})
    assert response.status_code == 302
    assert [mail.to for mail in mailoutbox] == [[member.email]]
    assert "Tin đã cũ" in mailoutbox[0].body

    mine = as_user("member").get(MINE_URL).content.decode()
    assert "Không đăng" in mine and "Tin đã cũ, đã đăng tuần trước." in mine

    # Declined as spam: the account may not send any more.
    as_user("member").post(TIP_URL, tip_data(editorial, title="Quảng cáo bán hàng"))
    spam = Contribution.objects.get(title="Quảng cáo bán hàng")
    as_user("editor_a").post(
        reverse("contributions_decline", args=[spam.pk]), {"reason": "Quảng cáo.", "spam": "on"}
    )
    assert BlockedSubmitter.objects.filter(user=member).exists()
    client = as_user("member")
    assert client.get(TIP_URL).status_code == 403
    response = client.post(TIP_URL, tip_data(editorial, title="Lại quảng cáo"))
    assert response.status_code == 403
    assert not Contribution.objects.filter(title="Lại quảng cáo").exists()


def test_purge_removes_declined_files(editorial, as_user, member):
    as_user("member").post(TIP_URL, tip_data(editorial, photos=[gps_photo()]))
    contribution = Contribution.objects.get(submitter=member)
    as_user("editor_a").post(
        reverse("contributions_decline", args=[contribution.pk]), {"reason": "Trùng tin."}
    )
    image = get_image_model().objects.get(pk=contribution.image_ids[0])
    storage, name = image.file.storage, image.file.name
    assert storage.exists(name)
    call_command("purge_declined_contributions", "--days", "1", stdout=io.StringIO())
    assert get_image_model().objects.filter(pk=image.pk).exists()  # not due yet
    call_command("purge_declined_contributions", "--days", "0", stdout=io.StringIO())
    assert not get_image_model().objects.filter(pk=image.pk).exists()
    assert not storage.exists(name)
    assert not Page.objects.filter(pk=contribution.page_id).exists()
    contribution.refresh_from_db()
    assert contribution.files_purged and contribution.reason == "Trùng tin."


def test_anonymous_and_non_members_are_refused(editorial, as_user):
    """With the verified e-mail route off (the default): a Vietnamese refusal and a log-in link."""
    for url in (TIP_URL, NOMINATE_URL, MINE_URL):
        response = as_user("anonymous").get(url)
        assert response.status_code == 403
        assert "dành cho đoàn viên" in response.content.decode()
        login = utils.soup(response).select_one("main a.button")
        assert login.get_text(strip=True) == "Đoàn viên đăng nhập"
        assert login["href"] == reverse("wagtailcore_login") + "?" + urlencode({"next": url})
    response = as_user("anonymous").post(TIP_URL, tip_data(editorial))
    assert response.status_code == 403
    # Logged in but not a member: told to ask the board, not to log in.
    response = as_user("editor_b").get(TIP_URL)
    assert response.status_code == 403
    assert "nhóm đoàn viên" in response.content.decode()
    assert as_user("editor_b").post(TIP_URL, tip_data(editorial)).status_code == 403
    assert not Contribution.objects.exists()


def test_honeypot_and_rate_limit(editorial, as_user, member, settings):
    client = as_user("member")
    response = client.post(TIP_URL, tip_data(editorial, **{HONEYPOT_FIELD: "http://spam"}))
    assert response.status_code == 200
    assert not Contribution.objects.exists()

    settings.ENGAGE_RATE_LIMITS = {"contribution": (10, 2, 3600)}
    for number in range(2):
        assert client.post(TIP_URL, tip_data(editorial, title=f"Tin {number}")).status_code == 302
    response = client.post(TIP_URL, tip_data(editorial, title="Tin thứ ba"))
    assert response.status_code == 200
    assert "quá nhiều lần" in response.content.decode()
    assert Contribution.objects.count() == 2


def test_rate_limit_per_address_covers_every_account(editorial, as_user, member, settings):
    settings.ENGAGE_RATE_LIMITS = {"contribution": (1, 50, 3600)}
    data = tip_data(editorial, title="Tin từ máy dùng chung")
    assert as_user("member").post(TIP_URL, data, REMOTE_ADDR="10.1.1.1").status_code == 302
    # Another account on the same address is refused; the same one elsewhere is not.
    response = as_user("superuser").post(TIP_URL, data, REMOTE_ADDR="10.1.1.1")
    assert response.status_code == 200 and "quá nhiều lần" in utils.visible_text(response)
    assert as_user("superuser").post(TIP_URL, data, REMOTE_ADDR="10.1.1.2").status_code == 302
    assert Contribution.objects.count() == 2


def test_invalid_form_keeps_input_and_refuses_bad_photos(editorial, as_user, member, settings):
    client = as_user("member")
    fake = SimpleUploadedFile("anh.jpg", b"not an image at all", content_type="image/jpeg")
    response = client.post(TIP_URL, tip_data(editorial, body="", photos=[fake]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Vui lòng viết nội dung tin." in page
    assert "không phải là ảnh" in page or "bị hỏng" in page
    assert "Khoa Toán – Tin thăm hỏi đoàn viên ốm đau" in page
    assert "Ảnh do thầy Nam chụp." in page

    too_many = [gps_photo(f"anh-{n}.jpg") for n in range(6)]
    response = client.post(TIP_URL, tip_data(editorial, photos=too_many))
    assert response.status_code == 200 and "tối đa 5 ảnh" in response.content.decode()

    settings.CONTRIBUTIONS_MAX_PHOTO_BYTES = 100
    response = client.post(TIP_URL, tip_data(editorial, photos=[gps_photo()]))
    assert response.status_code == 200 and "lớn hơn" in response.content.decode()
    assert not Contribution.objects.exists()


def test_nomination_without_any_kinds_defined_yet(editorial, as_user, member):
    from exemplars.models import ExemplarCategory

    assert not ExemplarCategory.objects.exists()
    client = as_user("member")
    assert 'name="category"' not in client.get(NOMINATE_URL).content.decode()
    data = nomination_data(editorial, category=None)
    data.pop("category")
    assert client.post(NOMINATE_URL, data).status_code == 302
    page = ExemplarPage.objects.get(title="Nguyễn Thị Hạnh")
    assert page.category.name == "Đề cử của đoàn viên" and not page.live


@pytest.mark.parametrize("forged", ["99999999999999999999", "-99999999999999999999", "12abc"])
def test_forged_choice_gets_the_fields_own_message_and_keeps_the_text(
    editorial, as_user, member, forged
):
    client = as_user("member")
    response = client.post(TIP_URL, tip_data(editorial, department=forged))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Vui lòng chọn một công đoàn bộ phận trong danh sách." in page
    assert "Khoa Toán – Tin thăm hỏi đoàn viên ốm đau" in page

    factories.ExemplarCategoryFactory()
    data = nomination_data(editorial, None)
    data["category"] = forged
    response = client.post(NOMINATE_URL, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Nguyễn Thị Hạnh" in page and "Vui lòng chọn một hình thức trong danh sách." in page
    assert not Contribution.objects.exists()
