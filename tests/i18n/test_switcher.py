"""The language switcher, <html lang> and hreflang: same page in the other language when it
exists, that language's home page when it does not, never a 404."""

import pytest

from tests.i18n.conftest import publish_translation
from tests.utils import soup


def switcher(response):
    """{language code: (href, is current)} of the header's language links."""
    links = soup(response).select(".language-links li > *")
    return {link["lang"]: (link.get("href"), link.name == "span") for link in links}


def alternates(response):
    return {
        link["hreflang"]: link["href"]
        for link in soup(response).select("head link[rel=alternate][hreflang]")
    }


def html_lang(response):
    return soup(response).html["lang"]


@pytest.mark.django_db
def test_translated_page_links_both_ways_with_hreflang(client, article, english_home):
    translation = publish_translation(article, title="The union welcomes guests")
    assert translation.url.startswith("/en/")

    response = client.get(article.url)
    assert response.status_code == 200
    assert html_lang(response) == "vi"
    assert switcher(response) == {"vi": (None, True), "en": (translation.url, False)}
    assert alternates(response) == {
        "vi": f"http://testserver{article.url}",
        "en": f"http://testserver{translation.url}",
        "x-default": f"http://testserver{article.url}",
    }

    response = client.get(translation.url)
    assert response.status_code == 200
    assert html_lang(response) == "en"
    assert switcher(response) == {"vi": (article.url, False), "en": (None, True)}
    assert alternates(response)["x-default"] == f"http://testserver{article.url}"
    assert alternates(response)["en"] == f"http://testserver{translation.url}"


@pytest.mark.django_db
def test_untranslated_page_switches_to_the_english_home(client, article, english_home):
    response = client.get(article.url)
    href, _ = switcher(response)["en"]
    assert href == "/en/"
    assert client.get(href).status_code == 200
    # Only real equivalents are alternates.
    assert alternates(response) == {}


@pytest.mark.django_db
def test_draft_translation_is_not_offered(client, article, english_home, english):
    draft = article.copy_for_translation(english, copy_parents=True)
    draft.save_revision()
    response = client.get(article.url)
    assert switcher(response)["en"][0] == "/en/"


@pytest.mark.django_db
def test_no_english_site_no_switcher(client, article):
    response = client.get(article.url)
    assert response.status_code == 200
    assert not soup(response).select(".language-links")


@pytest.mark.django_db
def test_section_links_follow_the_language(client, news_index, exemplar_index, english_home):
    english_news = publish_translation(news_index, title="News", slug="news")
    response = client.get("/en/")
    nav = soup(response).select_one(".main-nav")
    hrefs = [a["href"] for a in nav.select("a")]
    assert hrefs == [english_news.url]  # untranslated sections are not offered in English
    assert nav.get_text(" ", strip=True) == "News"
    response = client.get("/")
    nav = soup(response).select_one(".main-nav")
    assert [a["href"] for a in nav.select("a")] == [news_index.url, exemplar_index.url]
    assert nav.get_text(" ", strip=True) == "Tin tức Gương sáng"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("vietnamese", "english"),
    [
        ("/tim-kiem/?q=c%C3%B4ng+%C4%91o%C3%A0n", "/en/search/?q=c%C3%B4ng+%C4%91o%C3%A0n"),
        ("/the/an-toan-lao-dong/", "/en/tag/an-toan-lao-dong/"),
        ("/_util/login/?next=/noi-bo/", "/en/_util/login/?next=/noi-bo/"),
    ],
)
def test_non_page_views_switch_to_the_same_view(client, english_home, vietnamese, english):
    from tests import factories

    factories.TagFactory(name="An toàn lao động")
    response = client.get(vietnamese)
    assert response.status_code == 200
    assert html_lang(response) == "vi"
    assert switcher(response)["en"] == (english, False)
    response = client.get(english)
    assert response.status_code == 200
    assert html_lang(response) == "en"
    assert switcher(response)["vi"] == (vietnamese, False)
    assert set(alternates(response)) == {"vi", "en", "x-default"}


@pytest.mark.django_db
def test_not_found_page_switches_to_the_home_pages(client, english_home):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert switcher(response)["en"] == ("/en/", False)
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert html_lang(response) == "en"
    assert switcher(response)["vi"] == ("/", False)
