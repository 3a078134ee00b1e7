#!/usr/bin/env python3
"""Bring the development database up to date, in one process (Django starts once, not thrice).

    .venv/bin/python scripts/prepare_dev.py

Runs ``migrate``, ``setup_editorial`` (groups, permissions, workflow) and ``seed_demo`` (the
demo site, built once; later runs find everything there and change nothing).
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.dev")

    import django

    django.setup()

    from django.core.management import call_command

    call_command("migrate", interactive=False)
    call_command("setup_editorial")
    call_command("seed_demo")


if __name__ == "__main__":
    main()
