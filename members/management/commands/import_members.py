"""python manage.py import_members members.csv — member accounts from the union's member list."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from members.importer import MemberImporter, decode


class Command(BaseCommand):
    help = (
        "Creates or updates member accounts (name, e-mail, department) from a CSV file, in the "
        "members group; reports created, updated and rejected rows. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("csv_file", help="CSV with the columns: Họ và tên, Email, Đơn vị")

    def handle(self, *args, csv_file, **options):
        path = Path(csv_file)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(
                _("Cannot read %(file)s: %(error)s") % {"file": csv_file, "error": error.strerror}
            ) from error
        try:
            report = MemberImporter().run(decode(data))
        except ValueError as error:
            raise CommandError(str(error)) from error
        for line, email in report.created:
            self.stdout.write(
                _("  line %(line)s: created %(email)s") % {"line": line, "email": email}
            )
        for line, email in report.updated:
            self.stdout.write(
                _("  line %(line)s: updated %(email)s") % {"line": line, "email": email}
            )
        for line, reason in report.rejected:
            self.stdout.write(
                self.style.WARNING(
                    _("  line %(line)s: rejected – %(reason)s") % {"line": line, "reason": reason}
                )
            )
        summary = _(
            "%(created)s created, %(updated)s updated, %(unchanged)s unchanged, "
            "%(rejected)s rejected."
        ) % {
            "created": len(report.created),
            "updated": len(report.updated),
            "unchanged": len(report.unchanged),
            "rejected": len(report.rejected),
        }
        style = self.style.WARNING if report.rejected else self.style.SUCCESS
        self.stdout.write(style(summary))
        if report.created:
            self.stdout.write(
                _(
                    "New members have no password yet: each sets one with “Forgotten password?” "
                    "on the login page, using the e-mail address on the list."
                )
            )
