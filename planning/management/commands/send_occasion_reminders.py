"""Remind the board and every department union, ``lead_weeks`` before each occasion, to prepare.
Each occasion's year is announced once, so running it every minute is safe."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from planning.reminders import send_due


class Command(BaseCommand):
    help = "Nhắc Ban Tuyên giáo và các công đoàn bộ phận chuẩn bị cho các dịp sắp tới."

    def handle(self, *args, **options):
        sent = send_due(timezone.localdate())
        self.stdout.write(f"Đã nhắc {sent} dịp.")
