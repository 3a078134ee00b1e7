"""The news index's pagination: ?trang= never errors, out of range shows the last page."""

import datetime

import pytest

from django.utils import timezone

from tests import factories, utils


@pytest.fixture
def thirteen_articles(news_index):
    today = timezone.localdate()
    return [
        factories.ArticlePageFactory(
            parent=news_index,
            title=f"Bản tin công đoàn số {i:02d}",
            date=today - datetime.timedelta(days=i),
        )
        for i in range(13)
    ]


def test_twelve_per_page_newest_first(client, news_index, thirteen_articles):
    first = client.get(news_index.url)
    second = client.get(news_index.url, {"trang": "2"})
    assert list(first.context["articles"]) == thirteen_articles[:12]
    assert list(second.context["articles"]) == thirteen_articles[12:]
    assert thirteen_articles[12].title in utils.visible_text(second)
    assert thirteen_articles[12].title not in utils.visible_text(first)


@pytest.mark.parametrize("trang", ["999", "abc", "0", "-1", "1.5", "", "\x00", "9" * 40])
def test_bad_page_numbers_never_error(client, news_index, thirteen_articles, trang):
    response = client.get(news_index.url, {"trang": trang})
    assert response.status_code == 200
    assert response.context["articles"].number in (1, 2)


def test_out_of_range_shows_the_last_page(client, news_index, thirteen_articles):
    response = client.get(news_index.url, {"trang": "999"})
    assert list(response.context["articles"]) == thirteen_articles[12:]


def test_pagination_links_keep_working(client, news_index, thirteen_articles):
    response = client.get(news_index.url)
    document = utils.soup(response)
    next_link = document.find("a", rel="next")
    assert next_link is not None
    followed = client.get(news_index.url + next_link["href"])
    assert followed.status_code == 200
    assert followed.context["articles"].number == 2
