"""sitemap.xml in both languages with hreflang alternates, and robots.txt."""

import xml.etree.ElementTree as ET

from tests import factories
from tests.channels.conftest import translate

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href")
            for link in url.findall("x:link", NS)
            if link.get("rel") == "alternate"
        }
        for url in root.findall("s:url", NS)
    }


def test_sitemap_lists_public_pages_of_both_languages_with_alternates(client, newsroom):
    article = newsroom["articles"]["board"]
    home_en = translate(newsroom["home"])
    news_en = translate(newsroom["news"])
    article_en = translate(article)
    urls = sitemap(client)

    for page in [newsroom["home"], newsroom["news"], newsroom["department"], newsroom["campaign"]]:
        assert page.get_full_url() in urls
    for page in newsroom["articles"].values():
        assert page.get_full_url() in urls
    for page in (home_en, news_en, article_en):
        assert page.get_full_url() in urls
    assert "/en/" in article_en.get_full_url()

    expected = {
        "vi": article.get_full_url(),
        "en": article_en.get_full_url(),
        "x-default": article.get_full_url(),
    }
    assert urls[article.get_full_url()] == expected
    assert urls[article_en.get_full_url()] == expected
    # A page in one language only has no alternates.
    assert urls[newsroom["department"].get_full_url()] == {}


def test_private_pages_are_never_in_the_sitemap(client, newsroom):
    urls = sitemap(client)
    assert newsroom["private"].get_full_url() not in urls
    assert not [url for url in urls if newsroom["private"].slug in url]


def test_unpublished_pages_are_not_in_the_sitemap(client, newsroom):
    article = newsroom["articles"]["old"]
    article.unpublish()
    assert article.get_full_url() not in sitemap(client)


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_admin_and_search(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    disallowed = {line.split(": ", 1)[1] for line in lines if line.startswith("Disallow: ")}
    assert disallowed == {"/admin/", "/tim-kiem/", "/en/tim-kiem/", "/en/search/"}
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    # Whatever the reader's language, the rules are the same.
    english = client.get("/robots.txt", HTTP_ACCEPT_LANGUAGE="en")
    assert english.content == response.content


def test_sitemap_lists_archives_and_tags_with_public_content_only(client, newsroom):
    secret = factories.TagFactory(name="Hồ sơ hỗ trợ")
    newsroom["private"].tags.add(secret)
    newsroom["private"].save()
    urls = sitemap(client)
    news = newsroom["news"].get_full_url()
    assert news + "luu-tru/" in urls
    assert news + "nam/2025/" in urls and news + "nam/2024/" in urls
    assert news + "nam/2023/" not in urls
    assert f"http://testserver/the/{newsroom['tag'].slug}/" in urls
    assert not [url for url in urls if secret.slug in url]
    for url in urls:
        if "/the/" in url or "/nam/" in url or "/luu-tru/" in url:
            path = "/" + url.split("://", 1)[1].split("/", 1)[1]
            assert client.get(path).status_code == 200, url
