"""Deployment check: the cache must be shared by every process that serves or changes pages.

Page parts, cached lookups and paginator counts (perf.lookups) are kept in the default cache
and dropped by perf.signals in the process that made the change. With local memory, another
gunicorn worker (or the ``publish_scheduled`` cron job) keeps its own stale copies, so
``check --deploy`` warns unless Redis (``REDIS_URL``) or the database cache
(``CACHE_DB_TABLE``) is configured.
"""

from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def shared_cache(app_configs, **kwargs):
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if not backend.endswith(("LocMemCache", "DummyCache")):
        return []
    return [
        Warning(
            "The default cache is local to one process: other workers and the scheduler would "
            "keep stale page parts and lookups after a publish.",
            hint="Set REDIS_URL (Redis) or CACHE_DB_TABLE (the database cache, created by "
            "migrate).",
            id="perf.W001",
        )
    ]
