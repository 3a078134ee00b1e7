from django.core.management.base import BaseCommand, CommandError

from security.backup import RestoreError, restore_backup


class Command(BaseCommand):
    help = "Restore an archive written by `backup` onto an empty install (database and media)."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--force", action="store_true", help="Overwrite a site that already has content."
        )

    def handle(self, *args, archive, force, **options):
        try:
            restore_backup(archive, force=force, stdout=self.stdout)
        except (RestoreError, OSError) as error:
            raise CommandError(str(error)) from error
