from .pages import DepartmentIndexPage, DepartmentPage, StandardPage
from .settings import SiteSettings
from .tags import Tag
from .workflow import BoardApprovalTask, DepartmentReviewTask, ReviewReminder, TakedownRequest

__all__ = [
    "BoardApprovalTask",
    "DepartmentIndexPage",
    "DepartmentPage",
    "DepartmentReviewTask",
    "ReviewReminder",
    "SiteSettings",
    "StandardPage",
    "Tag",
    "TakedownRequest",
]
