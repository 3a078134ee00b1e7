"""The workflow tests' shared editorial site (users by role, pages in known states)."""

from tests.workflow.conftest import as_user, editorial, editorial_data  # noqa: F401
