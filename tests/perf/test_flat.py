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


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite has no autovacuum")
def test_migrate_leaves_fresh_statistics_on_sqlite(twelve_articles):
    from django.core.management import call_command

    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM sqlite_stat1")  # as after a migration rebuilt the tables
    call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("SELECT stat FROM sqlite_stat1 WHERE idx = 'article_date_desc'")
        assert cursor.fetchone()[0].startswith("12 ")  # the twelve articles counted
