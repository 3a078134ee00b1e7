"""The cache every process shares: development and a configured database cache get their table
from ``migrate``; development never keeps page parts in one process's memory."""

import importlib

import pytest

from django.core.cache import caches
from django.db import connection
from django.test import override_settings

DB_CACHE = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "shared": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "lantoa_test_shared_cache",
    },
}


@pytest.mark.django_db
def test_migrate_creates_the_database_cache_table():
    """What ``migrate`` runs once its migrations are applied (the post_migrate receiver), in the
    test's transaction so that the table goes with it."""
    from perf.apps import create_cache_table

    with override_settings(CACHES=DB_CACHE):
        assert "lantoa_test_shared_cache" not in connection.introspection.table_names()
        create_cache_table(using="default")
        create_cache_table(using="default")  # idempotent, as every migrate runs it
        assert "lantoa_test_shared_cache" in connection.introspection.table_names()
        caches["shared"].set("ban-tin", "Đại hội Công đoàn 2026")
        assert caches["shared"].get("ban-tin") == "Đại hội Công đoàn 2026"


def test_the_receiver_is_connected_to_migrate():
    from django.apps import apps
    from django.db.models.signals import post_migrate

    from perf.apps import create_cache_table

    sender = apps.get_app_config("wagtailcore")
    receivers = post_migrate._live_receivers(sender)
    receivers = receivers[0] if isinstance(receivers, tuple) else receivers
    assert create_cache_table in receivers


def test_development_shares_its_cache_between_the_server_and_the_scheduler(monkeypatch):
    monkeypatch.delenv("REDIS_URL", raising=False)
    monkeypatch.delenv("CACHE_DB_TABLE", raising=False)
    dev = importlib.import_module("settings.dev")
    dev = importlib.reload(dev)
    assert dev.CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
