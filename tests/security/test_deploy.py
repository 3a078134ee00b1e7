"""``check --deploy`` with the documented production environment reports nothing."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "k3v-9Tq1xLz0pWm8rYb2Nc7dHs5fGj4aUe6oIy1tRw3qEv8nMb0cXz5lKp7hJd2s",
    "ALLOWED_HOSTS": "lantoa.example.edu.vn",
    "CSRF_TRUSTED_ORIGINS": "https://lantoa.example.edu.vn",
    "WAGTAILADMIN_BASE_URL": "https://lantoa.example.edu.vn",
    "CACHE_DB_TABLE": "lantoa_cache",
}


def run_check(**extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_SETTINGS_MODULE", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS")
    }
    env.update(PRODUCTION_ENV, **extra)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--settings=settings.production"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_check_deploy_is_clean_with_the_documented_environment():
    result = run_check()
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr


def test_check_deploy_complains_when_https_is_switched_off():
    result = run_check(SECURE_SSL_REDIRECT="false")
    assert "security.W008" in result.stdout + result.stderr


def test_check_deploy_warns_about_a_cache_local_to_one_process():
    result = run_check(CACHE_DB_TABLE="")
    assert "perf.W001" in result.stdout + result.stderr
