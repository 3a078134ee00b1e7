"""What other issues will bring, written now so they light up when those land.

Each test is ``xfail(strict=False)`` with the issue it waits for: it fails quietly today and
passes (XPASS) once the feature works, at which point the mark should go.
"""

import pytest
from playwright.sync_api import expect

from cms.roles import DEMO_PASSWORD

pytestmark = pytest.mark.browser

MEMBERS_PAGE = "/noi-bo/"
MEMBERS_TITLE = "Tin nội bộ đoàn viên"
SHORT = 5_000  # what is not there yet should fail fast


def test_members_only_page_behind_login(new_page, demo_site):
    page = new_page("phone")
    page.set_default_timeout(SHORT)
    response = page.goto(demo_site(MEMBERS_PAGE))
    assert response.ok
    expect(page.locator("h1")).not_to_have_text(MEMBERS_TITLE)
    # The login page is part of the site: its header, skip link and Vietnamese labels.
    expect(page.locator("a.skip-link")).to_have_count(1)
    expect(page.locator(".site-header")).to_be_visible()
    page.get_by_label("Tên đăng nhập").fill("doanvien")
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page).to_have_url(demo_site(MEMBERS_PAGE))
    expect(page.locator("h1")).to_have_text(MEMBERS_TITLE)
