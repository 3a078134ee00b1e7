"""SQLite as configured in settings: WAL, no second wait for the disk, memory-mapped reads."""

import importlib
import sqlite3


def test_a_sqlite_connection_reads_through_memory_mapping_in_wal_mode(tmp_path, monkeypatch):
    """The PRAGMAs Django runs on each new SQLite connection (settings.base, read again with
    DATABASE_URL naming a SQLite file, so this runs beside PostgreSQL too), on a file."""
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'site.sqlite3'}")
    from settings import base

    options = importlib.reload(base).DATABASES["default"]["OPTIONS"]
    connection = sqlite3.connect(tmp_path / "site.sqlite3")
    try:
        connection.executescript(options["init_command"])
        pragmas = {
            name: connection.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("journal_mode", "synchronous", "busy_timeout", "mmap_size")
        }
    finally:
        connection.close()
    assert pragmas == {
        "journal_mode": "wal",
        "synchronous": 1,  # NORMAL
        "busy_timeout": 5000,
        "mmap_size": pragmas["mmap_size"],
    }
    assert pragmas["mmap_size"] >= 256 * 1024 * 1024  # SQLite caps it at its build's maximum
