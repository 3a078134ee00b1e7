from django.apps import AppConfig


class PerfConfig(AppConfig):
    name = "perf"
    verbose_name = "Hiệu năng"

    def ready(self):
        from perf import signals

        signals.connect()
        _cache_locale_lookups()


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
