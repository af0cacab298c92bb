"""A pooled connection whose backend the server ended (a restart, pg_terminate_backend) is swapped for a new
one at checkout, without pre_ping's round trips: the next request does not fail."""
from __future__ import annotations

import asyncio
import os

import asyncpg
import pytest
from sqlalchemy import text

from donghanh.config import get_settings
from donghanh.db import create_engine

URL = os.environ.get("TEST_DATABASE_URL", "")


@pytest.mark.skipif(not URL.startswith("postgresql+asyncpg"), reason="asyncpg pools only (TEST_DATABASE_URL)")
async def test_a_terminated_backend_is_replaced_at_checkout() -> None:
    engine = create_engine(get_settings().model_copy(update={"database_url": URL}))
    try:
        async with engine.connect() as first, engine.connect() as second:
            pids = {(await c.execute(text("SELECT pg_backend_pid()"))).scalar_one() for c in (first, second)}
        # Both now wait in the pool; their backends end, as in a server restart.
        admin = await asyncpg.connect(URL.replace("postgresql+asyncpg", "postgresql"))
        try:
            await admin.execute("SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid", list(pids))
        finally:
            await admin.close()
        await asyncio.sleep(0.2)  # asyncpg reads the closed sockets while the connections sit in the pool
        for _ in range(3):
            async with engine.connect() as connection:
                assert (await connection.execute(text("SELECT pg_backend_pid()"))).scalar_one() not in pids
    finally:
        await engine.dispose()
