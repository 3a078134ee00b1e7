"""Chromium through Playwright on a running site: every CSP violation while an administrator
opens the dashboard, the page editor with its live preview and publishes, and a reader opens
public pages. Used by ``run.py --browser`` against gunicorn with production settings."""

import contextlib
import re
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from cms.roles import DEMO_PASSWORD  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
COLLECT = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) =>
    window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
"""


def check_site(base, public_paths, username="quantri", password=DEMO_PASSWORD):
    problems = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        context = browser.new_context(locale="vi-VN")
        context.set_default_timeout(30_000)
        context.add_init_script(COLLECT)
        page = context.new_page()
        page.on(
            "console",
            lambda m: (
                problems.append(f"{page.url}: {m.text}")
                if "Content Security Policy" in m.text
                else None
            ),
        )

        def collect():
            with contextlib.suppress(Exception):  # the page may be navigating
                problems.extend(f"{page.url}: {v}" for v in page.evaluate("window.__csp || []"))

        for path in public_paths:
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            collect()

        page.goto(base + "/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.click("button[type=submit]")
        page.wait_for_url(re.compile(r"/admin/$"))
        page.wait_for_load_state("networkidle")
        collect()
        page.goto(base + "/admin/pages/search/?q=c%C3%B4ng+%C4%91o%C3%A0n")
        hrefs = page.locator("a[href*='/edit/']").evaluate_all(
            "links => links.map(l => l.getAttribute('href'))"
        )
        edit = next(h for h in hrefs if re.search(r"/admin/pages/\d+/edit/$", h))
        page.goto(base + edit)
        page.wait_for_load_state("networkidle")
        collect()
        page.locator("[data-side-panel-toggle='preview']").first.click()
        page.wait_for_timeout(3000)
        collect()
        page.locator("[data-side-panel-toggle='preview']").first.click()
        page.locator(".w-dropdown__toggle").last.click()
        page.locator("button[name='action-publish']").click()
        page.wait_for_load_state("networkidle")
        collect()
        print("Published from", edit, "->", page.url)
        browser.close()
    return problems
