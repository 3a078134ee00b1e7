"""Issue 11 in a browser: a member nominates a colleague from a phone, with a photo."""

import io
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from cms.roles import DEMO_PASSWORD
from tests.browser.helpers import describe_violations, run_axe, screenshot

pytestmark = pytest.mark.browser

NAME = "Trần Thị Mai Hương"


def phone_photo():
    """A JPEG as a phone writes it, with a GPS position in its EXIF."""
    image = Image.new("RGB", (1200, 900), "#2b6a8f")
    exif = Image.Exif()
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (21.0, 1.0, 30.0)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif.tobytes(), quality=80)
    return {"name": "co-huong.jpg", "mimeType": "image/jpeg", "buffer": buffer.getvalue()}


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_member_nominates_a_colleague_from_a_phone(new_page, demo_site):
    page = new_page("phone")
    page.goto(demo_site("/gop-tin/de-cu-guong-sang/"))
    # Not logged in: a clear refusal with the way in.
    expect(page.locator("main")).to_contain_text("dành cho đoàn viên")
    page.locator("main").get_by_role("link", name="Đoàn viên đăng nhập").click()
    page.get_by_label("Tên đăng nhập").fill("doanvien")
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page).to_have_url(demo_site("/gop-tin/de-cu-guong-sang/"))
    expect(page.locator("h1")).to_have_text("Đề cử gương sáng")

    form = page.locator("main form.engage-form")
    assert no_sideways_scroll(page)
    form.get_by_label("Họ và tên người được đề cử").fill(NAME)
    form.get_by_label("Chức vụ hoặc công việc").fill("Chuyên viên thư viện")
    form.get_by_role("textbox", name=re.compile(r"^Đơn vị")).fill("Thư viện trường")
    kind = form.get_by_label("Hình thức tôn vinh")
    if kind.count():
        kind.select_option(index=1)
    form.get_by_label("Người đó đã làm gì").fill(
        "Chị Hương tự nguyện mở cửa thư viện vào thứ Bảy để sinh viên ôn thi suốt học kỳ."
    )
    form.get_by_label("Vì sao người đó xứng đáng được tôn vinh").fill(
        "Tận tụy, không quản ngại thời gian riêng, được sinh viên và đồng nghiệp quý mến."
    )
    form.get_by_label("Người có thể xác nhận (không bao giờ đăng)").fill(
        "Thầy Lâm, Giám đốc thư viện, 0912 000 111"
    )
    form.get_by_label("Người được đề cử đã đồng ý được đề cử và xuất hiện trên trang").check()
    department = form.get_by_label("Công đoàn bộ phận")
    if not department.input_value():
        department.select_option(index=1)
    form.get_by_label("Ảnh (không bắt buộc)").set_input_files(phone_photo())
    assert no_sideways_scroll(page)
    violations = [v for v in run_axe(page) if v["impact"] in {"serious", "critical"}]
    assert not violations, describe_violations(violations)
    screenshot(page, "contribution-nomination-phone")

    form.get_by_role("button", name="Gửi đề cử").click()
    expect(page).to_have_url(re.compile(r"/gop-tin/cua-toi/\?gui=\d+$"))
    expect(page.locator("main .form-notice--success")).to_contain_text(
        "Cảm ơn bạn! Chúng tôi đã nhận được bài gửi."
    )
    row = page.locator("main .contributions-table tbody tr").first  # the newest first
    expect(row).to_contain_text(f"Đề cử gương sáng: {NAME}")
    expect(row.locator(".contribution-status")).to_contain_text("Đã nhận")
    assert no_sideways_scroll(page)
    violations = [v for v in run_axe(page) if v["impact"] in {"serious", "critical"}]
    assert not violations, describe_violations(violations)
    screenshot(page, "contribution-received-phone")
    assert not page.problems.errors, page.problems.errors
