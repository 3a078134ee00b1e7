from .pages import DepartmentIndexPage, DepartmentPage, StandardPage
from .settings import SiteSettings, SiteText
from .tags import Tag
from .workflow import BoardApprovalTask, DepartmentReviewTask, ReviewReminder, TakedownRequest

__all__ = [
    "BoardApprovalTask",
    "DepartmentIndexPage",
    "DepartmentPage",
    "DepartmentReviewTask",
    "ReviewReminder",
    "SiteSettings",
    "SiteText",
    "StandardPage",
    "Tag",
    "TakedownRequest",
]
