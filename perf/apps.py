from django.apps import AppConfig


class PerfConfig(AppConfig):
    name = "perf"
    verbose_name = "Hiệu năng"

    def ready(self):
        from perf import signals

        signals.connect()
        _cache_locale_lookups()
        _cache_site_settings()
        _cache_sites()
        from django.apps import apps
        from django.db.models.signals import post_migrate

        # Sent once per app with models, after every migration ran: one app's is enough.
        post_migrate.connect(analyze_sqlite, sender=apps.get_app_config("wagtailcore"))
        post_migrate.connect(create_cache_table, sender=apps.get_app_config("wagtailcore"))
        from perf import checks  # noqa: F401


def create_cache_table(using="default", verbosity=1, **kwargs):
    """After ``migrate``, the database cache's table when one is configured (``CACHE_DB_TABLE``,
    or development's default): ``createcachetable`` is idempotent, and a forgotten one would
    make every cached lookup fail."""
    from django.conf import settings
    from django.core.management import call_command

    if any(cache["BACKEND"].endswith("db.DatabaseCache") for cache in settings.CACHES.values()):
        call_command("createcachetable", database=using, verbosity=0)


def analyze_sqlite(using="default", **kwargs):
    """After ``migrate`` on SQLite, fresh statistics for every table (issue #8).

    SQLite has no autovacuum: without statistics its planner reads listings through the
    page table's locale index (every article) instead of the article date index, and a
    migration that rebuilds a table drops that table's statistics, which misleads it more
    than none at all (the home page ×20 at 100,000 articles). ANALYZE takes < 1 s there.
    """
    from django.db import connections

    connection = connections[using]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _cache_locale_lookups():
    """Wagtail reads the active Locale from the database several times a request (routing,
    ``localized``, page URLs); the two rows are kept in the cache instead (perf.lookups)."""
    from wagtail.models.i18n import LocaleManager

    from perf import lookups

    if getattr(LocaleManager.get_for_language, "_perf_cached", False):
        return
    lookup = LocaleManager.get_for_language

    def get_for_language(self, language_code):
        return lookups.locale_for_language(self, language_code, lookup)

    get_for_language._perf_cached = True
    LocaleManager.get_for_language = get_for_language


def _cache_site_settings():
    """Wagtail reads each site setting (header, footer, <head>) with a query on every request;
    the row is kept in the cache instead until a setting or image changes (perf.lookups)."""
    from wagtail.contrib.settings.models import BaseSiteSetting

    from perf import lookups

    if getattr(BaseSiteSetting.for_site, "_perf_cached", False):
        return
    lookup = BaseSiteSetting.for_site.__func__

    def for_site(cls, site):
        if site is None or site.pk is None:
            return lookup(cls, site)
        return lookups.site_setting(cls, site, lookup)

    for_site._perf_cached = True
    BaseSiteSetting.for_site = classmethod(for_site)


def _cache_sites():
    """Wagtail finds the request's Site, then its root page's specific row, on every request;
    both are kept in the cache instead (perf.lookups.site_for_hostname)."""
    from wagtail.models import sites

    from perf import lookups

    if getattr(sites.get_site_for_hostname, "_perf_cached", False):
        return
    lookup = sites.get_site_for_hostname

    def get_site_for_hostname(hostname, port):
        return lookups.site_for_hostname(hostname, port, lookup)

    get_site_for_hostname._perf_cached = True
    sites.get_site_for_hostname = get_site_for_hostname
