"""Helpers for tests that run `donghanh` as separate processes and kill them: ports, the CLI, the figures file."""
from __future__ import annotations

import asyncio
import os
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from sqlalchemy.engine import make_url

from tests.fixtures.figures import record

ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-m", "donghanh.cli"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cli_env(database_url: str, **settings: str) -> dict[str, str]:
    """The environment of a `donghanh` process on `database_url` (test keys, no SPA, no embedded worker)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DONGHANH_") and k != "TEST_DATABASE_URL"}
    env |= {"DONGHANH_DATABASE_URL": database_url, "DONGHANH_ENVIRONMENT": "test", "DONGHANH_SERVE_SPA": "false",
            "DONGHANH_OUTBOX_WORKER_IN_PROCESS": "false", "COLUMNS": "200",
            # Load and polling loops here are faster than any person; the limits have their own tests.
            "DONGHANH_RATE_LIMIT_PER_MINUTE": "0", "DONGHANH_RATE_LIMIT_HEAVY_PER_MINUTE": "0",
            "DONGHANH_RATE_LIMIT_ANONYMOUS_PER_MINUTE": "0"}
    env |= {f"DONGHANH_{k.upper()}": v for k, v in settings.items()}
    return env


def run_cli(env: dict[str, str], *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([*CLI, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"donghanh {' '.join(args)}: {done.stdout}{done.stderr}"
    return done


def record_figures(suite: str, case: str | None = None, **figures: Any) -> None:
    """One JSON line for docs/SECURITY.md (see tests/fixtures/figures.py)."""
    record(suite, **({"case": case} if case is not None else {}), **figures)


@dataclass
class ScratchDatabase:
    """A database of its own for processes the test starts and kills (never the shared, rolled-back test
    database): a SQLite file, or a PostgreSQL database beside TEST_DATABASE_URL's, dropped afterwards."""

    kind: str
    url: str
    _query: Callable[[str], Any]

    @property
    def env(self) -> dict[str, str]:
        return cli_env(self.url)

    def scalar(self, sql: str) -> Any:
        return self._query(sql)


@contextmanager
def scratch_database(kind: str, directory: Path, suffix: str) -> Iterator[ScratchDatabase]:
    """Migrated (with the administrative units); skips the PostgreSQL kind without TEST_DATABASE_URL."""
    drop: Callable[[], None] | None = None
    if kind == "sqlite":
        path = directory / f"{suffix}.db"

        def query(sql: str) -> Any:
            with sqlite3.connect(path) as conn:
                return conn.execute(sql).fetchone()[0]

        database = ScratchDatabase(kind, f"sqlite+aiosqlite:///{path}", query)
    else:
        base = os.environ.get("TEST_DATABASE_URL", "")
        if not base.startswith("postgresql"):
            pytest.skip("the PostgreSQL variant runs when TEST_DATABASE_URL names a PostgreSQL server")
        url = make_url(base)
        name = f"{url.database}_{suffix}"
        server = url.set(drivername="postgresql", database="postgres").render_as_string(hide_password=False)
        plain = url.set(drivername="postgresql", database=name).render_as_string(hide_password=False)

        async def admin(*statements: str) -> None:
            conn = await asyncpg.connect(server)
            try:
                for statement in statements:
                    await conn.execute(statement)
            finally:
                await conn.close()

        async def fetch(sql: str) -> Any:
            conn = await asyncpg.connect(plain)
            try:
                return await conn.fetchval(sql)
            finally:
                await conn.close()

        asyncio.run(admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"'))
        database = ScratchDatabase(kind, url.set(database=name).render_as_string(hide_password=False),
                                   lambda sql: asyncio.run(fetch(sql)))

        def drop() -> None:
            asyncio.run(admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    try:
        run_cli(database.env, "migrate")
        yield database
    finally:
        if drop is not None:
            drop()


class ApiServer:
    """`donghanh serve` on 127.0.0.1 as a process of its own (so a test can SIGKILL it), up once /healthz is 200."""

    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.base = f"http://127.0.0.1:{free_port()}"
        self.log = log
        with log.open("ab") as out:
            self.process = subprocess.Popen([*CLI, "serve", "--port", self.base.rsplit(":", 1)[1]], cwd=ROOT,
                                            env=env, stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while not self._healthy():
            assert self.process.poll() is None, f"the API server exited: {self.log_tail()}"
            assert time.monotonic() < deadline, f"the API server did not come up: {self.log_tail()}"
            time.sleep(0.1)

    def _healthy(self) -> bool:
        try:
            return httpx.get(f"{self.base}/healthz", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    def log_tail(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-2000:]

    def token(self, username: str, password: str) -> str:
        response = httpx.post(f"{self.base}/api/v1/auth/token", timeout=30,
                              data={"grant_type": "password", "username": username, "password": password})
        assert response.status_code == 200, response.text
        return response.json()["access_token"]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
