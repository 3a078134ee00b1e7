from django.conf import settings
from django.core.management.base import BaseCommand

from security.backup import create_backup


class Command(BaseCommand):
    help = "Write one archive with the database, the media files and a manifest of checksums."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default=str(getattr(settings, "LANTOA_BACKUP_DIR", "backups")),
            help="A folder (a dated archive is written in it) or a .tar.gz path.",
        )
        parser.add_argument(
            "--portable",
            action="store_true",
            help="The database as Django's dumpdata JSON, which restores onto SQLite or "
            "PostgreSQL alike (slower and larger than the native copy).",
        )

    def handle(self, *args, output, portable, **options):
        create_backup(output, stdout=self.stdout, portable=portable)
