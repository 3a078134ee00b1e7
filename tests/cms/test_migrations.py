"""Models and migrations agree: a model change without its migration fails the suite."""

import io

import pytest

from django.core.management import call_command


def test_no_missing_migrations(db):
    out = io.StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit:
        pytest.fail(f"makemigrations would write migrations:\n{out.getvalue()}")
