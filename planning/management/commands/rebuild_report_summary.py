"""Count the reports' summary again from the page tree, the workflow and the audit log."""

import time

from django.core.management.base import BaseCommand

from planning.stats import summary


class Command(BaseCommand):
    help = "Count the reports' summary (planning) again from Wagtail's tables."

    def add_arguments(self, parser):
        parser.add_argument(
            "--changes-only",
            action="store_true",
            help="Count only what was written since the last update (as the reports do).",
        )

    def handle(self, *args, changes_only=False, **options):
        from planning.models import CampaignFigure, PageFact, ReportFigure

        started = time.monotonic()
        if changes_only:
            summary.sync()
        else:
            summary.rebuild()
        self.stdout.write(
            f"Report summary: {ReportFigure.objects.count()} figures, "
            f"{CampaignFigure.objects.count()} campaign figures, "
            f"{PageFact.objects.count()} pages, in {time.monotonic() - started:.1f} s."
        )
