"""The language and the filters restrict the engine's candidates before the newest are kept.

The engine ranks only the newest CANDIDATES matching index entries (search.engine). Were the
language and the filters applied after that cut, a common word would fill it with the newest
Vietnamese articles, and an English page, an exemplar, an older year or a department's page
holding the same word would never be found. CANDIDATES is made tiny here to show it.
"""

import datetime

import pytest

from wagtail.models import Locale, Page

from tests import factories


def publish_translation(page):
    translation = page.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    translation.title = "Table tennis: bóng bàn tournament"
    translation.save_revision().publish()
    return Page.objects.get(pk=translation.pk).specific


def article(parent, number, **kwargs):
    kwargs.setdefault("date", datetime.date(2025, 3, 1 + number))
    return factories.ArticlePageFactory(
        parent=parent,
        title=f"Giải bóng bàn công đoàn lần {number}",
        lead="Đoàn viên tranh tài bóng bàn.",
        **kwargs,
    )


def results(client, path="/tim-kiem/", **params):
    response = client.get(path, {"q": "bong ban", **params})
    assert response.status_code == 200
    return [page.pk for page in response.context["results"]]


@pytest.fixture
def few_candidates(monkeypatch):
    from search import engine

    monkeypatch.setattr(engine, "CANDIDATES", 3)
    return engine


def test_an_older_english_page_is_found_among_more_newer_vietnamese_ones(
    client, news_index, few_candidates
):
    english = publish_translation(article(news_index, 0))
    for number in range(1, 6):  # more newer Vietnamese matches than the candidates
        article(news_index, number)
    assert results(client, "/en/search/") == [english.pk]
    # The language filter of the Vietnamese page, too.
    assert results(client, **{"ngon-ngu": "en"}) == [english.pk]


def test_newer_english_pages_do_not_crowd_out_vietnamese_ones(client, news_index, few_candidates):
    vietnamese = [article(news_index, number) for number in range(3)]
    for page in vietnamese:
        publish_translation(page)  # three newer English matches
    assert sorted(results(client)) == sorted(page.pk for page in vietnamese)


@pytest.fixture(params=["seek", "set", "walk"])
def scope_mode(request, monkeypatch, few_candidates):
    """SQLite's three ways to read a scope's matches (PostgreSQL has one: its planner's)."""
    monkeypatch.setattr(few_candidates, "PROBE", 2)  # the newest two matches, then decide
    monkeypatch.setattr(few_candidates, "SEEK", 1000 if request.param == "seek" else 0)
    monkeypatch.setattr(few_candidates, "walk_on", lambda kept, entries: request.param == "walk")
    return request.param


def test_filters_find_older_pages_beyond_the_newest_matches(
    client, home_page, news_index, exemplar_index, department, scope_mode
):
    category = factories.ExemplarCategoryFactory(name="Gương sáng nhà giáo")
    exemplar = factories.ExemplarPageFactory(
        parent=exemplar_index,
        title="Cô giáo mê bóng bàn",
        category=category,
        year_recognised=2021,
    )
    old = article(department, 0, date=datetime.date(2021, 4, 2), tags=["thể thao"])
    old.save()  # index the tag (see tests/search/test_results.py)
    newer = [article(news_index, number) for number in range(1, 7)]

    assert len(results(client)) == 3  # the newest three: the cut is real
    assert results(client, loai="guong-sang") == [exemplar.pk]
    assert results(client, **{"don-vi": department.pk}) == [old.pk]
    assert results(client, the="the-thao") == [old.pk]
    assert sorted(results(client, nam=2021)) == sorted([old.pk, exemplar.pk])
    assert results(client, nam=2021, loai="bai-viet") == [old.pk]
    assert results(client, nam=2025, loai="bai-viet", **{"sap-xep": "moi-nhat"}) == [
        page.pk for page in newer[::-1][:3]
    ]
    assert results(client, nam=2019) == []
