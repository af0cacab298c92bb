"""Engines and sessions. One unit of work per request: commit after the handler, roll back on error."""
from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated, Any

import orjson
from fastapi import Depends, Request
from sqlalchemy import event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from donghanh.config import Settings


def _configure_sqlite(engine: AsyncEngine) -> None:
    # pysqlite's own transaction handling breaks SAVEPOINT and defers BEGIN; take control of it
    # (the documented SQLAlchemy recipe), and begin IMMEDIATE so two writers queue instead of deadlocking.
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")


# asyncpg prepares every statement, and after five executions PostgreSQL may switch a prepared statement to
# its generic plan, which cannot use a parameter's value: not the `path LIKE '/p01/%'` prefix of a scope
# (so no index range on org_unit.path) nor a list's date range. On the national data set that turned a
# contacts page from 2 ms into 450 ms on its sixth execution (bench/RESULTS.md). A fresh plan each time
# costs 0.05-0.15 ms for a small statement; list pages are planned with their real scope and dates.
POSTGRESQL_SERVER_SETTINGS = {"plan_cache_mode": "force_custom_plan"}


def create_engine(settings: Settings) -> AsyncEngine:
    # JSON columns (a contact's topics, materials, needs: three a row) parsed by orjson, not the json module,
    # which took 4% of a contacts page's CPU. Writing stays with the json module: stored text is unchanged.
    kwargs: dict[str, Any] = {"echo": settings.database_echo, "json_deserializer": orjson.loads}
    asyncpg = settings.database_url.startswith("postgresql+asyncpg")
    if not settings.is_sqlite:
        # A connection the server dropped (restart, failover) is replaced at checkout instead of failing the
        # request: asyncpg notices a closed socket by itself (below); other drivers pay pre_ping's round trips.
        # Timeouts bound how long a request waits for an unreachable server (→ 503).
        kwargs |= {"pool_size": 10, "max_overflow": 10, "pool_pre_ping": not asyncpg, "pool_timeout": 10}
        if asyncpg:
            kwargs["connect_args"] = {"timeout": 10, "server_settings": POSTGRESQL_SERVER_SETTINGS}
    engine = create_async_engine(settings.database_url, **kwargs)
    if settings.is_sqlite:
        _configure_sqlite(engine)
    if asyncpg:
        _replace_closed_connections(engine)
    return engine


def _replace_closed_connections(engine: AsyncEngine) -> None:
    """pre_ping without the round trips. pre_ping costs three (BEGIN, `;`, ROLLBACK) on every checkout, a
    fifth of a list request's time; asyncpg reads its idle sockets all the time, so a connection the server
    closed (restart, terminated backend) already says so, and the pool swaps it for a fresh one. A connection
    lost without a word (a silent network) still fails its first statement: that request answers 503 and the
    pool drops every connection older than the failure."""

    @event.listens_for(engine.sync_engine, "checkout")
    def _on_checkout(_dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        if record.driver_connection.is_closed():
            raise DisconnectionError("the server closed this connection")


class Database:
    def __init__(self, settings: Settings, engine: AsyncEngine | None = None) -> None:
        self.engine = engine or create_engine(settings)
        self.sessionmaker = async_sessionmaker(self.engine, expire_on_commit=False, autoflush=False)

    async def dispose(self) -> None:
        await self.engine.dispose()


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    sessionmaker: async_sessionmaker[AsyncSession] = request.app.state.sessionmaker
    async with sessionmaker() as session:
        try:
            yield session
            await session.commit()
        except BaseException:
            await session.rollback()
            raise


# scope="function": commit before the response is sent, so a failed commit is the client's error too.
SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]
