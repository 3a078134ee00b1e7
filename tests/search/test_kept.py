"""A search's matches are kept (search.views.kept_matches) until a page changes.

The minute a campaign's link lands in every department's group, most readers ask the same
thing: the second reader of a search is answered without the full-text index being walked.
A reader never sees what a change since has made wrong: a page published, unpublished,
edited, made members-only or moved is found (or not) by the very next search.
"""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction

from tests import factories


def article(parent, title, **kwargs):
    kwargs.setdefault("date", datetime.date(2026, 3, 2))
    return factories.ArticlePageFactory(
        parent=parent, title=title, lead="Đoàn viên tranh tài bóng bàn.", **kwargs
    )


def search(client, q="bong ban", **params):
    """The result ids and the statements that read the full-text index."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/tim-kiem/", {"q": q, **params})
    assert response.status_code == 200
    walked = [
        q["sql"]
        for q in queries.captured_queries
        if "indexentry" in q["sql"] and ("MATCH" in q["sql"] or "@@" in q["sql"])
    ]
    return [page.pk for page in response.context["results"]], walked


@pytest.fixture
def pages(news_index):
    return [article(news_index, f"Giải bóng bàn công đoàn lần {number}") for number in (1, 2)]


@pytest.mark.parametrize("filters", [{}, {"loai": "bai-viet", "nam": "2026"}])
def test_a_repeated_search_does_not_walk_the_index_again(client, pages, filters):
    found, walked = search(client, **filters)
    assert sorted(found) == sorted(page.pk for page in pages)
    assert walked  # the first reader's search reads the index
    again, walked = search(client, **filters)
    assert again == found
    assert walked == []
    # The same words typed with their marks share the kept matches.
    marked, walked = search(client, q="bóng bàn", **filters)
    assert sorted(marked) == sorted(found)
    assert walked == []
    # Other filters are another search.
    _found, walked = search(client, **{**filters, "nam": "2025"})
    assert walked


def test_every_search_walks_the_index_when_matches_are_not_kept(client, pages, settings):
    settings.SEARCH_KEEP_MATCHES = False
    search(client)
    _found, walked = search(client)
    assert walked


def test_a_kept_search_follows_publish_unpublish_and_edits(client, news_index, pages):
    first, second = pages
    assert sorted(search(client)[0]) == sorted([first.pk, second.pk])
    second.unpublish()
    assert search(client)[0] == [first.pk]
    second.save_revision().publish()
    assert sorted(search(client)[0]) == sorted([first.pk, second.pk])
    # An edit that takes the words out of the page (its index entry rewritten in place).
    first = Page.objects.get(pk=first.pk).specific
    first.title = "Hội thao kéo co"
    first.lead = "Đoàn viên tranh tài kéo co."
    first.save_revision().publish()
    assert search(client)[0] == [second.pk]


def test_a_kept_search_follows_privacy_and_moves(client, pages, department):
    first, second = pages
    filters = {"don-vi": str(department.pk)}
    assert search(client, **filters)[0] == []
    assert sorted(search(client)[0]) == sorted([first.pk, second.pk])
    restriction = PageViewRestriction.objects.create(
        page=second, restriction_type=PageViewRestriction.LOGIN
    )
    assert search(client)[0] == [first.pk]
    restriction.delete()
    assert sorted(search(client)[0]) == sorted([first.pk, second.pk])
    first.move(department, pos="last-child")
    assert search(client, **filters)[0] == [first.pk]


def test_the_order_by_marks_is_read_afresh_for_kept_matches(client, news_index):
    """ "keo co" and "kéo co" share their matches; the words as typed with their marks still
    rank first for the reader who typed them."""
    marked = article(news_index, "Hội thao kéo co", date=datetime.date(2026, 3, 1))
    plain = article(news_index, "Hoi thao keo co", date=datetime.date(2026, 3, 5))
    response = client.get("/tim-kiem/", {"q": "keo co"})
    assert [page.pk for page in response.context["results"]] == [plain.pk, marked.pk]
    response = client.get("/tim-kiem/", {"q": "kéo co"})
    assert [page.pk for page in response.context["results"]] == [marked.pk, plain.pk]
