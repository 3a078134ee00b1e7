"""Archives by year, month, department, campaign and tag: real pages with counts and paging."""

import datetime

import pytest

from tests import factories, utils
from tests.channels.conftest import translate

PRIVATE_TITLE = "Danh sách đoàn viên được hỗ trợ khó khăn"


def titles(response):
    return [a.get_text(strip=True) for a in utils.soup(response).select(".card__title a")]


def count_text(response):
    return utils.soup(response).select_one(".page-header .result-count").get_text(" ", strip=True)


def test_year_and_month_archives_list_their_articles_with_a_count(client, newsroom):
    articles = newsroom["articles"]
    response = client.get("/tin-tuc/nam/2025/")
    assert response.status_code == 200
    assert titles(response) == [
        articles["department"].title,
        articles["board"].title,
        articles["campaign"].title,
    ]
    assert count_text(response) == "3 tin bài"
    assert utils.soup(response).h1.get_text(strip=True) == "Tin tức năm 2025"
    months = [a["href"] for a in utils.soup(response).select(".archive-months a")]
    assert months == [
        "/tin-tuc/nam/2025/thang/05/".replace("/05/", "/5/"),
        "/tin-tuc/nam/2025/thang/11/",
    ]

    response = client.get("/tin-tuc/nam/2025/thang/11/")
    assert response.status_code == 200
    assert titles(response) == [articles["department"].title, articles["board"].title]
    assert count_text(response) == "2 tin bài"
    assert PRIVATE_TITLE not in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/tin-tuc/nam/2019/",
        "/tin-tuc/nam/0/",
        "/tin-tuc/nam/99999999999999999999/",
        "/tin-tuc/nam/2025/thang/13/",
        "/tin-tuc/nam/2025/thang/0/",
        "/tin-tuc/nam/2025/thang/1/",
        "/tin-tuc/nam/hai-nghin/",
        "/tin-tuc/don-vi/khong-co/",
        "/tin-tuc/chien-dich/khong-co/",
        "/tin-tuc/don-vi/a%00b/",
    ],
)
def test_bad_or_empty_archive_addresses_are_not_found(client, newsroom, url):
    assert client.get(url).status_code == 404


def test_department_and_campaign_archives(client, newsroom):
    articles = newsroom["articles"]
    response = client.get(f"/tin-tuc/don-vi/{newsroom['department'].slug}/")
    assert response.status_code == 200
    assert titles(response) == [articles["department"].title, articles["old"].title]
    assert count_text(response) == "2 tin bài"
    assert PRIVATE_TITLE not in response.content.decode()

    response = client.get(f"/tin-tuc/chien-dich/{newsroom['campaign'].slug}/")
    assert response.status_code == 200
    assert titles(response) == [articles["campaign"].title, articles["old"].title]
    assert count_text(response) == "2 tin bài"


def test_archive_pages_paginate_with_trang(client, newsroom):
    department = newsroom["department"]
    for day in range(1, 14):
        factories.ArticlePageFactory(
            parent=department,
            title=f"Bản tin tháng ba số {day:02d}",
            date=datetime.date(2025, 3, day),
        )
    url = f"/tin-tuc/don-vi/{department.slug}/"
    first = client.get(url)
    assert count_text(first) == "15 tin bài"
    assert len(titles(first)) == 12
    second = client.get(url + "?trang=2")
    assert len(titles(second)) == 3
    assert set(titles(first)).isdisjoint(titles(second))
    canonical = utils.soup(second).select_one('link[rel="canonical"]')["href"]
    assert canonical.endswith(url + "?trang=2")
    # A page number out of range or not a number gives a page, not an error.
    assert client.get(url + "?trang=99").status_code == 200
    assert client.get(url + "?trang=abc").status_code == 200
    assert client.get("/tin-tuc/nam/2025/thang/3/").status_code == 200


def test_archive_hub_counts_everything_and_links_to_each_archive(client, newsroom):
    response = client.get("/tin-tuc/luu-tru/")
    assert response.status_code == 200
    document = utils.soup(response)
    links = {
        a["href"]: a.find_next_sibling(class_="archive-links__count").get_text(strip=True)
        for a in document.select(".archive-index a")
        if a.find_next_sibling(class_="archive-links__count")
    }
    department, campaign, tag = newsroom["department"], newsroom["campaign"], newsroom["tag"]
    assert links["/tin-tuc/nam/2025/"] == "(3)"
    assert links["/tin-tuc/nam/2024/"] == "(1)"
    assert links["/tin-tuc/nam/2025/thang/11/"] == "(2)"
    assert links[f"/tin-tuc/don-vi/{department.slug}/"] == "(2)"
    assert links[f"/tin-tuc/chien-dich/{campaign.slug}/"] == "(2)"
    assert links[f"/the/{tag.slug}/"] == "(2)"
    for href in links:
        assert client.get(href).status_code == 200, href


def test_news_and_exemplar_indexes_link_to_the_archive(client, newsroom, exemplar_index):
    for url in (newsroom["news"].url, exemplar_index.url):
        hrefs = [a["href"] for a in utils.soup(client.get(url)).select("main a")]
        assert "/tin-tuc/luu-tru/" in hrefs, url


def test_department_page_links_to_its_full_archive(client, newsroom):
    department = newsroom["department"]
    hrefs = [a["href"] for a in utils.soup(client.get(department.url)).select("main a")]
    assert f"/tin-tuc/don-vi/{department.slug}/" in hrefs


def test_tag_page_shows_its_count(client, newsroom):
    response = client.get(f"/the/{newsroom['tag'].slug}/")
    assert "2 tin bài" in utils.visible_text(response)


def test_english_news_index_has_english_archive_addresses(client, newsroom):
    translate(newsroom["home"])
    news_en = translate(newsroom["news"])
    article_en = translate(newsroom["articles"]["board"])
    hub = client.get(news_en.url + "archive/")
    assert hub.status_code == 200
    hrefs = [a["href"] for a in utils.soup(hub).select(".archive-index a")]
    assert news_en.url + "year/2025/" in hrefs
    assert news_en.url + "year/2025/month/11/" in hrefs
    response = client.get(news_en.url + "year/2025/month/11/")
    assert response.status_code == 200
    assert titles(response) == [article_en.title]
    assert count_text(response) == "1 article"
