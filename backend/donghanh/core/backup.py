"""A consistent copy of the whole database, and putting one back: SQLite's online backup API for the
embedded setup, pg_dump/pg_restore (custom format) for PostgreSQL."""
from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url

from donghanh.config import Settings


class BackupError(RuntimeError):
    """What went wrong, in words for the operator (the command prints it; no traceback)."""


def _sqlite_file(settings: Settings) -> Path:
    database = make_url(settings.database_url).database
    if not database or database == ":memory:":
        raise BackupError("The SQLite database is in memory: there is nothing on disk to back up.")
    return Path(database)


def _libpq(settings: Settings) -> str:
    return make_url(settings.database_url).set(drivername="postgresql").render_as_string(hide_password=False)


def _run(command: list[str]) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (Debian: apt-get install postgresql-client).")
    done = subprocess.run(command, capture_output=True, text=True)  # noqa: S603  (fixed programs, list argv)
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()}")


def backup(settings: Settings, target: Path) -> None:
    if settings.is_sqlite:
        source = _sqlite_file(settings)
        if not source.exists():
            raise BackupError(f"There is no database at {source}.")
        with sqlite3.connect(source) as live, sqlite3.connect(target) as copy:
            live.backup(copy)  # consistent even while the server writes
        return
    _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(target), _libpq(settings)])


def restore(settings: Settings, source: Path) -> None:
    """Replace every table with the backup's (stop the server first)."""
    if not source.exists():
        raise BackupError(f"There is no backup at {source}.")
    if settings.is_sqlite:
        with sqlite3.connect(source) as copy, sqlite3.connect(_sqlite_file(settings)) as live:
            copy.backup(live)
        return
    _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
          "--dbname", _libpq(settings), str(source)])
