"""The occasions of the union's communication plan, as a starting list the board can edit."""

from django.db import migrations

OCCASIONS = [
    # name, kind, day, month, lead weeks, peak, notes
    (
        "Kỷ niệm Ngày thành lập Đảng Cộng sản Việt Nam 3/2",
        "day",
        3,
        2,
        3,
        False,
        "Tin, ảnh các hoạt động chào mừng; bài tuyên truyền lịch sử Đảng.",
    ),
    (
        "Ngày Quốc tế Phụ nữ 8/3",
        "day",
        8,
        3,
        3,
        False,
        "Gương nữ nhà giáo, nữ người lao động tiêu biểu; hoạt động của Ban Nữ công.",
    ),
    (
        "Tháng Công nhân – Tháng hành động về An toàn, vệ sinh lao động",
        "month",
        None,
        5,
        4,
        True,
        "Đợt cao điểm: chăm lo đoàn viên, an toàn vệ sinh lao động, thăm hỏi người lao động.",
    ),
    (
        "Ngày Quốc tế Lao động 1/5",
        "day",
        1,
        5,
        3,
        False,
        "Tin hoạt động chào mừng trong Tháng Công nhân.",
    ),
    (
        "Ngày thành lập Công đoàn Việt Nam 28/7",
        "day",
        28,
        7,
        4,
        False,
        "Truyền thống tổ chức công đoàn; gương cán bộ công đoàn tiêu biểu.",
    ),
    (
        "Quốc khánh 2/9",
        "day",
        2,
        9,
        3,
        False,
        "Tin, ảnh chào mừng Quốc khánh.",
    ),
    (
        "Khai giảng năm học mới",
        "school_year",
        5,
        9,
        4,
        False,
        "Ngày dự kiến; Ban Tuyên giáo cập nhật theo lịch của nhà trường.",
    ),
    (
        "Ngày Phụ nữ Việt Nam 20/10",
        "day",
        20,
        10,
        3,
        False,
        "Gương nữ đoàn viên; hoạt động của Ban Nữ công.",
    ),
    (
        "Ngày Nhà giáo Việt Nam 20/11",
        "day",
        20,
        11,
        6,
        True,
        "Đợt cao điểm: tri ân thầy cô, gương sáng nhà giáo, hoạt động của mọi công đoàn bộ phận.",
    ),
]


def seed(apps, schema_editor):
    Occasion = apps.get_model("planning", "Occasion")
    for name, kind, day, month, lead, peak, notes in OCCASIONS:
        Occasion.objects.get_or_create(
            name=name,
            defaults={
                "kind": kind,
                "day": day,
                "month": month,
                "lead_weeks": lead,
                "is_peak": peak,
                "description": notes,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("planning", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
