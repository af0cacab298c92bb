"""A database that cannot be reached answers 503 problem+json with Retry-After, never a 500 or a traceback;
a statement that fails for any other reason is still a bug (500)."""
from __future__ import annotations

import asyncio
import errno
import logging
import socket
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
import pytest_asyncio
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import create_async_engine

from donghanh.core.errors import database_unavailable
from donghanh.db import Database
from donghanh.main import create_app
from donghanh.webhooks.service import run_worker
from tests.fixtures.database import settings_for_tests
from tests.fixtures.world import World


def _closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wrapped(orig: BaseException, *, invalidated: bool = False) -> DBAPIError:
    return DBAPIError("SELECT 1", None, orig, connection_invalidated=invalidated)  # type: ignore[arg-type]


class TestClassification:
    @pytest.mark.parametrize("exc", [
        ConnectionRefusedError(errno.ECONNREFUSED, "Connect call failed ('127.0.0.1', 5432)"),
        OSError(errno.EHOSTUNREACH, "No route to host"),
        PoolTimeout("QueuePool limit of size 10 overflow 10 reached"),
        _wrapped(Exception("connection was closed in the middle of operation"), invalidated=True),
        _wrapped(asyncpg.exceptions.AdminShutdownError("terminating connection due to administrator command")),
        _wrapped(asyncpg.exceptions.CannotConnectNowError("the database system is starting up")),
        _wrapped(asyncpg.exceptions.TooManyConnectionsError("sorry, too many clients already")),
        _wrapped(asyncpg.exceptions.ConnectionDoesNotExistError("connection was closed")),
    ], ids=["refused", "unreachable", "pool-timeout", "invalidated", "admin-shutdown", "starting-up",
            "too-many-connections", "connection-gone"])
    def test_connection_failures_are_unavailability(self, exc: BaseException) -> None:
        assert database_unavailable(exc) is True

    def test_the_cause_of_a_wrapped_error_counts(self) -> None:
        try:
            try:
                raise ConnectionResetError(errno.ECONNRESET, "Connection reset by peer")
            except ConnectionResetError as inner:
                raise RuntimeError("while committing") from inner
        except RuntimeError as outer:
            assert database_unavailable(outer) is True

    async def test_a_sqlite_database_held_by_another_writer_counts(self, tmp_path: Path) -> None:
        path = tmp_path / "busy.db"
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("CREATE TABLE t (a INTEGER)")
        holder.execute("BEGIN IMMEDIATE")  # as a large import holds it
        engine = create_async_engine(f"sqlite+aiosqlite:///{path}", connect_args={"timeout": 0.05})
        try:
            with pytest.raises(OperationalError) as caught:
                async with engine.begin() as conn:
                    await conn.execute(text("INSERT INTO t VALUES (1)"))
            assert database_unavailable(caught.value) is True
            with pytest.raises(OperationalError) as missing:
                async with engine.connect() as conn:
                    await conn.execute(text("SELECT * FROM no_such_table"))
            assert database_unavailable(missing.value) is False
        finally:
            await engine.dispose()
            holder.close()

    @pytest.mark.parametrize("exc", [
        ProgrammingError("SELECT nope", None, asyncpg.exceptions.UndefinedColumnError("column nope does not exist")),
        OperationalError("SELECT 1", None, Exception("no such table: contact")),
        _wrapped(asyncpg.exceptions.DivisionByZeroError("division by zero")),
        FileNotFoundError(errno.ENOENT, "No such file or directory"),
        RuntimeError("a bug"),
    ], ids=["undefined-column", "sqlite-no-such-table", "division-by-zero", "file-not-found", "bug"])
    def test_statement_errors_and_bugs_are_not(self, exc: BaseException) -> None:
        assert database_unavailable(exc) is False


def _unreachable_settings() -> Any:
    return settings_for_tests(f"postgresql+asyncpg://postgres@127.0.0.1:{_closed_port()}/donghanh")


@pytest_asyncio.fixture(loop_scope="session")
async def unreachable() -> AsyncIterator[httpx.AsyncClient]:
    """The app configured for a PostgreSQL server that is not running (a closed port on 127.0.0.1)."""
    settings = _unreachable_settings()
    database = Database(settings)
    app = create_app(settings, database)

    @app.get("/test-only/shutting-down")
    async def shutting_down() -> None:  # what asyncpg raises, unwrapped, when connecting during a shutdown
        raise asyncpg.exceptions.CannotConnectNowError("the database system is shutting down")

    @app.get("/test-only/statement-bug")
    async def statement_bug() -> None:
        raise ProgrammingError("SELECT nope", None, Exception("column nope does not exist"))

    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client
    await database.dispose()


def _assert_unavailable(response: httpx.Response) -> None:
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["retry-after"] == "5"
    body: dict[str, Any] = response.json()
    assert body == {"type": "https://donghanh.vn/problems/service-unavailable", "title": "Service unavailable",
                    "status": 503, "detail": "The database cannot be reached; try again in a few seconds."}


class TestUnreachableDatabase:
    async def test_sign_in_answers_503(self, unreachable: httpx.AsyncClient) -> None:
        response = await unreachable.post("/api/v1/auth/token", data={
            "grant_type": "password", "username": "canbo", "password": "một mật khẩu dài"})
        _assert_unavailable(response)

    async def test_an_authenticated_read_and_write_answer_503(self, unreachable: httpx.AsyncClient,
                                                             world: World) -> None:
        _assert_unavailable(await unreachable.get("/api/v1/me", headers=world.auth("case_worker")))
        _assert_unavailable(await unreachable.post("/api/v1/contacts", headers=world.auth("case_worker"), json={
            "contacted_on": "2026-10-01", "org_unit_id": str(world.units["ba_dinh"].id), "place": "community"}))

    async def test_health_check_answers_503(self, unreachable: httpx.AsyncClient) -> None:
        _assert_unavailable(await unreachable.get("/healthz"))

    async def test_a_server_shutting_down_answers_503(self, unreachable: httpx.AsyncClient) -> None:
        _assert_unavailable(await unreachable.get("/test-only/shutting-down"))

    async def test_a_failing_statement_is_still_a_500(self, unreachable: httpx.AsyncClient) -> None:
        response = await unreachable.get("/test-only/statement-bug")
        assert response.status_code == 500
        assert response.json()["detail"] == "An unexpected error occurred."
        assert "retry-after" not in response.headers


async def test_health_check_answers_200_when_the_database_is_there(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


async def test_the_webhook_worker_rides_out_an_unreachable_database(caplog: pytest.LogCaptureFixture) -> None:
    settings = _unreachable_settings().model_copy(update={"outbox_poll_seconds": 0.01})
    database = Database(settings)
    stop = asyncio.Event()
    with caplog.at_level(logging.WARNING, logger="donghanh.webhooks"):
        worker = asyncio.create_task(run_worker(database.sessionmaker, settings, stop))
        while len(rounds := [r for r in caplog.records if r.name == "donghanh.webhooks"]) < 3:
            assert not worker.done(), worker
            await asyncio.sleep(0.01)
        stop.set()
        await worker
    await database.dispose()
    assert {(r.levelname, r.exc_info) for r in rounds} == {("WARNING", None)}
    assert rounds[0].getMessage().startswith("webhook delivery round skipped, database unavailable: ")
