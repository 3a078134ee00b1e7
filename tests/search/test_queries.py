"""The search page's cost does not grow with the results shown or with the archive."""

import datetime

import pytest

from tests import factories, utils


@pytest.fixture(autouse=True)
def search_every_time(settings):
    """These tests measure the engine's statements: each search searches (a repeated one is
    otherwise answered from its kept matches, see tests/search/test_kept.py)."""
    settings.SEARCH_KEEP_MATCHES = False


@pytest.fixture
def articles(news_index, department, campaign_index):
    campaign = factories.CampaignPageFactory(
        parent=campaign_index,
        title="Tháng Công nhân",
        start_date=datetime.date(2024, 5, 1),
        end_date=datetime.date(2024, 5, 31),
    )

    def make(count, title="Hội thao công đoàn lần {i}"):
        pages = []
        for i in range(count):
            page = factories.ArticlePageFactory(
                parent=department if i % 2 else news_index,
                title=title.format(i=i),
                lead="Đoàn viên tranh tài bóng bàn.",
                campaign=campaign,
                tags=["thể thao", f"giải {i}"],
                date=datetime.date(2024, 5, 1 + i % 28),
            )
            page.save()  # index the tags (see tests/search/test_results.py)
            pages.append(page)
        return pages

    return make


@pytest.mark.parametrize("count", [2, 20])
def test_search_page_query_budget(client, articles, count, django_assert_max_num_queries):
    """At most 12 queries whatever the number of results: tags, departments and the filters'
    lists are read once (or kept in the cache), not once per result."""
    articles(count)
    params = {"q": "hội thao công đoàn"}
    client.get("/tim-kiem/", params)  # the query's first hit creates its row; lists cached
    with django_assert_max_num_queries(12):
        response = client.get("/tim-kiem/", params)
    assert response.status_code == 200
    assert len(response.context["items"]) == min(count, 10)
    text = utils.visible_text(response)
    assert "thể thao" in text or "Hội thao" in text
    with django_assert_max_num_queries(12):
        response = client.get("/tim-kiem/", {**params, "trang": "2", "sap-xep": "moi-nhat"})
    assert response.status_code == 200


def test_more_matches_than_ranked_say_more_than(client, articles, monkeypatch):
    from search import views

    monkeypatch.setattr(views, "MAX_RESULTS", 3)
    articles(5)
    response = client.get("/tim-kiem/", {"q": "hoi thao"})
    assert "Tìm thấy hơn 3 kết quả" in utils.visible_text(response)
    assert len(response.context["items"]) == 3


def test_the_engine_stops_at_the_newest_candidates(client, articles, monkeypatch):
    """Only the newest CANDIDATES matches are read; a title holding the words ranks first."""
    from search import engine

    old = articles(3, title="Bóng bàn lần {i}")
    new = articles(3, title="Hội thao lần {i}")
    monkeypatch.setattr(engine, "CANDIDATES", 4)
    found = [page.pk for page in client.get("/tim-kiem/", {"q": "bong ban"}).context["results"]]
    # All six mention "bóng bàn" in their lead; only the newest four are candidates, and the
    # one of those whose title says "Bóng bàn" comes first.
    assert len(found) == 4
    assert found[0] == old[2].pk
    assert set(found[1:]) == {page.pk for page in new}


@pytest.mark.django_db
def test_sqlite_walks_the_full_text_index_newest_first_and_stops(articles):
    """The full-text match is limited before anything is joined, so SQLite stops early."""
    from django.db import connection

    from search import engine

    if engine.database_vendor() != "sqlite":
        pytest.skip("SQLite's query plan")
    articles(2)

    def plan(sql, params):
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN QUERY PLAN " + sql.replace("{types}", "1"), params)
            return [row[-1] for row in cursor.fetchall()]

    steps = plan(*engine._sqlite(["hoi", "thao"], "and"))
    assert any("MATERIALIZE" in step or "CO-ROUTINE" in step for step in steps), steps
    assert not any("USE TEMP B-TREE FOR ORDER BY" in step for step in steps), steps
    assert any(step.startswith("SCAN") and "_fts VIRTUAL TABLE" in step for step in steps), steps
    # The main language's pages: FTS5 stays the outer loop, newest first, no sort; each entry's
    # page is looked up by its key (the LIMIT then stops the walk).
    steps = plan(*engine._sqlite(["hoi", "thao"], "and", locale_id=engine.main_locale_id()))
    assert steps[0].startswith("SCAN f VIRTUAL TABLE"), steps  # f: the FTS5 table
    assert not any("USE TEMP B-TREE FOR ORDER BY" in step for step in steps), steps
    assert all(step.startswith(("SEARCH", "BLOOM FILTER")) for step in steps[1:]), steps


def test_filter_lists_follow_new_campaigns_and_tags(client, articles, campaign_index):
    articles(1)
    response = client.get("/tim-kiem/", {"q": "hoi thao"})
    assert "Tết sum vầy" not in response.content.decode()
    campaign = factories.CampaignPageFactory(
        parent=campaign_index,
        title="Tết sum vầy",
        start_date=datetime.date(2025, 1, 1),
        end_date=datetime.date(2025, 1, 31),
    )
    campaign.save_revision().publish()  # as the editor's "Publish" does
    from cms.models import Tag

    Tag.objects.create(name="Văn nghệ")
    text = client.get("/tim-kiem/", {"q": "hoi thao"}).content.decode()
    assert "Tết sum vầy" in text
    assert "Văn nghệ" in text


def test_sort_labels_follow_the_language(client, articles):
    articles(1)
    vietnamese = utils.visible_text(client.get("/tim-kiem/", {"q": "hoi thao"}))
    assert "Liên quan nhất" in vietnamese and "Mới nhất" in vietnamese
    english = utils.visible_text(client.get("/en/search/", {"q": "hoi thao"}))
    assert "Most relevant" in english and "Newest" in english
    assert "Liên quan nhất" not in english and "Mới nhất" not in english


def test_postgresql_looks_among_the_newest_entries_first(client, articles, monkeypatch):
    """Enough matches among the newest WINDOW index entries: the rest of the index is not read;
    too few: the whole index is searched, so nothing is lost."""
    from search import engine

    if engine.database_vendor() != "postgresql":
        pytest.skip("PostgreSQL's window of newest entries")
    from django.db.models import Max

    from wagtail.search.models import IndexEntry

    pages = articles(5)
    # The window: the index entries from the fourth article's on (PostgreSQL's upserts leave
    # gaps in the ids, so it is measured, not counted).
    newest = IndexEntry.objects.aggregate(newest=Max("id"))["newest"]
    fourth = IndexEntry.objects.filter(object_id=str(pages[-2].pk)).values_list("id", flat=True)
    monkeypatch.setattr(engine, "WINDOW", newest - min(fourth) + 1)

    def found():
        response = client.get("/tim-kiem/", {"q": "hoi thao"})
        return sorted(page.pk for page in response.context["results"])

    assert found() == sorted(page.pk for page in pages)  # 2 < ENOUGH: whole index
    monkeypatch.setattr(engine, "ENOUGH", 1)
    assert found() == sorted(page.pk for page in pages[-2:])


def test_a_tag_filter_reads_the_tag_rows_by_the_tag_id(
    client, articles, django_assert_max_num_queries
):
    """The tag's id is a literal of the filter's statement, its pages one union of each type's
    tag rows: by the slug (a subquery on the tags) SQLite scanned every article's tag row and
    PostgreSQL planned for an average tag, then spent a second JIT-compiling (1.2 s for a rare
    tag at 100,000 articles). A tagged page of each kind is still found; an unknown tag finds none."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from cms.models import Tag

    articles(3)
    tag = Tag.objects.get(name="giải 1")
    params = {"q": "hoi thao", "the": tag.slug}
    client.get("/tim-kiem/", params)  # the query's first hit creates its row; lists cached
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/tim-kiem/", params)
    assert [item["page"].title for item in response.context["items"]] == [
        "Hội thao công đoàn lần 1"
    ]
    scoped = [
        q["sql"]
        for q in queries.captured_queries
        if "pagetag" in q["sql"] and "indexentry" in q["sql"]
    ]
    assert scoped, [q["sql"][:300] for q in queries.captured_queries]
    for sql in scoped:
        assert '"cms_tag"' not in sql, sql
        assert f'"tag_id" IN ({tag.pk})' in sql, sql
    assert len(queries.captured_queries) <= 12
    response = client.get("/tim-kiem/", {**params, "the": "khong-co-the-nay"})
    assert response.status_code == 200
    assert response.context["items"] == []


@pytest.mark.django_db
def test_sqlite_reads_a_department_filter_as_a_range_of_paths(articles, department):
    """A department's pages are a range of the page path index on SQLite: as a LIKE (Wagtail's
    descendant_of) SQLite walked every page deeper than the department (88 ms at 100,000
    articles for a department's English pages). The filter still keeps only its subtree."""
    from django.db import connection

    from search import views

    if connection.vendor != "sqlite":
        pytest.skip("SQLite's query plan")
    pages = articles(4)
    filters = {"kind": "", "department": department.pk, "campaign": None, "tag": "", "year": None}
    scope = views.filter_pages(views.base_pages(None), filters)
    found = set(scope.values_list("pk", flat=True))
    assert {p.pk for p in pages if p.get_parent().pk == department.pk} <= found
    assert not {p.pk for p in pages if p.get_parent().pk != department.pk} & found
    assert department.pk not in found
    sql = str(scope.order_by().values("pk").query)
    assert "LIKE" not in sql.upper(), sql  # a range of the path index, not a pattern


@pytest.mark.parametrize("filters", [{}, {"nam": "2024"}, {"nam": "2024", "loai": "bai-viet"}])
def test_all_but_one_word_costs_one_statement(
    client, articles, filters, django_assert_max_num_queries
):
    """When no page holds every word of a long query, the pages holding all but one are shown
    (each word left out in turn), read by one statement: the query budget holds however many
    words the reader typed (it grew by up to four queries a word with a filter)."""
    articles(4)
    words = "hội thao công đoàn bóng bàn tranh tài khongcoday"
    params = {"q": words, **filters}
    client.get("/tim-kiem/", params)  # the query's first hit creates its row; lists cached
    with django_assert_max_num_queries(12):
        response = client.get("/tim-kiem/", params)
    assert response.status_code == 200
    assert response.context["partial"] is True
    titles = {item["page"].title for item in response.context["items"]}
    assert titles == {f"Hội thao công đoàn lần {i}" for i in range(4)}
    # A word held by no page and another left out: nothing holds all but one.
    params = {"q": "hội thao khongcoday khongcodau", **filters}
    response = client.get("/tim-kiem/", params)
    assert response.context["items"] == []


def test_sqlite_checks_a_filtered_walk_from_narrow_indexes(client, articles):
    """A year's filtered search checks each walked match's entry, page and date from narrow
    indexes (search/migrations/0001, the article (page, date) index), not from the rows that
    hold an entry's text or an article's body (at 100,000 articles: 18 -> 7.5 ms of SQL)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if connection.vendor != "sqlite":
        pytest.skip("SQLite's query plan")
    pages = articles(4)
    old = factories.ArticlePageFactory(
        parent=pages[0].get_parent(),
        title="Hội thao công đoàn năm trước",
        date=datetime.date(2023, 5, 1),
    )
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/tim-kiem/", {"q": "hoi thao", "loai": "bai-viet", "nam": "2024"})
    assert response.status_code == 200
    html = response.content.decode()
    assert all(page.url in html for page in pages)
    assert old.url not in html
    walks = [
        q["sql"] for q in queries.captured_queries if "_fts" in q["sql"] and "EXISTS" in q["sql"]
    ]
    assert walks, [q["sql"][:80] for q in queries.captured_queries]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + walks[0])
        steps = " | ".join(row[-1] for row in cursor.fetchall())
    for index in ("search_entry_page", "search_page_scope", "article_page_date"):
        assert f"COVERING INDEX {index}" in steps, steps


def test_postgresql_walks_a_year_of_articles_newest_first(
    client, articles, department, monkeypatch
):
    """PostgreSQL, the articles of a year: the year's articles are walked newest first down
    their date index (each checked against the other filters, its text matched), instead of
    every match of every year (search.engine._dated_walk)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from search import engine

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's walk of a year")
    monkeypatch.setattr(engine, "CANDIDATES", 3)  # the walk is used when it finds enough
    monkeypatch.setattr(engine, "DATED_SHARE", 0)  # whatever the planner estimates here
    pages = articles(8)  # 1-8 May 2024; the odd ones in the department
    factories.ArticlePageFactory(
        parent=department, title="Hội thao công đoàn năm trước", date=datetime.date(2023, 5, 9)
    )
    query = {"q": "hoi thao", "loai": "bai-viet", "nam": "2024", "sap-xep": "moi-nhat"}
    for extra, expected in (({}, [7, 6, 5]), ({"don-vi": department.pk}, [7, 5, 3])):
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/tim-kiem/", {**query, **extra})
        html = response.content.decode()
        shown = [i for i, page in enumerate(pages) if page.url in html]
        assert sorted(shown, reverse=True) == expected, (extra, shown)
        assert "năm trước" not in html
        statements = [q["sql"] for q in queries.captured_queries]
        assert any(
            "CROSS JOIN LATERAL" in sql and "articles_articlepage" in sql for sql in statements
        )
        assert not any("LIMIT 1000" in sql for sql in statements)  # no probe of every match
