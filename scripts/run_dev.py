#!/usr/bin/env python3
"""Serve the site for development, with Wagtail's scheduler running beside it.

    .venv/bin/python scripts/run_dev.py [PORT]

Prints the site and admin addresses and the demo accounts, then runs ``runserver`` on
127.0.0.1:PORT and, every 60 seconds, ``publish_scheduled`` (pages with a go-live or expiry
time), ``send_review_reminders`` and ``send_occasion_reminders``. Ctrl-C, or the server
stopping, stops both.
"""

import contextlib
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANAGE = [sys.executable, str(ROOT / "manage.py")]
SCHEDULER_INTERVAL = 60


def banner(port):
    sys.path.insert(0, str(ROOT))
    from cms.roles import DEMO_ACCOUNTS, DEMO_PASSWORD, EDITORS_PREFIX, HEADS_PREFIX

    ROLE_LABELS = {"admin": "Quản trị hệ thống", "editor": EDITORS_PREFIX, "head": HEADS_PREFIX}

    site = f"http://127.0.0.1:{port}/"
    lines = [
        "",
        "Lan Tỏa đang chạy.",
        f"  Trang công khai: {site}",
        f"  Trang quản trị:  {site}admin/",
        f"  Tài khoản demo (mật khẩu chung: {DEMO_PASSWORD}):",
    ]
    width = max(len(username) for username, *_ in DEMO_ACCOUNTS)
    for username, full_name, role, department in DEMO_ACCOUNTS:
        label = ROLE_LABELS.get(role, role)
        where = f", {department}" if department else ""
        lines.append(f"    {username:<{width}}  {full_name} – {label}{where}")
    lines += [
        "  Đăng theo lịch và nhắc duyệt bài chạy mỗi phút. Ctrl-C để dừng tất cả.",
        "",
    ]
    print("\n".join(lines), flush=True)


SCHEDULED_COMMANDS = [
    ["publish_scheduled"],
    # Sends each reminder at most once a day, so running it every minute is safe.
    ["send_review_reminders"],
    # Announces each occasion's year once (planning.OccasionReminder), so every minute is safe.
    ["send_occasion_reminders"],
]


def scheduler(stop):
    """Publish scheduled pages and send review reminders until ``stop`` is set."""
    while not stop.wait(SCHEDULER_INTERVAL):
        for command in SCHEDULED_COMMANDS:
            result = subprocess.run(
                [*MANAGE, *command],
                cwd=ROOT,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                check=False,
            )
            output = (result.stdout + result.stderr).strip()
            quiet = output.startswith(("Đã nhắc 0 trang", "Đã nhắc 0 dịp"))
            if result.returncode or (output and not quiet):
                print(f"[{command[0]}] {output}", flush=True)


def stop_group(process):
    """Stop the server and the autoreloader child it starts."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def main(argv):
    port = argv[0] if argv else os.environ.get("PORT", "8000")
    banner(port)
    # Its own process group, so stopping it also stops the autoreloader's child process.
    server = subprocess.Popen(
        [*MANAGE, "runserver", f"127.0.0.1:{port}"], cwd=ROOT, start_new_session=True
    )
    stop = threading.Event()
    thread = threading.Thread(target=scheduler, args=(stop,), daemon=True)
    thread.start()
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    try:
        return server.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        stop.set()
        stop_group(server)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
