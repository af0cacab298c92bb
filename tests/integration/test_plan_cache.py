"""The application's PostgreSQL sessions plan every execution with its parameters: a prepared statement's
generic plan cannot use a scope's path prefix or a list's dates, and on the national data set it turned a
contacts page from 2 ms into 450 ms from its sixth execution on (donghanh.db.POSTGRESQL_SERVER_SETTINGS)."""
from __future__ import annotations

import os
from datetime import date

import pytest
from sqlalchemy import text

from donghanh.config import get_settings
from donghanh.db import create_engine

URL = os.environ.get("TEST_DATABASE_URL", "")

pytestmark = pytest.mark.skipif(not URL.startswith("postgresql+asyncpg"),
                                reason="asyncpg's prepared statements on PostgreSQL only (TEST_DATABASE_URL)")

SCOPED_PAGE = text(
    "SELECT c.id FROM outreach_contact c WHERE c.org_unit_id IN (SELECT u.id FROM org_unit u WHERE u.path LIKE :p) "
    "AND c.contacted_on BETWEEN :since AND :until ORDER BY c.contacted_on DESC, c.created_at DESC, c.id DESC "
    "LIMIT 51")


async def test_sessions_never_switch_to_a_generic_plan() -> None:
    engine = create_engine(get_settings().model_copy(update={"database_url": URL}))
    try:
        async with engine.connect() as connection:
            assert (await connection.execute(text("SHOW plan_cache_mode"))).scalar_one() == "force_custom_plan"
            for _ in range(8):  # past the five custom plans after which PostgreSQL may go generic
                await connection.execute(SCOPED_PAGE, {"p": "/p01/%", "since": date(2024, 6, 1),
                                                       "until": date(2026, 5, 31)})
            plans = (await connection.execute(text(
                "SELECT generic_plans, custom_plans FROM pg_prepared_statements "
                "WHERE statement LIKE '%FROM outreach_contact c WHERE%' "
                "AND statement NOT LIKE '%pg_prepared_statements%'"))).one()
            assert plans.generic_plans == 0 and plans.custom_plans >= 8
    finally:
        await engine.dispose()
