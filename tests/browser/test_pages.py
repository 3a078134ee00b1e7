"""The reader's pages at a phone (390×844) and a desktop (1280×900) viewport.

Each page type is opened once per viewport (a module-scoped fixture) and then checked twice:
``test_layout`` (it answers, one visible h1, nothing wider than the screen, every image loads,
no script error or failed request; a full-page screenshot goes to test-output/screenshots/) and
``test_accessibility`` (axe-core's WCAG 2.1 A/AA rules: no serious or critical violation).
"""

import re

import pytest

from tests.browser.helpers import (
    broken_images,
    describe_violations,
    open_page,
    run_axe,
    screenshot,
)

pytestmark = pytest.mark.browser

PAGE_TYPES = [
    "home",
    "news-index",
    "article",
    "exemplar-index",
    "exemplar-filtered",
    "exemplar",
    "campaign-index",
    "campaign",
    "department-index",
    "department",
    "tag",
    "search",
    "documents",
    "not-found",
]
VISITS = [(viewport, name) for viewport in ("phone", "desktop") for name in PAGE_TYPES]
SERIOUS = {"serious", "critical"}


def open_reader_page(page, demo_site, urls, name):
    """Go to the page type ``name`` as a reader would; the HTTP status of what was shown."""
    if name == "exemplar-filtered":
        # The exemplar index filtered by the reader: pick the first title, press "Lọc".
        page.goto(demo_site(urls["exemplar-index"]))
        select = page.get_by_label("Danh hiệu")
        choice = select.locator("option").nth(1)
        select.select_option(choice.get_attribute("value"))
        with page.expect_navigation() as navigation:
            page.get_by_role("button", name="Lọc", exact=True).click()
        response = navigation.value
        assert "danh-hieu=" in page.url
        assert re.search(r"Có \d+ gương sáng phù hợp", page.locator(".result-count").inner_text())
        assert page.get_by_label("Danh hiệu").input_value() == choice.get_attribute("value")
        return response.status
    return page.goto(demo_site(urls[name])).status


@pytest.fixture(scope="module", params=VISITS, ids=[f"{v}-{n}" for v, n in VISITS])
def visit(request, browser, demo_site, reader_urls):
    viewport, name = request.param
    page = open_page(browser, viewport)
    status = open_reader_page(page, demo_site, reader_urls, name)
    yield viewport, name, status, page
    page.context.close()


def test_layout(visit):
    viewport, name, status, page = visit
    assert status == (404 if name == "not-found" else 200), f"{page.url} answered {status}"
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.title().strip()

    headings = page.locator("h1")
    assert headings.count() == 1, f"{headings.count()} h1 on {page.url}"
    assert headings.first.is_visible()

    shot = screenshot(page, f"{viewport}-{name}")
    assert shot.stat().st_size > 0

    overflow = page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            const wide = [...document.querySelectorAll('body *')].filter(el => {
                const box = el.getBoundingClientRect();
                return box.width && box.right > width + 1
                    && getComputedStyle(el).position !== 'fixed'
                    && !el.closest('.skip-link, .visually-hidden');
            });
            return {
                scroll: document.documentElement.scrollWidth,
                width,
                elements: wide.slice(0, 5).map(el =>
                    el.tagName.toLowerCase() + (el.className ? '.' + [...el.classList].join('.') : '')
                    + ' right=' + Math.round(el.getBoundingClientRect().right)),
            };
        }"""
    )
    assert overflow["scroll"] <= overflow["width"], (
        f"{page.url} scrolls sideways at {viewport} width: {overflow['scroll']}px of content "
        f"in {overflow['width']}px; too wide: {overflow['elements']}"
    )
    assert broken_images(page) == [], f"images that did not load on {page.url}"
    assert page.problems.errors == [], f"on {page.url}"

    toggle = page.locator("[data-menu-toggle]")
    navigation = page.locator(".main-nav")
    if viewport == "phone":
        assert toggle.is_visible(), "the phone menu has no visible toggle"
        assert not navigation.is_visible(), "the phone menu is open before it is asked for"
    else:
        assert not toggle.is_visible()
        assert navigation.is_visible()


def test_accessibility(visit):
    """axe-core, WCAG 2.1 A and AA: nothing serious or critical (the rest is printed)."""
    viewport, name, _status, page = visit
    violations = run_axe(page)
    serious = [v for v in violations if v["impact"] in SERIOUS]
    minor = [v for v in violations if v["impact"] not in SERIOUS]
    if minor:
        print(f"\naxe, {viewport} {name}, minor or moderate:\n{describe_violations(minor)}")
    assert not serious, (
        f"axe-core found serious or critical WCAG 2.1 AA violations on {page.url} "
        f"({viewport}):\n{describe_violations(serious)}"
    )
