"""The editorial roles: group names and the demo accounts that stand for them.

``setup_editorial`` creates the groups and their permissions; each department's editor and
head groups hang off its DepartmentPage (``editors_group``, ``heads_group``).
"""

COMMUNICATIONS = "Ban Tuyên giáo – Truyền thông"
EXECUTIVE = "Ban Chấp hành"
MEMBERS = "Đoàn viên"
EDITORS_PREFIX = "Biên tập viên"
HEADS_PREFIX = "Trưởng công đoàn bộ phận"


def editors_group_name(department):
    return f"{EDITORS_PREFIX} – {department.display_name}"


def heads_group_name(department):
    return f"{HEADS_PREFIX} – {department.display_name}"


DEMO_PASSWORD = "LanToa@2026!"  # 12 characters: passes the password validators

# username, full name, role, department slug (for department roles)
DEMO_ACCOUNTS = [
    ("quantri", "Quản trị viên", "admin", None),
    ("truongban", "Trần Minh Thư", COMMUNICATIONS, None),
    ("bch", "Lê Văn Hòa", EXECUTIVE, None),
    ("bientap.toan", "Phạm Thu Hà", "editor", "khoa-toan-tin"),
    ("truong.toan", "Nguyễn Quốc Bảo", "head", "khoa-toan-tin"),
    ("bientap.van", "Đỗ Thị Mai", "editor", "khoa-ngu-van"),
    ("doanvien", "Vũ Hải Yến", MEMBERS, None),
]
