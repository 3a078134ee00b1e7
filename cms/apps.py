from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Lan Tỏa"

    def ready(self):
        from cms import signals  # noqa: F401
        from cms.translation_workflow import guard_live_translations

        guard_live_translations()
