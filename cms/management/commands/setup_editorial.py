from django.core.management.base import BaseCommand

from cms import roles
from cms.editorial import BOARD_TASK_NAME, DEPARTMENT_TASK_NAME, WORKFLOW_NAME, sync_editorial


class Command(BaseCommand):
    help = "Tạo hoặc cập nhật các nhóm quyền, thư mục và quy trình duyệt (chạy lại bao nhiêu lần cũng được)."

    def handle(self, *args, **options):
        result = sync_editorial()
        self.stdout.write(f"Nhóm: {roles.COMMUNICATIONS}, {roles.EXECUTIVE}, {roles.MEMBERS}")
        self.stdout.write(
            f"Công đoàn bộ phận: {result['departments']} đơn vị, mỗi đơn vị một nhóm biên tập viên, "
            "một nhóm trưởng và một thư mục ảnh, tài liệu."
        )
        self.stdout.write(
            f"Quy trình “{WORKFLOW_NAME}”: 1. {DEPARTMENT_TASK_NAME} → 2. {BOARD_TASK_NAME}"
        )
        self.stdout.write(self.style.SUCCESS("Đã thiết lập quy trình biên tập."))
