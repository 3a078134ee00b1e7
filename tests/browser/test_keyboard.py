"""Keyboard only: the skip link comes first and works; the menu and the search field are reached
with Tab, on a phone through the menu toggle; every stop shows where the focus is."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import describe_violations, run_axe, screenshot

pytestmark = pytest.mark.browser

MAX_TABS = 40

DESCRIBE_FOCUS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        cls: el.className && typeof el.className === 'string' ? el.className : '',
        text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 40),
        inMenu: !!el.closest('.site-menu'),
        inMain: !!el.closest('main'),
        menuLink: !!el.closest('.main-nav'),
        search: el.matches('input[type=search]'),
        toggle: el.matches('[data-menu-toggle]'),
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    };
}"""


def tab_until(page, wanted, limit=MAX_TABS):
    """Press Tab until ``wanted(focus)``; every focus stop on the way, as described."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = page.evaluate(DESCRIBE_FOCUS)
        if focus is None:
            continue
        stops.append(focus)
        if wanted(focus):
            return stops
    names = [f"{s['tag']}.{s['cls']} {s['text']!r}" for s in stops]
    raise AssertionError(f"not reached in {limit} presses of Tab; the focus went: {names}")


def without_focus_ring(stops):
    return [f"{s['tag']}.{s['cls']} {s['text']!r}" for s in stops if not s["outline"]]


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_skip_link_comes_first_and_moves_focus_to_the_content(
    new_page, demo_site, reader_urls, viewport
):
    page = new_page(viewport)
    page.goto(demo_site(reader_urls["article"]))
    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_have_text("Bỏ qua đến nội dung chính")
    box = skip.bounding_box()
    assert box and box["y"] >= 0 and box["height"] > 0, "the focused skip link is off screen"
    on_top = skip.evaluate(
        """el => {
            const box = el.getBoundingClientRect();
            const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
            return el.contains(hit);
        }"""
    )
    assert on_top, "the focused skip link is covered by something else"

    page.keyboard.press("Enter")
    expect(page.locator("main#noi-dung")).to_be_focused()
    assert page.url.endswith("#noi-dung")
    stops = tab_until(page, lambda focus: True)
    assert stops[-1]["inMain"], f"Tab after the skip link went to {stops[-1]}, not the content"


def test_phone_menu_opens_from_the_keyboard(new_page, demo_site, reader_urls):
    page = new_page("phone")
    page.goto(demo_site(reader_urls["article"]))
    page.keyboard.press("Tab")  # the skip link
    stops = tab_until(page, lambda focus: focus["toggle"])
    assert not any(s["inMenu"] for s in stops), "hidden menu items take the focus"
    toggle = page.locator("[data-menu-toggle]")
    expect(toggle).to_have_attribute("aria-expanded", "false")

    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".main-nav")).to_be_visible()
    serious = [v for v in run_axe(page) if v["impact"] in ("serious", "critical")]
    assert not serious, f"with the phone menu open:\n{describe_violations(serious)}"
    screenshot(page, "phone-menu-open")
    stops += tab_until(page, lambda focus: focus["menuLink"])
    stops += tab_until(page, lambda focus: focus["search"])
    assert without_focus_ring(stops) == [], "focus stops without a visible focus outline"

    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()
    expect(page.locator(".main-nav")).to_be_hidden()


def test_desktop_menu_and_search_are_reached_with_tab(new_page, demo_site, reader_urls):
    page = new_page("desktop")
    page.goto(demo_site(reader_urls["article"]))
    stops = tab_until(page, lambda focus: focus["menuLink"])
    assert not any(s["inMain"] for s in stops), "the content comes before the menu"
    stops += tab_until(page, lambda focus: focus["search"])
    assert not any(s["inMain"] for s in stops), "the content comes before the search field"
    assert without_focus_ring(stops) == [], "focus stops without a visible focus outline"

    page.keyboard.type("nhà giáo")
    page.keyboard.press("Enter")
    expect(page).to_have_url(demo_site("/tim-kiem/?q=nh%C3%A0+gi%C3%A1o"))
    expect(page.locator(".result-count")).to_contain_text("kết quả")
