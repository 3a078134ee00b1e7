from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContributionsConfig(AppConfig):
    """News tips and exemplar nominations from members, turned into drafts for the editors."""

    name = "contributions"
    verbose_name = _("Member contributions")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from contributions import signals  # noqa: F401
