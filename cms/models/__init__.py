from .pages import DepartmentIndexPage, DepartmentPage, StandardPage
from .settings import SiteSettings
from .tags import Tag

__all__ = ["DepartmentIndexPage", "DepartmentPage", "SiteSettings", "StandardPage", "Tag"]
