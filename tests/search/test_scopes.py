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
    # With a type: articles of that language only (SQLite reads them by the language index).
    assert results(client, **{"ngon-ngu": "en", "loai": "bai-viet"}) == [english.pk]


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
    monkeypatch.setattr(
        few_candidates, "walk_on", lambda kept, entries, below=None: request.param == "walk"
    )
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


def test_a_year_finds_each_type_by_its_own_date_and_other_pages_by_publication(
    client, home_page, news_index, exemplar_index, campaign_index, scope_mode, monkeypatch
):
    """The year filter is a union of each dated type's rows and the other pages' first
    publication; with a type, that type's date only."""
    from django.utils import timezone

    from search import engine

    monkeypatch.setattr(engine, "CANDIDATES", 4)

    from wagtail.models import Page

    exemplar = factories.ExemplarPageFactory(
        parent=exemplar_index, title="Cô giáo mê bóng bàn", year_recognised=2022
    )
    campaign = factories.CampaignPageFactory(
        parent=campaign_index,
        title="Tháng thể thao: bóng bàn",
        start_date=datetime.date(2022, 5, 1),
        end_date=datetime.date(2023, 1, 31),
    )
    standard = factories.StandardPageFactory(parent=home_page, title="Luật thi đấu bóng bàn")
    # A page of no dated type: its year is its first publication's (in the site's time zone:
    # 00:30 on 1 January 2022 in Hà Nội is still 2021 in UTC).
    published = timezone.make_aware(datetime.datetime(2022, 1, 1, 0, 30))
    Page.objects.filter(pk=standard.pk).update(first_published_at=published)
    old = article(news_index, 0, date=datetime.date(2022, 12, 31))
    # First published in 2022 but dated 2025: an article's year is its date's.
    newer = [article(news_index, number) for number in range(1, 5)]
    Page.objects.filter(pk__in=[page.pk for page in newer]).update(first_published_at=published)

    assert sorted(results(client, nam=2022)) == sorted(
        [exemplar.pk, campaign.pk, standard.pk, old.pk]
    )
    assert results(client, nam=2022, loai="bai-viet") == [old.pk]
    assert results(client, nam=2022, loai="chien-dich") == [campaign.pk]
    assert results(client, nam=2022, loai="guong-sang") == [exemplar.pk]
    assert results(client, nam=2022, loai="khac") == [standard.pk]
    assert results(client, nam=2021) == []
    assert results(client, nam=2023) == []  # a campaign's year is its start's
    for year in ("0", "99999", "-1", "2022x"):  # no year a date can hold: the filter is ignored
        assert len(results(client, nam=year)) == 4  # the newest four (CANDIDATES) of all 8


def test_a_filtered_search_whose_sql_is_kept_follows_privacy_and_new_pages(client, news_index):
    """A filter's SQL is built once per process (search.engine.Scope's key); the same filtered
    search again still leaves out a page made members-only since, and finds a page published
    since."""
    from wagtail.models import PageViewRestriction

    from search import engine

    first, second = article(news_index, 1), article(news_index, 2)
    filters = {"loai": "bai-viet", "nam": "2025"}
    assert sorted(results(client, **filters)) == [first.pk, second.pk]
    assert any(key[1] is not None for key in engine.COMPILED)  # the filter's SQL is kept
    PageViewRestriction.objects.create(page=second, restriction_type=PageViewRestriction.LOGIN)
    assert results(client, **filters) == [first.pk]
    third = article(news_index, 3)
    assert sorted(results(client, **filters)) == [first.pk, third.pk]
    # Another year is another statement.
    article(news_index, 4, date=datetime.date(2024, 6, 1))
    assert len(results(client, **{**filters, "nam": "2024"})) == 1
