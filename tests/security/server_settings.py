"""Settings for the gunicorn server that ``test_worker_kill.py`` starts: the test settings,
the database named in ``DATABASE_URL``, and no survey rate limit (every client is 127.0.0.1)."""

from settings.test import *  # noqa: F403

ENGAGE_RATE_LIMITS = {"survey": (100_000, 100_000, 3600)}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # Writers wait for each other instead of failing at once with "database is locked".
    DATABASES["default"]["OPTIONS"] = {"transaction_mode": "IMMEDIATE", "timeout": 20}  # noqa: F405
