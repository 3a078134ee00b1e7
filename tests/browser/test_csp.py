"""The Content-Security-Policy in a real browser: the admin and the public site work under it.

Chromium reports every blocked script, style, frame or image as a ``securitypolicyviolation``
event and a console error; the test collects both while it opens the dashboard, the page
editor with its live preview, publishes a page, and reads public pages.
"""

import re

import pytest
from playwright.sync_api import expect

from cms.roles import DEMO_PASSWORD

pytestmark = pytest.mark.browser

COLLECT = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


def watch(page):
    found = []
    page.context.add_init_script(COLLECT)
    page.on(
        "console",
        lambda message: (
            found.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return found


def violations(page, console):
    try:
        events = page.evaluate("window.__cspViolations || []")
    except Exception:  # noqa: BLE001  (the page is navigating)
        events = []
    return console + events


def test_admin_works_under_its_policy(new_page, demo_site):
    page = new_page("desktop")
    console = watch(page)
    page.goto(demo_site("/admin/login/"))
    page.get_by_label("Tên đăng nhập").fill("quantri")
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page).to_have_url(demo_site("/admin/"))
    assert not violations(page, console), "dashboard"

    page.goto(demo_site("/admin/pages/search/?q=c%C3%B4ng+%C4%91o%C3%A0n"))
    edit_links = page.locator("a[href*='/edit/']")
    href = next(
        link
        for link in edit_links.evaluate_all("links => links.map(l => l.getAttribute('href'))")
        if re.search(r"/admin/pages/\d+/edit/$", link)
    )
    page.goto(demo_site(href))
    expect(page.locator("form#page-edit-form")).to_be_visible()
    # The live preview panel frames the page from the same origin.
    page.locator("[data-side-panel-toggle='preview']").first.click()
    expect(page.locator("iframe[id^='w-preview-iframe']")).to_be_attached(timeout=20_000)
    page.wait_for_timeout(2000)
    assert not violations(page, console), "page editor and preview"

    page.locator("[data-side-panel-toggle='preview']").first.click()
    page.locator("footer .w-dropdown__toggle, .footer .w-dropdown__toggle").first.click()
    page.locator("button[name='action-publish']").click()
    expect(page.locator(".messages")).to_contain_text(re.compile("xuất bản|Đã"))
    assert not violations(page, console), "publish"


def test_public_pages_work_under_the_strict_policy(new_page, demo_site):
    page = new_page("phone")
    console = watch(page)
    for path in ("/", "/tim-kiem/?q=c%C3%B4ng+%C4%91o%C3%A0n"):
        page.goto(demo_site(path))
        page.wait_for_load_state("networkidle")
        assert not violations(page, console), path
    first_article = page.locator("main a[href^='/']").first.get_attribute("href")
    page.goto(demo_site(first_article))
    page.wait_for_load_state("networkidle")
    assert not violations(page, console), first_article
