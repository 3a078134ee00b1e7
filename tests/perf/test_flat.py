"""Flat as the archive grows (issue #8): listings walk the article date index and stop, the
paginator's count and the archive hub's counts are cached, and never stale after a publish."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import ArticlePage
from channels import sources
from tests import factories, utils


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    def run(change, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return change(*args, **kwargs)

    return run


@pytest.fixture
def twelve_articles(news_index):
    today = timezone.localdate()
    return [
        factories.ArticlePageFactory(
            parent=news_index,
            title=f"Bản tin công đoàn số {i:02d}",
            date=today - datetime.timedelta(days=i + 1),
        )
        for i in range(12)
    ]


def counts(queries):
    return [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]


def test_the_article_date_index_exists(db):
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, ArticlePage._meta.db_table)
    assert constraints["article_date_desc"]["index"]
    assert constraints["article_date_desc"]["columns"] == ["date", "page_ptr_id"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's EXPLAIN QUERY PLAN")
def test_news_index_and_feed_walk_the_date_index_without_sorting(news_index, twelve_articles):
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    for queryset in (
        news_index.articles()[:12],
        sources.public_articles(news_index.locale_id)[:20],
    ):
        sql, params = queryset.query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            plan = " / ".join(row[3] for row in cursor.fetchall())
        assert "article_date_desc" in plan, plan
        assert "TEMP B-TREE" not in plan, plan


def test_news_index_count_is_cached_and_a_publish_shows_at_once(
    client, news_index, twelve_articles, commit
):
    first = client.get(news_index.url)
    assert first.status_code == 200
    assert "trang=2" not in first.content.decode()  # twelve articles: one page
    with CaptureQueriesContext(connection) as again:
        client.get(news_index.url)
    assert counts(again.captured_queries) == []  # the count came from the cache

    article = factories.ArticlePageFactory(
        parent=news_index, title="Hội thao công đoàn 2026", live=False
    )
    commit(article.save_revision().publish)
    response = client.get(news_index.url)
    assert "Hội thao công đoàn 2026" in utils.visible_text(response)
    assert response.context["articles"].paginator.count == 13
    second = client.get(news_index.url, {"trang": "2"})
    assert twelve_articles[-1].title in utils.visible_text(second)

    commit(ArticlePage.objects.get(pk=article.pk).unpublish)
    response = client.get(news_index.url)
    assert "Hội thao công đoàn 2026" not in utils.visible_text(response)
    assert response.context["articles"].paginator.count == 12


def test_archive_hub_is_cached_and_counts_a_publish_at_once(
    client, news_index, twelve_articles, commit
):
    url = news_index.url + "luu-tru/"
    assert "Tất cả 12 tin bài" in utils.visible_text(client.get(url))
    with CaptureQueriesContext(connection) as again:
        client.get(url)
    assert counts(again.captured_queries) == []  # the counts came from the cache

    article = factories.ArticlePageFactory(
        parent=news_index, title="Hội thao công đoàn 2026", live=False
    )
    commit(article.save_revision().publish)
    assert "Tất cả 13 tin bài" in utils.visible_text(client.get(url))
    commit(ArticlePage.objects.get(pk=article.pk).unpublish)
    assert "Tất cả 12 tin bài" in utils.visible_text(client.get(url))


def test_year_archive_months_are_cached_and_a_publish_shows_at_once(client, news_index, commit):
    for day in (3, 20):
        factories.ArticlePageFactory(parent=news_index, date=datetime.date(2025, 11, day))
    url = news_index.url + "nam/2025/"

    def months():
        response = client.get(url)
        links = utils.soup(response).select(".archive-months li")
        return {a.get_text(" ", strip=True) for a in links}, response

    assert months()[0] == {"11/2025 (2)"}
    with CaptureQueriesContext(connection) as again:
        client.get(url)
    assert counts(again.captured_queries) == []  # the months and the count from the cache

    article = factories.ArticlePageFactory(
        parent=news_index, title="Hội thao mùa xuân", date=datetime.date(2025, 3, 8), live=False
    )
    commit(article.save_revision().publish)
    shown, response = months()
    assert shown == {"03/2025 (1)", "11/2025 (2)"}
    assert "Hội thao mùa xuân" in utils.visible_text(response)
    commit(ArticlePage.objects.get(pk=article.pk).unpublish)
    assert months()[0] == {"11/2025 (2)"}


def card_titles(response):
    return [h.get_text(" ", strip=True) for h in utils.soup(response).select(".card__title")]


def listings(queries):
    return [q for q in queries if 'ORDER BY "articles_articlepage"."date" DESC' in q["sql"]]


def test_news_list_is_kept_whole_and_never_stale(
    client, news_index, twelve_articles, commit, django_user_model
):
    from tests.library.factories import make_members_only, member

    private = factories.ArticlePageFactory(
        parent=news_index, title="Công khai tài chính quý III", date=timezone.localdate()
    )
    make_members_only(private)
    newest = [article.title for article in twelve_articles]
    assert card_titles(client.get(news_index.url)) == newest
    client.get(news_index.url)  # the first request made the cards' renditions (stored after)
    with CaptureQueriesContext(connection) as again:
        assert card_titles(client.get(news_index.url)) == newest
    assert listings(again.captured_queries) == []  # the list came from the cache

    # A member sees the members-only article; the anonymous list is not theirs, nor theirs ours.
    client.force_login(member(django_user_model))
    assert card_titles(client.get(news_index.url))[:2] == [private.title, newest[0]]
    client.logout()
    assert card_titles(client.get(news_index.url)) == newest

    # A publish, an edit and an unpublish show at the next request.
    article = factories.ArticlePageFactory(
        parent=news_index, title="Hội thao công đoàn 2026", live=False
    )
    commit(article.save_revision().publish)
    assert card_titles(client.get(news_index.url)) == ["Hội thao công đoàn 2026", *newest[:11]]
    assert card_titles(client.get(news_index.url, {"trang": "2"})) == newest[11:]
    edited = ArticlePage.objects.get(pk=twelve_articles[0].pk)
    edited.title = "Bản tin công đoàn số 00 (đã sửa)"
    commit(edited.save_revision().publish)
    assert "Bản tin công đoàn số 00 (đã sửa)" in card_titles(client.get(news_index.url))
    commit(ArticlePage.objects.get(pk=article.pk).unpublish)
    assert card_titles(client.get(news_index.url))[0] == "Bản tin công đoàn số 00 (đã sửa)"
    assert "trang=2" not in client.get(news_index.url).content.decode()


def test_tag_lists_are_kept_whole_and_never_stale(client, common_tag, news_index, commit):
    url = "/the/hien-mau/"
    newest = [article.title for article in common_tag]
    assert card_titles(client.get(url)) == newest[:12]
    client.get(url)  # the first request made the cards' renditions (stored after)
    with CaptureQueriesContext(connection) as again:
        assert card_titles(client.get(url)) == newest[:12]
    assert listings(again.captured_queries) == []  # the lists came from the cache

    article = factories.ArticlePageFactory(
        parent=news_index, title="Ngày hội hiến máu 2026", tags=["Hiến máu"], live=False
    )
    commit(article.save_revision().publish)
    assert card_titles(client.get(url)) == ["Ngày hội hiến máu 2026", *newest[:11]]
    assert "15 tin bài" in utils.visible_text(client.get(url))

    untagged = ArticlePage.objects.get(pk=common_tag[0].pk)
    untagged.tags.set(["Thể thao"])
    commit(untagged.save_revision().publish)
    assert card_titles(client.get(url)) == ["Ngày hội hiến máu 2026", *newest[1:12]]

    exemplar = factories.ExemplarPageFactory(
        parent=factories.ExemplarIndexPageFactory(parent=news_index.get_parent()),
        title="Nguyễn Văn Hùng, 30 lần hiến máu",
        tags=["Hiến máu"],
        live=False,
    )
    commit(exemplar.save_revision().publish)
    assert "Nguyễn Văn Hùng, 30 lần hiến máu" in utils.visible_text(client.get(url))


def test_a_page_is_read_from_where_the_previous_one_ended(client, news_index, commit, settings):
    settings.PAGE_PARTS_ENABLED = False  # every request reads its list
    today = timezone.localdate()
    made = [
        factories.ArticlePageFactory(
            parent=news_index,
            title=f"Tin công đoàn số {i:02d}",
            date=today - datetime.timedelta(days=i // 4),  # four a day: ties on the date
        )
        for i in range(30)
    ]
    newest = [a.title for a in sorted(made, key=lambda a: (a.date, a.pk), reverse=True)]

    def page(number):
        with CaptureQueriesContext(connection) as queries:
            titles = card_titles(client.get(news_index.url, {"trang": str(number)}))
        return titles, listing_sql(queries.captured_queries)

    client.get(news_index.url)  # the first request of the site stores its settings
    assert page(1)[0] == newest[:12]
    titles, sql = page(2)
    assert titles == newest[12:24]
    assert " OFFSET " not in sql and '"date" <=' in sql, sql
    titles, sql = page(3)
    assert titles == newest[24:]
    assert " OFFSET " not in sql, sql

    # A publish forgets where the pages ended: the next reader of page 3 skips rows again.
    article = factories.ArticlePageFactory(parent=news_index, title="Tin mới nhất", live=False)
    commit(article.save_revision().publish)
    titles, sql = page(3)
    assert titles == newest[23:]
    assert " OFFSET " in sql, sql


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite has no autovacuum")
def test_migrate_leaves_fresh_statistics_on_sqlite(twelve_articles):
    from django.core.management import call_command

    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM sqlite_stat1")  # as after a migration rebuilt the tables
    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("SELECT stat FROM sqlite_stat1 WHERE idx = 'article_date_desc'")
        assert cursor.fetchone()[0].startswith("12 ")  # the twelve articles counted


def listing_sql(queries):
    """The article listing among a request's queries: the one sorted by date, newest first."""
    sql = [q["sql"] for q in queries if 'ORDER BY "articles_articlepage"."date" DESC' in q["sql"]]
    assert len(sql) == 1, sql
    return sql[0]


@pytest.fixture
def common_tag(news_index, monkeypatch):
    """Fourteen articles under one tag, listed the way a tag on thousands of articles is."""
    from cms import views

    monkeypatch.setattr(views, "COMMON_TAG", 0)  # walk the date index, as at 100,000 articles
    today = timezone.localdate()
    tagged = [
        factories.ArticlePageFactory(
            parent=news_index,
            title=f"Hiến máu nhân đạo đợt {i:02d}",
            date=today - datetime.timedelta(days=2 * i + 1),
            tags=["Hiến máu"],
        )
        for i in range(14)
    ]
    for i in range(4):  # between them in date order, without the tag
        factories.ArticlePageFactory(
            parent=news_index,
            title=f"Thông báo lịch họp số {i}",
            date=today - datetime.timedelta(days=2 * i + 2),
            tags=["Thể thao"],
        )
    draft = factories.ArticlePageFactory(
        parent=news_index, title="Hiến máu: bài chưa đăng", date=today, tags=["Hiến máu"]
    )
    draft.unpublish()
    return tagged


def test_a_common_tag_lists_its_articles_newest_first_over_pages(client, common_tag):
    first = utils.soup(client.get("/the/hien-mau/"))
    titles = [h.get_text(" ", strip=True) for h in first.select(".card-list .card__title")]
    assert titles == [article.title for article in common_tag[:12]]
    assert "14 tin bài" in " ".join(first.get_text(" ").split())
    second = utils.soup(client.get("/the/hien-mau/", {"trang": "2"}))
    titles = [h.get_text(" ", strip=True) for h in second.select(".card-list .card__title")]
    assert titles == [article.title for article in common_tag[12:]]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's EXPLAIN QUERY PLAN")
def test_a_common_tag_walks_the_date_index_on_sqlite(client, common_tag):
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/the/hien-mau/").status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + listing_sql(queries.captured_queries))
        plan = " / ".join(row[3] for row in cursor.fetchall())
    assert "article_date_desc" in plan, plan
    assert "TEMP B-TREE" not in plan, plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner")
@pytest.mark.parametrize("path", ["/tin-tuc/", "/the/hien-mau/", "/rss/"])
def test_postgresql_can_estimate_how_many_articles_a_listing_has(client, common_tag, path):
    """PostgreSQL picks a plan from its estimate of the listing's size: an estimate near the
    truth lets it walk the date index for a long listing (a filter it cannot estimate, like
    ``locale_id + 0``, is guessed at 0.5 % of the rows, and it read and sorted the whole
    archive: 930 ms for the tag page at 100,000 articles)."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    sql = listing_sql(queries.captured_queries).rsplit(" LIMIT ", 1)[0]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute(f"SELECT COUNT(*) FROM ({sql}) AS listing")
        rows = cursor.fetchone()[0]
        cursor.execute("EXPLAIN (FORMAT JSON) " + sql)
        estimate = cursor.fetchone()[0][0]["Plan"]["Plan Rows"]
    assert rows >= 14
    assert estimate >= rows / 2, (estimate, rows)
