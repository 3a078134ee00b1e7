"""Reads the union's member list (CSV) and creates or updates member accounts from it.

Each row is checked on its own: a bad row is reported with its reason and skipped, and the
good rows around it are saved (each in its own transaction). Matching is by e-mail address,
case-insensitively, so running the same list again changes nothing.
"""

import csv
import io
import unicodedata
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cms import roles
from cms.models import DepartmentPage
from cms.text import fold
from members.models import MemberProfile

# Column names as people write them in Excel, folded (no marks, lower case) -> field.
HEADERS = {
    "name": "name",
    "full name": "name",
    "ho va ten": "name",
    "ho ten": "name",
    "ten": "name",
    "email": "email",
    "e mail": "email",
    "thu dien tu": "email",
    "department": "department",
    "don vi": "department",
    "cong doan bo phan": "department",
    "cdbp": "department",
}
MAX_NAME = 150
# The columns as the member list names them, for messages.
COLUMN_LABELS = {"name": "Họ và tên", "email": "Email", "department": "Đơn vị"}


@dataclass
class Report:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    rejected: list = field(default_factory=list)  # (line number, reason)


def _plain(text):
    return " ".join(fold(text or "").replace("-", " ").replace("_", " ").split())


def decode(data):
    """Text of an uploaded or saved CSV: UTF-8 with or without BOM, else Windows-1258/1252."""
    if isinstance(data, str):
        return data.lstrip("\ufeff")
    for encoding in ("utf-8-sig", "cp1258", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def read_rows(text):
    """(line number, {field: value}) for each data row; raises ValueError on a bad header."""
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = next(reader, None)
    if not header:
        raise ValueError(_("The file is empty."))
    columns = [HEADERS.get(_plain(cell)) for cell in header]
    missing = [name for name in ("name", "email", "department") if name not in columns]
    if missing:
        raise ValueError(
            _(
                "The first row must name the columns: name (Họ và tên), e-mail (Email) and "
                "department (Đơn vị). Missing: %(missing)s."
            )
            % {"missing": ", ".join(COLUMN_LABELS[name] for name in missing)}
        )
    for cells in reader:
        if not any(cell.strip() for cell in cells):
            continue
        row = {}
        for column, cell in zip(columns, cells, strict=False):
            if column and column not in row:
                row[column] = unicodedata.normalize("NFC", cell).strip()
        yield reader.line_num, row


class DepartmentFinder:
    """Departments by their full name, short name or address, typed with or without marks."""

    def __init__(self):
        self.by_key = {}
        for department in DepartmentPage.objects.filter(locale__language_code="vi"):
            for value in (department.title, department.short_name, department.slug):
                if value:
                    self.by_key.setdefault(_plain(value), department)
                    self.by_key.setdefault(_plain(value.removeprefix("Công đoàn ")), department)

    def find(self, name):
        return self.by_key.get(_plain(name))


def split_name(full_name):
    """("Trần Minh", "Thư"): Django shows first_name + last_name, which keeps Vietnamese order."""
    *family, given = full_name.split()
    return " ".join(family), given


class MemberImporter:
    def __init__(self, stdout=None):
        self.User = get_user_model()
        self.group, _created = Group.objects.get_or_create(name=roles.MEMBERS)
        self.departments = DepartmentFinder()
        self.report = Report()

    def run(self, text):
        seen = {}
        for line, row in read_rows(text):
            try:
                self.import_row(line, row, seen)
            except ValidationError as error:
                self.report.rejected.append((line, " ".join(error.messages)))
        return self.report

    def check(self, line, row, seen):
        name = " ".join(row.get("name", "").split())
        email = row.get("email", "").strip().lower()
        department_name = row.get("department", "").strip()
        if not name:
            raise ValidationError(_("missing name"))
        if len(name) > MAX_NAME:
            raise ValidationError(_("name longer than %(max)s characters") % {"max": MAX_NAME})
        if not email:
            raise ValidationError(_("missing e-mail address"))
        try:
            validate_email(email)
        except ValidationError:
            raise ValidationError(_("bad e-mail address “%(email)s”") % {"email": email}) from None
        if email in seen:
            raise ValidationError(
                _("duplicate: e-mail %(email)s is already on line %(line)s")
                % {"email": email, "line": seen[email]}
            )
        if not department_name:
            raise ValidationError(_("missing department"))
        department = self.departments.find(department_name)
        if department is None:
            raise ValidationError(_("unknown department “%(name)s”") % {"name": department_name})
        return name, email, department

    def import_row(self, line, row, seen):
        name, email, department = self.check(line, row, seen)
        seen[email] = line
        with transaction.atomic():
            matches = list(self.User.objects.filter(email__iexact=email)[:2])
            if len(matches) > 1:
                raise ValidationError(
                    _("two accounts already use %(email)s; fix them in the admin first")
                    % {"email": email}
                )
            user = matches[0] if matches else None
            first, last = split_name(name)
            if user is None:
                if self.User.objects.filter(username__iexact=email).exists():
                    raise ValidationError(
                        _("an account named %(email)s exists with another e-mail address")
                        % {"email": email}
                    )
                user = self.User(username=email, email=email, first_name=first, last_name=last)
                user.set_unusable_password()
                user.save()
                created, changed = True, True
            else:
                created = False
                changed = (user.first_name, user.last_name) != (first, last)
                if changed:
                    user.first_name, user.last_name = first, last
                    user.save(update_fields=["first_name", "last_name"])
            if not user.groups.filter(pk=self.group.pk).exists():
                user.groups.add(self.group)
                changed = True
            profile, _new = MemberProfile.objects.get_or_create(user=user)
            if profile.department_id != department.pk:
                profile.department = department
                changed = True
            if changed:
                profile.imported_at = timezone.now()
                profile.save()
        entry = (line, email)
        if created:
            self.report.created.append(entry)
        elif changed:
            self.report.updated.append(entry)
        else:
            self.report.unchanged.append(entry)
