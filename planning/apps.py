from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


def _fill_summary(sender, using="default", **kwargs):
    """After ``migrate``: count the reports' summary of an existing database (or what is new)."""
    from django.db import connections

    from planning.models import SummaryState
    from planning.stats import summary

    if using != "default" or SummaryState._meta.db_table not in (
        connections[using].introspection.table_names()
    ):
        return
    summary.sync()


class PlanningConfig(AppConfig):
    name = "planning"
    verbose_name = _("Calendar and reports")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.models import PageLogEntry

        from planning.stats import summary

        # Every publication, move, deletion and workflow action writes an audit-log entry:
        # the reports' summary counts what it touched once the transaction commits.
        post_save.connect(
            summary.schedule_sync, sender=PageLogEntry, dispatch_uid="planning_summary_sync"
        )
        post_migrate.connect(_fill_summary, sender=self, dispatch_uid="planning_summary_fill")
