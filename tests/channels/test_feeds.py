"""RSS and Atom feeds, read by feedparser as a feed reader would."""

import calendar
import os

import feedparser
import pytest

from wagtail.models import PageViewRestriction

from tests import utils

PRIVATE_TITLE = "Danh sách đoàn viên được hỗ trợ khó khăn"


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    return response, feed


def feed_urls(newsroom):
    return {
        "news": "/{kind}/",
        "department": f"/{{kind}}/don-vi/{newsroom['department'].slug}/",
        "campaign": f"/{{kind}}/chien-dich/{newsroom['campaign'].slug}/",
        "tag": f"/{{kind}}/the/{newsroom['tag'].slug}/",
    }


EXPECTED = {
    "news": {"board", "department", "campaign", "old"},
    "department": {"department", "old"},
    "campaign": {"campaign", "old"},
    "tag": {"board", "old"},
}


@pytest.mark.parametrize("kind", ["rss", "atom"])
@pytest.mark.parametrize("source", list(EXPECTED))
def test_feed_lists_its_articles_and_never_private_ones(client, newsroom, kind, source):
    response, feed = parse(client, feed_urls(newsroom)[source].format(kind=kind))
    expected = {newsroom["articles"][key].title for key in EXPECTED[source]}
    assert {entry.title for entry in feed.entries} == expected
    assert PRIVATE_TITLE not in response.content.decode()
    assert feed.version == ("rss20" if kind == "rss" else "atom10")


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feed_items_newest_first_with_links_dates_and_full_size_image(client, newsroom, kind):
    _, feed = parse(client, f"/{kind}/")
    titles = [entry.title for entry in feed.entries]
    articles = newsroom["articles"]
    assert titles == [articles[key].title for key in ("department", "board", "campaign", "old")]
    board = feed.entries[1]
    assert board.link == articles["board"].get_full_url()
    # The article's date, at midnight in Việt Nam (17:00 UTC the day before).
    assert calendar.timegm(board.published_parsed) == calendar.timegm((2025, 11, 2, 17, 0, 0))
    assert board.summary == articles["board"].lead
    assert [tag.term for tag in board.tags] == ["An toàn lao động"]
    image = newsroom["image"]
    enclosures = [link for link in board.links if link.rel == "enclosure"]
    assert len(enclosures) == 1
    assert enclosures[0].href == "http://testserver" + image.file.url
    assert enclosures[0].type == "image/png" or enclosures[0].type.startswith("image/")
    assert int(enclosures[0].length) == os.path.getsize(image.file.path) > 0
    if kind == "rss":
        media = board.media_content[0]
        assert media["url"] == enclosures[0].href
        assert (int(media["width"]), int(media["height"])) == (image.width, image.height)
    # An article without a picture has no enclosure.
    department_entry = feed.entries[0]
    assert not [link for link in department_entry.links if link.rel == "enclosure"]


def test_feed_of_a_members_only_department_is_not_found(client, newsroom):
    PageViewRestriction.objects.create(
        page=newsroom["department"], restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(f"/rss/don-vi/{newsroom['department'].slug}/").status_code == 404
    _, feed = parse(client, "/rss/")
    assert {entry.title for entry in feed.entries} == {
        newsroom["articles"][key].title for key in ("board", "campaign")
    }


@pytest.mark.parametrize(
    "url",
    [
        "/rss/don-vi/khong-co/",
        "/atom/chien-dich/khong-co/",
        "/rss/the/khong-co/",
        "/rss/the/a%00b/",
    ],
)
def test_unknown_feed_source_is_not_found(client, newsroom, url):
    assert client.get(url).status_code == 404


def test_pages_link_their_feeds_in_the_head(client, newsroom):
    document = utils.soup(client.get(newsroom["department"].url))
    links = {
        link["href"]: link["type"] for link in document.select('head link[rel="alternate"][type]')
    }
    slug = newsroom["department"].slug
    assert links == {
        "/rss/": "application/rss+xml",
        "/atom/": "application/atom+xml",
        f"/rss/don-vi/{slug}/": "application/rss+xml",
        f"/atom/don-vi/{slug}/": "application/atom+xml",
    }
    campaign_links = utils.soup(client.get(newsroom["campaign"].url)).select(
        'head link[type="application/rss+xml"]'
    )
    assert [link["href"] for link in campaign_links] == [
        "/rss/",
        f"/rss/chien-dich/{newsroom['campaign'].slug}/",
    ]
    tag_links = utils.soup(client.get(f"/the/{newsroom['tag'].slug}/")).select(
        'head link[type="application/atom+xml"]'
    )
    assert [link["href"] for link in tag_links] == ["/atom/", f"/atom/the/{newsroom['tag'].slug}/"]
    titles = [link["title"] for link in document.select('head link[rel="alternate"][type]')]
    department_title = newsroom["department"].title
    assert titles == [
        "Tất cả tin tức (RSS)",
        "Tất cả tin tức (Atom)",
        f"{department_title} (RSS)",
        f"{department_title} (Atom)",
    ]
    # Every linked feed is a real one.
    for href in links:
        parse(client, href)


@pytest.mark.parametrize("source", ["news", "department", "campaign", "tag"])
def test_feed_is_kept_and_a_publish_edit_or_unpublish_shows_at_once(
    client, newsroom, source, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.models import ArticlePage
    from tests import factories

    url = feed_urls(newsroom)[source].format(kind="rss")
    parse(client, url)  # stores the images' file sizes: a change to images, so not kept
    parse(client, url)
    with CaptureQueriesContext(connection) as again:
        _, feed = parse(client, url)
    assert not [q for q in again.captured_queries if "articles_articlepage" in q["sql"]]
    titles = {entry.title for entry in feed.entries}
    assert titles == {newsroom["articles"][key].title for key in EXPECTED[source]}

    article = factories.ArticlePageFactory(
        parent=newsroom["department"],
        title="Khoa Toán hiến máu nhân đạo",
        campaign=newsroom["campaign"],
        tags=[newsroom["tag"]],
        live=False,
    )
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    assert "Khoa Toán hiến máu nhân đạo" in {e.title for e in parse(client, url)[1].entries}

    edited = ArticlePage.objects.get(pk=article.pk)
    edited.title = "Khoa Toán hiến máu nhân đạo lần 2"
    with django_capture_on_commit_callbacks(execute=True):
        edited.save_revision().publish()
    shown = {e.title for e in parse(client, url)[1].entries}
    assert "Khoa Toán hiến máu nhân đạo lần 2" in shown
    assert "Khoa Toán hiến máu nhân đạo" not in shown

    with django_capture_on_commit_callbacks(execute=True):
        ArticlePage.objects.get(pk=article.pk).unpublish()
    assert {e.title for e in parse(client, url)[1].entries} == titles


def test_feeds_are_kept_per_language_and_kind(client, newsroom):
    rss = client.get("/rss/")
    atom = client.get("/atom/")
    assert rss["Content-Type"].startswith("application/rss+xml")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert client.get("/rss/").content == rss.content
    assert client.get("/atom/").content == atom.content
    assert client.get("/rss/")["Last-Modified"] == rss["Last-Modified"]
    assert client.get("/rss/the/khong-co/").status_code == 404
