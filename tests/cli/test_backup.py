"""`donghanh backup` and `donghanh restore`: a round trip leaves every table exactly as it was backed up,
on SQLite and (when TEST_DATABASE_URL is set) on PostgreSQL with pg_dump/pg_restore."""
from __future__ import annotations

import asyncio
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parents[2]


def _cli(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"DONGHANH_DATABASE_URL": url, "COLUMNS": "200"}
    env.pop("TEST_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "donghanh.cli", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=600)


def _user(url: str, name: str) -> None:
    done = _cli(url, "create-user", "--username", name, "--password", "một mật khẩu dài", "--role", "viewer",
                "--org-unit", "01")
    assert done.returncode == 0, done.stdout + done.stderr


def _sqlite_tables(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: hashlib.sha256(repr(sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"')))).encode()).hexdigest()
                for t in tables}


@pytest.fixture(scope="module")
def scratch_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("backup") / "migrated.db"
    done = _cli(f"sqlite+aiosqlite:///{db}", "migrate")
    assert done.returncode == 0, done.stderr
    return db


def test_sqlite_round_trip(scratch_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "live.db"
    shutil.copy(scratch_db, db)
    url = f"sqlite+aiosqlite:///{db}"
    _user(url, "truoc.sao.luu")
    backup = tmp_path / "donghanh.backup"
    done = _cli(url, "backup", str(backup))
    assert done.returncode == 0 and "backed up to" in done.stdout, done.stdout + done.stderr
    before = _sqlite_tables(db)
    _user(url, "sau.sao.luu")  # a change after the backup: a user and its audit event
    assert _sqlite_tables(db) != before
    refused = _cli(url, "restore", str(backup))
    assert refused.returncode == 2 and "--yes" in refused.stdout
    restored = _cli(url, "restore", str(backup), "--yes")
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert _sqlite_tables(db) == before
    assert "audit chain intact" in _cli(url, "audit", "verify").stdout


def test_missing_backup_is_a_clear_error(scratch_db: Path, tmp_path: Path) -> None:
    done = _cli(f"sqlite+aiosqlite:///{scratch_db}", "restore", str(tmp_path / "nope.backup"), "--yes")
    assert done.returncode == 1 and "There is no backup at" in done.stdout and "Traceback" not in done.stderr


async def _pg_tables(url: str) -> dict[str, str]:
    import asyncpg

    conn = await asyncpg.connect(make_url(url).set(drivername="postgresql").render_as_string(hide_password=False))
    try:
        tables = [r[0] for r in await conn.fetch(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")]
        return {t: await conn.fetchval(
            f'SELECT md5(coalesce(string_agg(x::text, \'|\' ORDER BY x::text), \'\')) FROM "{t}" x') for t in tables}
    finally:
        await conn.close()


def test_postgresql_round_trip(tmp_path: Path) -> None:
    base = os.environ.get("TEST_DATABASE_URL")
    if not base or not base.startswith("postgresql"):
        pytest.skip("set TEST_DATABASE_URL to a PostgreSQL database to run the pg_dump/pg_restore round trip")
    if not shutil.which("pg_dump"):
        pytest.skip("pg_dump is not installed")
    name = f"dh_backup_{uuid.uuid4().hex[:8]}"
    admin = make_url(base).set(drivername="postgresql")
    psql = ["psql", admin.set(database="postgres").render_as_string(hide_password=False), "-qc"]
    subprocess.run([*psql, f'CREATE DATABASE "{name}"'], check=True, capture_output=True)
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    try:
        assert _cli(url, "migrate").returncode == 0
        _user(url, "truoc.sao.luu")
        backup = tmp_path / "donghanh.dump"
        done = _cli(url, "backup", str(backup))
        assert done.returncode == 0, done.stdout + done.stderr
        before = asyncio.run(_pg_tables(url))
        _user(url, "sau.sao.luu")
        assert asyncio.run(_pg_tables(url)) != before
        restored = _cli(url, "restore", str(backup), "--yes")
        assert restored.returncode == 0, restored.stdout + restored.stderr
        assert asyncio.run(_pg_tables(url)) == before
        assert "audit chain intact" in _cli(url, "audit", "verify").stdout
    finally:
        subprocess.run([*psql, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'], capture_output=True)
