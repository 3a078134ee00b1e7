"""The demo accounts of ``cms.roles.DEMO_ACCOUNTS``: created once, then put in their groups.

Groups come from ``setup_editorial``; ``plain_groups`` is the stand-in for a project where that
command is missing, so the accounts still land somewhere sensible.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import CommandError

from cms import roles
from cms.demo.content import ACCOUNT_EMAILS, ROLE_LABELS
from cms.models import DepartmentPage


def split_name(full_name):
    """("Trần Minh", "Thư"): Django shows first_name + last_name, which keeps Vietnamese order."""
    *family, given = full_name.split()
    return " ".join(family), given


def ensure_users(report):
    """{username: user} for every demo account; the password is set only on creation."""
    User = get_user_model()
    users = {}
    password = None
    for username, full_name, role, _ in roles.DEMO_ACCOUNTS:
        user = User.objects.filter(username=username).first()
        created = user is None
        if created:
            first, last = (full_name, "") if role == "admin" else split_name(full_name)
            user = User(
                username=username,
                first_name=first,
                last_name=last,
                email=ACCOUNT_EMAILS.get(username, f"{username}@example.org"),
                is_staff=role == "admin",
                is_superuser=role == "admin",
            )
            # Hashing is slow by design; the password is public, so one hash serves every account.
            password = password or make_password(roles.DEMO_PASSWORD)
            user.password = password
            user.save()
        users[username] = user
        report(f"  • Tài khoản {username}: {'đã tạo' if created else 'đã có, giữ nguyên'}")
    return users


def ensure_memberships(users, report):
    for username, _, role, department_slug in roles.DEMO_ACCOUNTS:
        group = group_for(role, department_slug, report)
        if group is not None:
            users[username].groups.add(group)


def group_for(role, department_slug, report):
    """The group a role stands for: a department's editors or heads, or a group by name."""
    if role == "admin":
        return None
    if role in ("editor", "head"):
        department = DepartmentPage.objects.filter(slug=department_slug).first()
        if department is None:
            raise CommandError(f"Không có công đoàn bộ phận “{department_slug}”.")
        group = department.editors_group if role == "editor" else department.heads_group
        if group is None:
            raise CommandError(
                f"{department.title} chưa có nhóm cho vai trò “{role}”: hãy chạy setup_editorial."
            )
        return group
    group = Group.objects.filter(name=role).first()
    if group is None:
        report(f"  ! Chưa có nhóm “{role}”: tạo nhóm trống cùng tên.")
        group = Group.objects.create(name=role)
    return group


def plain_groups(departments):
    """Groups by name only (no permissions), for when setup_editorial is not there."""
    for name in (roles.COMMUNICATIONS, roles.EXECUTIVE, roles.MEMBERS):
        Group.objects.get_or_create(name=name)
    for department in departments:
        editors, _ = Group.objects.get_or_create(name=roles.editors_group_name(department))
        heads, _ = Group.objects.get_or_create(name=roles.heads_group_name(department))
        DepartmentPage.objects.filter(pk=department.pk, editors_group=None).update(
            editors_group=editors
        )
        DepartmentPage.objects.filter(pk=department.pk, heads_group=None).update(heads_group=heads)


def account_table():
    """Rows of (username, password, full name, role) with a heading row, for the console."""
    rows = [("Tên đăng nhập", "Mật khẩu", "Họ tên", "Vai trò")]
    for username, full_name, role, department_slug in roles.DEMO_ACCOUNTS:
        label = ROLE_LABELS.get(role, role)
        if department_slug:
            department = DepartmentPage.objects.filter(slug=department_slug).first()
            label = f"{label} – {department.display_name if department else department_slug}"
        rows.append((username, roles.DEMO_PASSWORD, full_name, label))
    return rows
