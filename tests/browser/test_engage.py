"""Surveys and Q&A as a member uses them: on a phone, from the links on the home page."""

import pytest
from playwright.sync_api import expect

from cms.roles import DEMO_PASSWORD
from tests.browser.helpers import AXE, describe_violations, run_axe, screenshot

pytestmark = pytest.mark.browser

SERIOUS = {"serious", "critical"}


def serious_violations(page):
    """axe-core's serious violations. axe is evaluated through the DevTools protocol, which
    the site's Content Security Policy (no inline script) does not block, unlike a script tag."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;true")
    return [v for v in run_axe(page) if v["impact"] in SERIOUS]


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_needs_survey_answered_on_a_phone(new_page, demo_site):
    page = new_page("phone")
    page.goto(demo_site("/khao-sat/"))
    expect(page.locator("h1")).to_have_text("Khảo sát")
    page.get_by_role("link", name="Tham gia khảo sát").first.click()
    expect(page.locator("h1")).to_contain_text("Khảo sát nhu cầu thông tin của CBNGNLĐ")

    form = page.locator("main form.engage-form")
    expect(form).to_be_visible()
    assert no_sideways_scroll(page)
    serious = serious_violations(page)
    assert not serious, describe_violations(serious)

    # First a send with nothing chosen: the errors show, and the typed comment stays.
    comment = form.locator("textarea")
    comment.fill("Mong có thêm bài về chính sách bảo hiểm xã hội.")
    form.get_by_role("button", name="Gửi câu trả lời").click()
    expect(page.locator(".form-notice--error")).to_contain_text("Chưa gửi được.")
    expect(page.locator("main form textarea")).to_have_value(
        "Mong có thêm bài về chính sách bảo hiểm xã hội."
    )

    form = page.locator("main form.engage-form")
    form.get_by_label("Giảng viên", exact=True).check()
    form.get_by_label("Chính sách, pháp luật mới").check()
    form.get_by_label("Chế độ, quyền lợi của CBNGNLĐ").check()
    form.get_by_label("Nhóm Zalo").check()
    form.get_by_role("group", name="Bạn muốn được báo tin mới qua kênh nào nhất?").get_by_label(
        "Zalo"
    ).check()
    form.locator("select").select_option("Vài lần một tuần")
    form.get_by_label("Video ngắn").check()
    screenshot(page, "survey-form-phone")
    form.get_by_role("button", name="Gửi câu trả lời").click()

    expect(page.locator("main")).to_contain_text(
        "Cảm ơn bạn! Câu trả lời của bạn đã được ghi nhận."
    )
    assert no_sideways_scroll(page)
    assert not page.problems.errors, page.problems.errors


def test_member_asks_a_question_and_searches_on_a_phone(new_page, demo_site):
    page = new_page("phone")
    page.goto(demo_site("/hoi-dap/"))
    expect(page.locator("#chu-de-thai-san")).to_have_text("Chế độ thai sản")

    search = page.get_by_label("Tìm trong các câu hỏi và trả lời")
    search.fill("thai san")
    search.press("Enter")
    expect(page.locator(".qa-search__count")).to_contain_text("Tìm thấy 1 câu trả lời")
    expect(page.locator(".qa-list")).to_contain_text("Sinh con được nghỉ thai sản bao lâu?")

    page.get_by_role("link", name="Đăng nhập để gửi câu hỏi").click()
    page.get_by_label("Tên đăng nhập").fill("doanvien")
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page).to_have_url(demo_site("/hoi-dap/#gui-cau-hoi"))

    form = page.locator("#gui-cau-hoi form")
    form.get_by_label("Chủ đề").select_option("Chế độ làm việc của nhà giáo")
    form.get_by_label("Câu hỏi của bạn").fill(
        "Giảng viên hướng dẫn luận văn thạc sĩ được quy đổi bao nhiêu giờ chuẩn?"
    )
    serious = serious_violations(page)
    assert not serious, describe_violations(serious)
    form.get_by_role("button", name="Gửi câu hỏi").click()
    expect(page.locator("#gui-cau-hoi")).to_contain_text(
        "Cảm ơn bạn! Câu hỏi của bạn đã được ghi nhận."
    )
    assert no_sideways_scroll(page)
    screenshot(page, "qa-sent-phone")
    assert not page.problems.errors, page.problems.errors
