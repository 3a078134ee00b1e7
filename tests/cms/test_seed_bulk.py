"""seed_bulk: bulk articles that are whole Wagtail pages, found by search like any other."""

import io

import pytest

from django.core.management import CommandError, call_command
from django.test import override_settings

from wagtail.models import Page, Revision
from wagtail.search.models import IndexEntry

from articles.models import ArticlePage
from cms.management.commands.seed_bulk import fold_by_words
from cms.text import fold


def seed(count, **options):
    out = io.StringIO()
    err = io.StringIO()
    call_command("seed_bulk", articles=count, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def entries(ids):
    rows = IndexEntry.objects.filter(object_id__in=[str(pk) for pk in ids])
    return {row.object_id: (row.title, row.autocomplete, row.body) for row in rows}


def test_pages_are_live_in_the_tree_with_revisions_and_tags(client, home_page, news_index):
    out, err = seed(25)
    assert "Đã thêm 25 bài viết" in out
    assert "25/25" in err  # the progress bar reached the end
    articles = list(ArticlePage.objects.live().public().order_by("pk"))
    assert len(articles) == 25
    assert Page.find_problems() == ([], [], [], [], [])
    for parent in Page.objects.filter(pk__in={a.get_parent().pk for a in articles}):
        assert parent.numchild == parent.get_children().count()
    assert Revision.page_revisions.filter(object_id__in=[str(a.pk) for a in articles]).count() == 25
    for article in articles:
        assert article.live_revision_id == article.latest_revision_id is not None
        assert article.get_latest_revision().as_object().title == article.title
    tagged = [a for a in articles if a.tags.exists()]
    assert tagged, "some articles carry tags"
    revision_tags = tagged[0].get_latest_revision().as_object().tags.all()
    assert {t.pk for t in revision_tags} == {t.pk for t in tagged[0].tags.all()}
    response = client.get(articles[0].url)
    assert response.status_code == 200
    assert articles[0].title in response.content.decode()


def test_articles_are_found_with_and_without_diacritics(client, home_page, news_index):
    seed(12)
    article = ArticlePage.objects.order_by("pk").first()
    words = article.title.split()[-4:]
    typed = " ".join(words)
    plain = fold(typed)
    assert typed != plain  # the generated titles are written with Vietnamese marks
    for query in (typed, plain):
        response = client.get("/tim-kiem/", {"q": query})
        assert response.status_code == 200
        assert article.pk in [page.pk for page in response.context["results"]], query


def test_index_entries_are_what_update_index_writes(home_page, news_index):
    seed(15)
    ids = list(ArticlePage.objects.values_list("pk", flat=True))
    seeded = entries(ids)
    assert len(seeded) == 15
    IndexEntry.objects.filter(object_id__in=[str(pk) for pk in ids]).delete()
    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
    assert entries(ids) == seeded


def test_each_run_adds_to_the_same_parents(home_page, news_index):
    seed(6)
    seed(9, seed=7)
    assert ArticlePage.objects.live().count() == 15
    assert Page.find_problems() == ([], [], [], [], [])
    assert len(set(ArticlePage.objects.values_list("url_path", flat=True))) == 15


def test_without_index(home_page, news_index):
    seed(4, no_index=True)
    ids = [str(pk) for pk in ArticlePage.objects.values_list("pk", flat=True)]
    assert not IndexEntry.objects.filter(object_id__in=ids).exists()


def test_bad_count_and_production_settings_are_refused(db):
    with pytest.raises(CommandError, match="--articles"):
        seed(0)
    with override_settings(SETTINGS_MODULE="settings.production"), pytest.raises(CommandError):
        seed(1)
    assert ArticlePage.objects.count() == 0


@pytest.mark.parametrize(
    "text",
    ["Đặng Thị Hường", "CÔNG ĐOÀN  trường – 20/11", "người\u0300 ngoài", " a  b ", "ΟΔΟΣ ΟΔΟΣ"],
)
def test_folding_by_words_is_folding(text):
    assert fold_by_words(text) == fold(text)
