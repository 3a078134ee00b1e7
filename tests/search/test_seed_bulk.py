"""seed_bulk: real, live, indexed articles in bulk, for benchmarks."""

import pytest

from django.core.management import CommandError, call_command
from django.test import override_settings

from wagtail.models import Page, Revision

from articles.models import ArticlePage
from cms.models import Tag
from cms.text import fold


def seed(count):
    call_command("seed_bulk", articles=count, stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_articles_are_live_pages_that_render_and_are_found(client, home_page, news_index):
    seed(30)
    articles = list(ArticlePage.objects.live().public().order_by("pk"))
    assert len(articles) == 30
    assert Page.find_problems() == ([], [], [], [], [])  # the tree is consistent
    article = articles[0]
    assert article.get_latest_revision().as_object().title == article.title
    assert Revision.page_revisions.filter(object_id=str(article.pk)).count() == 1
    response = client.get(article.url)
    assert response.status_code == 200
    assert article.lead[:40] in response.content.decode()
    assert client.get(news_index.url).status_code == 200
    assert client.get(home_page.url).status_code == 200
    tagged = Tag.objects.filter(articles_articlepagetag_items__isnull=False).first()
    assert client.get(f"/the/{tagged.slug}/").status_code == 200
    words = " ".join(fold(article.title).split()[-4:])
    response = client.get("/tim-kiem/", {"q": words})
    assert article.pk in [page.pk for page in response.context["results"]]
    # The folded copy and the context (department, year, tags) are indexed too.
    year = str(article.date.year)
    response = client.get("/tim-kiem/", {"q": f"{words} {year}"})
    assert article.pk in [page.pk for page in response.context["results"]]


def test_each_run_adds_articles(home_page):
    seed(5)
    seed(7)
    assert ArticlePage.objects.live().count() == 12
    assert Page.find_problems() == ([], [], [], [], [])
    assert len(set(ArticlePage.objects.values_list("url_path", flat=True))) == 12


def test_creates_the_structure_it_needs_on_an_empty_site(db):
    seed(3)
    assert ArticlePage.objects.live().count() == 3
    assert Page.find_problems() == ([], [], [], [], [])


def test_refuses_production_settings(db):
    with override_settings(SETTINGS_MODULE="settings.production"), pytest.raises(CommandError):
        seed(1)
    assert ArticlePage.objects.count() == 0


def test_update_index_rebuilds_the_index_with_progress(client, news_index):
    import io

    from wagtail.search.models import IndexEntry

    seed(4)
    article = ArticlePage.objects.first()
    words = " ".join(fold(article.title).split()[-3:])
    IndexEntry.objects.all().delete()
    assert article.pk not in [
        p.pk for p in client.get("/tim-kiem/", {"q": words}).context["results"]
    ]
    output = io.StringIO()
    call_command("update_index", stdout=output)
    assert "." in output.getvalue()  # one dot per chunk indexed
    assert article.pk in [p.pk for p in client.get("/tim-kiem/", {"q": words}).context["results"]]
