"""Remove declined contributions' photos and draft pages after CONTRIBUTIONS_PURGE_AFTER_DAYS.

    manage.py purge_declined_contributions            # the period from settings (30 days)
    manage.py purge_declined_contributions --days 7

The Contribution record (title, status, reason) stays, so the member still sees the decline.
"""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Page

from contributions.models import Contribution


class Command(BaseCommand):
    help = "Remove the photos and draft pages of declined member contributions after N days."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None)

    def handle(self, *args, days=None, **options):
        if days is None:
            days = getattr(settings, "CONTRIBUTIONS_PURGE_AFTER_DAYS", 30)
        cutoff = timezone.now() - datetime.timedelta(days=days)
        due = Contribution.objects.filter(
            status=Contribution.STATUS_DECLINED, declined_at__lte=cutoff, files_purged=False
        )
        images = pages = 0
        for contribution in due:
            with transaction.atomic():
                for image in get_image_model().objects.filter(pk__in=contribution.image_ids):
                    image.file.delete(save=False)
                    image.delete()
                    images += 1
                page = Page.objects.filter(pk=contribution.page_id, live=False).first()
                if page is not None:
                    page.delete()
                    pages += 1
                contribution.page = None
                contribution.files_purged = True
                contribution.save(update_fields=["page", "files_purged"])
        self.stdout.write(f"Removed {images} photos and {pages} draft pages.")
