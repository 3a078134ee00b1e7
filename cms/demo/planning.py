"""Demo data of the planning app: a communications training session with its attendees.

The occasions themselves come from the planning app's migration (editable afterwards); the
training register is what the plan target "50% of the executive committee trained" counts.
"""

import datetime

SESSIONS = [
    {
        "title": "Tập huấn kỹ năng viết tin và chụp ảnh cho trang công đoàn",
        "date": datetime.date(2025, 10, 15),
        "trainer": "Trần Minh Thư – Trưởng ban Tuyên giáo – Truyền thông",
        "notes": "Hội trường A2; tài liệu: cấu trúc một bản tin, sa-pô, chú thích ảnh, quyền ảnh.",
        "attendees": ["bch", "truongban", "bientap.toan", "bientap.van"],
    },
]


def seed(command):
    """Create the demo sessions once; running again changes nothing."""
    from planning.models import TrainingSession

    for spec in SESSIONS:
        session, created = TrainingSession.objects.get_or_create(
            title=spec["title"],
            date=spec["date"],
            defaults={"trainer": spec["trainer"], "notes": spec["notes"]},
        )
        if created:
            users = [command.users[name] for name in spec["attendees"] if name in command.users]
            session.attendees.add(*users)
            command.say(f"  • Tập huấn: {session.title} ({len(users)} người dự)")
