"""The language switch on the seeded demo site: Vietnamese home to English and back, a page
with an English translation, and one without (to the English home page, never a 404)."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_language_switch_to_english_and_back(new_page, demo_site):
    page = new_page("desktop")
    page.goto(demo_site("/"))
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    page.locator(".language-links").get_by_role("link", name="English").click()
    expect(page).to_have_url(demo_site("/en/"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("navigation").first).to_contain_text("News")
    expect(page.locator(".site-footer")).to_contain_text("Son Ha University Trade Union")
    page.locator(".language-links").get_by_role("link", name="Tiếng Việt").click()
    expect(page).to_have_url(demo_site("/"))
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.get_by_role("navigation").first).to_contain_text("Tin tức")


def switch_to_english(page):
    """On a phone the switcher sits in the menu, which the reader opens first."""
    page.locator("[data-menu-toggle]").click()
    return page.locator(".language-links").get_by_role("link", name="English")


def test_translated_campaign_and_untranslated_article(new_page, demo_site):
    page = new_page("phone")
    page.goto(demo_site("/chien-dich/ngay-nha-giao-2026/"))
    english = switch_to_english(page)
    expect(english).to_have_attribute("href", "/en/campaigns/teachers-day-2026/")
    english.click()
    expect(page.locator("h1")).to_contain_text("44th anniversary of Vietnamese Teachers' Day")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    # An article with no English version: the switch leads to the English home page.
    response = page.goto(demo_site("/tin-tuc/luat-bao-hiem-xa-hoi-2024-nhung-diem-moi/"))
    assert response.ok
    switch_to_english(page).click()
    expect(page).to_have_url(demo_site("/en/"))
