"""Local development: DEBUG on, console e-mail, a fixed throwaway key."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-lan-toa")  # noqa: F405
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")  # noqa: F405
# The second factor is demanded in production; LANTOA_REQUIRE_2FA=true tries it here.
LANTOA_REQUIRE_2FA = env("LANTOA_REQUIRE_2FA", "false").lower() == "true"  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# `make run` publishes scheduled pages from another process (scripts/run_dev.py): page parts
# and lookups must be kept in a cache both processes share, so the database cache (its table
# is created by migrate) unless Redis or another table is configured.
if not (env("REDIS_URL") or env("CACHE_DB_TABLE")):  # noqa: F405
    CACHES = {  # a new dict: base.CACHES stays as it was
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "lantoa_cache",
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }
