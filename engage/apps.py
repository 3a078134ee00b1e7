from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngageConfig(AppConfig):
    """Surveys of staff and the policy Q&A: the public forms members fill in."""

    name = "engage"
    verbose_name = _("Surveys and Q&A")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from engage import signals  # noqa: F401
