from __future__ import annotations

import os
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import pytest_asyncio
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession, async_sessionmaker

from donghanh.db import Database, create_engine
from donghanh.main import create_app
from donghanh.org_units.seed import seed_org_units
from tests.fixtures.database import database_url_for_tests, migrate, settings_for_tests
from tests.fixtures.world import World, build_world


def pytest_report_header() -> str:
    url = os.environ.get("TEST_DATABASE_URL")
    return f"database: {'PostgreSQL ' + url if url else 'SQLite (temporary file)'}"


@pytest.fixture(scope="session")
def settings() -> Any:
    return settings_for_tests(database_url_for_tests())


@pytest.fixture(scope="session")
def migrated(settings: Any) -> Any:
    migrate(settings)
    return settings


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def engine(migrated: Any) -> AsyncIterator[Any]:
    engine = create_engine(migrated)
    async with async_sessionmaker(engine, expire_on_commit=False)() as session:
        await seed_org_units(session)
        await session.commit()
    yield engine
    await engine.dispose()


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def app(engine: Any, settings: Any) -> Any:
    return create_app(settings, Database(settings, engine=engine))


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def world(app: Any, engine: Any) -> World:
    """Shared, committed reference data: units, organisations, one account per role, establishments
    inside and outside each scope, and signed-in tokens."""
    app.state.sessionmaker = async_sessionmaker(engine, expire_on_commit=False, autoflush=False)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        async with app.state.sessionmaker() as session:
            world = await build_world(session)
            await session.commit()
        await world.sign_in_all(client)
    return world


@pytest_asyncio.fixture(loop_scope="session")
async def connection(engine: Any, world: World) -> AsyncIterator[AsyncConnection]:
    async with engine.connect() as conn:
        transaction = await conn.begin()
        yield conn
        if transaction.is_active:
            await transaction.rollback()


@pytest_asyncio.fixture(loop_scope="session")
async def session(connection: AsyncConnection, app: Any) -> AsyncIterator[AsyncSession]:
    """The test's own session and every request's session share one rolled-back transaction."""
    maker = async_sessionmaker(
        bind=connection, expire_on_commit=False, autoflush=False, join_transaction_mode="create_savepoint"
    )
    app.state.sessionmaker = maker
    async with maker() as session:
        yield session


@pytest_asyncio.fixture(loop_scope="session")
async def client(app: Any, session: AsyncSession) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app, client=("203.0.113.7", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        yield client
