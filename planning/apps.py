from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "planning"
    verbose_name = _("Calendar and reports")
    default_auto_field = "django.db.models.BigAutoField"
