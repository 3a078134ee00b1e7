from .pages import DepartmentIndexPage, DepartmentPage, StandardPage
from .settings import SiteSettings
from .tags import Tag
from .workflow import BoardApprovalTask, DepartmentReviewTask, TakedownRequest

__all__ = [
    "BoardApprovalTask",
    "DepartmentIndexPage",
    "DepartmentPage",
    "DepartmentReviewTask",
    "SiteSettings",
    "StandardPage",
    "Tag",
    "TakedownRequest",
]
