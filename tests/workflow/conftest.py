"""Fixtures of the workflow tests: the shared editorial site and a client logged in by role.

The site (see ``helpers.build_editorial_site``) is built once per module inside an outer
transaction that is rolled back when the module is done; each test runs in its own savepoint
(pytest-django's ``db``), so every test starts from the same pristine data and none sees
another's changes. Tests get fresh Python objects (users, pages) each time, so no cached
permission or page state leaks between them. Modules that need committed data (real threads)
build their own site under ``transactional_db`` instead.
"""

import pytest

from django.db import transaction

from tests.workflow.helpers import Editorial, build_editorial_site


@pytest.fixture(scope="module")
def editorial_data(django_db_setup, django_db_blocker):
    """The module's shared data, built once in a transaction rolled back afterwards."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_editorial_site()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def editorial(editorial_data, db, mailoutbox):
    """Fresh objects over the shared data; ``mailoutbox`` starts empty for every test."""
    return Editorial(editorial_data)


@pytest.fixture
def as_user(client, editorial):
    """``as_user("board")`` logs the test client in as that role (or out, for "anonymous")."""

    def login(role):
        client.logout()
        user = editorial.user(role)
        if user is not None:
            client.force_login(user)
        return client

    return login
