"""The workflow tests' editorial site (two departments, one user per role), reused here."""

import pytest

from django.core.cache import cache

from tests.workflow.conftest import as_user, editorial, editorial_data  # noqa: F401


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()
