"""The `donghanh` command on a scratch SQLite database, run as a user would run it."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from donghanh.cli import openapi_yaml
from donghanh.config import Settings

ROOT = Path(__file__).resolve().parents[2]


def _run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"DONGHANH_DATABASE_URL": f"sqlite+aiosqlite:///{db}", "COLUMNS": "200"}
    env.pop("TEST_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "donghanh.cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def scratch_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "cli.db"
    result = _run(db, "migrate")
    assert result.returncode == 0, result.stderr
    assert "administrative units: 14165 added" in result.stdout
    return db


def test_migrate_is_idempotent(scratch_db: Path) -> None:
    result = _run(scratch_db, "migrate")
    assert result.returncode == 0
    assert "administrative units: 0 added" in result.stdout


def test_create_user_then_audit_verify_then_tamper(scratch_db: Path) -> None:
    created = _run(scratch_db, "create-user", "--username", "quantri", "--password", "một mật khẩu dài",
                   "--role", "admin", "--org-unit", "01", "--full-name", "Quản trị viên")
    assert created.returncode == 0, created.stdout + created.stderr
    assert "created quantri (admin) in Thành phố Hà Nội" in created.stdout
    _run(scratch_db, "create-user", "--username", "quantri2", "--password", "một mật khẩu dài",
         "--role", "viewer", "--org-unit", "79")
    verified = _run(scratch_db, "audit", "verify")
    assert verified.returncode == 0 and "audit chain intact: 2 events" in verified.stdout

    with sqlite3.connect(scratch_db) as conn:
        refused = None
        try:
            conn.execute("UPDATE audit_event SET action = 'read' WHERE seq = 1")
        except sqlite3.DatabaseError as exc:
            refused = str(exc)
        assert refused == "audit_event is append-only"
        # Someone with the database file in hand can drop the trigger; the chain still tells.
        conn.execute("DROP TRIGGER audit_event_no_update")
        conn.execute("UPDATE audit_event SET action = 'read' WHERE seq = 1")
    tampered = _run(scratch_db, "audit", "verify")
    assert tampered.returncode == 1
    assert "audit chain broken at event 1: content does not match its hash" in tampered.stdout


def test_create_user_rejects_bad_input_without_a_traceback(scratch_db: Path) -> None:
    result = _run(scratch_db, "create-user", "--username", "x", "--password", "short", "--role", "boss",
                  "--org-unit", "01")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr + result.stdout
    assert "username" in result.stdout and "password" in result.stdout and "role" in result.stdout


def test_unknown_unit_code(scratch_db: Path) -> None:
    result = _run(scratch_db, "create-user", "--username", "ai.do", "--password", "một mật khẩu dài",
                  "--role", "viewer", "--org-unit", "999")
    assert result.returncode == 2
    assert "No administrative unit with code '999'" in result.stdout


def test_openapi_yaml_is_current() -> None:
    committed = (ROOT / "openapi.yaml").read_text(encoding="utf-8")
    assert committed == openapi_yaml(), "openapi.yaml is stale: run `make openapi` (donghanh openapi)"


def test_production_refuses_development_secrets() -> None:
    with pytest.raises(ValueError, match="refusing to start in production"):
        Settings(environment="production", database_url="postgresql+asyncpg://db/x", cookie_secure=True)


def test_production_starts_with_real_secrets() -> None:
    settings = Settings(environment="production", database_url="postgresql+asyncpg://db/x", cookie_secure=True,
                        jwt_keys={"2026": "x" * 48}, jwt_active_kid="2026",
                        field_encryption_keys={"k1": "y" * 44}, field_encryption_active_kid="k1",
                        blind_index_key="z" * 40)
    assert settings.environment == "production"


def test_server_refuses_to_start_in_production_with_defaults(tmp_path: Path) -> None:
    env = os.environ | {"DONGHANH_ENVIRONMENT": "production",
                        "DONGHANH_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'p.db'}"}
    result = subprocess.run([sys.executable, "-m", "donghanh.cli", "serve", "--port", "8799"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "refusing to start in production" in result.stdout + result.stderr


def _alembic(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"DONGHANH_DATABASE_URL": f"sqlite+aiosqlite:///{db}"}
    env.pop("TEST_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "alembic", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)


def test_migrations_match_the_models_and_reverse_cleanly(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    assert _alembic(db, "upgrade", "head").returncode == 0
    check = _alembic(db, "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert _alembic(db, "downgrade", "base").returncode == 0
    assert _alembic(db, "upgrade", "head").returncode == 0
