"""Elasticsearch/OpenSearch configuration, built without a server, and the database backends."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.utils.module_loading import import_string

from articles.models import ArticlePage
from cms.models.pages import CONTEXT_SEARCH_FIELD, FOLDED_SEARCH_FIELD

ROOT = Path(__file__).resolve().parents[2]


def backend_settings(**env):
    """settings.base's WAGTAILSEARCH_BACKENDS as a fresh process computes it from ``env``."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("SEARCH_")}
    environ.update(env)
    code = "import json, settings.base as b; print(json.dumps(b.WAGTAILSEARCH_BACKENDS))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environ, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["default"]


def test_without_search_url_the_database_backend_is_used():
    # search.backends: Wagtail's database backend, SQLite's title norms kept page by page.
    assert backend_settings()["BACKEND"] == "search.backends"


@pytest.mark.parametrize(
    ("backend", "client"),
    [
        ("wagtail.search.backends.elasticsearch8", "elasticsearch"),
        ("wagtail.search.backends.opensearch2", "opensearchpy"),
    ],
)
def test_search_url_configures_a_folding_analyser(backend, client):
    pytest.importorskip(client)
    config = backend_settings(
        SEARCH_URL="https://user:secret@search.example.org:9243",
        SEARCH_BACKEND=backend,
        SEARCH_INDEX="lantoa_thu",
    )
    assert config["BACKEND"] == backend
    params = {key: value for key, value in config.items() if key != "BACKEND"}
    search_backend = import_string(f"{backend}.SearchBackend")(params)  # no connection made

    analysis = search_backend.settings["settings"]["analysis"]
    default = analysis["analyzer"]["default"]
    folding = [
        name
        for name in default["filter"]
        if name == "asciifolding" or analysis["filter"].get(name, {}).get("type") == "asciifolding"
    ]
    assert folding and "lowercase" in default["filter"]
    assert analysis["filter"][folding[0]]["preserve_original"] is True
    # Wagtail's own autocomplete analysers are kept beside ours.
    assert "edgengram_analyzer" in analysis["analyzer"]

    index = search_backend.get_index_for_model(ArticlePage)
    assert index.name == "lantoa_thu_wagtailcore_page"
    mapping = search_backend.mapping_class(ArticlePage).get_mapping()
    fields = json.dumps(mapping)
    for name in (FOLDED_SEARCH_FIELD, CONTEXT_SEARCH_FIELD, "lead", "body"):
        assert name in fields
    assert "search.example.org" in json.dumps(search_backend.hosts, default=str)


def test_postgresql_uses_the_simple_text_search_config():
    config = backend_settings(DATABASE_URL="postgres://u@127.0.0.1:5/lantoa")
    assert config["SEARCH_CONFIG"] == "simple"


def test_sqlite_refreshes_the_title_norms_of_the_pages_just_indexed_only(news_index):
    """Wagtail's SQLite backend averages every title and rewrites the new entries' norms after
    each save (1.4 s at 100,000 articles); ours updates the saved page's entry only, from an
    average kept in the cache, and an edited title's norm too (Wagtail left it stale)."""
    from django.core.cache import cache
    from django.db import connection
    from django.db.models.functions import Length

    from wagtail.search.backends import get_search_backend
    from wagtail.search.models import IndexEntry

    from search import backends
    from tests import factories

    if connection.vendor != "sqlite":
        pytest.skip("SQLite's title norms (PostgreSQL's backend has none)")
    assert isinstance(get_search_backend(), backends.sqlite_backend())
    pages = [
        factories.ArticlePageFactory(parent=news_index, title=f"Hội thao lần {i}") for i in range(3)
    ]
    IndexEntry.objects.update(title_norm=7.0)  # as set by an earlier save
    cache.delete(backends.AVERAGE_KEY)
    page = pages[0]
    page.title = "Hội thao truyền thống chào mừng ngày Nhà giáo Việt Nam 20/11"
    page.save_revision().publish()

    lengths = IndexEntry.objects.annotate(length=Length("title")).filter(length__gt=0)
    # The average title length, taken once (when the revision was indexed) and kept.
    average = cache.get(backends.AVERAGE_KEY)
    assert min(lengths.values_list("length", flat=True)) < average < 60
    entry = lengths.get(object_id=str(page.pk))
    assert entry.title_norm == pytest.approx(average / entry.length)
    assert entry.title_norm < 7.0  # the longer title ranks a match in it a little lower
    others = IndexEntry.objects.exclude(pk=entry.pk).values_list("title_norm", flat=True)
    assert set(others) == {7.0}  # not rewritten
