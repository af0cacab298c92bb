"""The hot queries must never need a sequential scan over the big tables (issue #9).

Method, chosen to be deterministic whatever the row counts and statistics of the test database: the
statements are the ones the real repositories and the indicator engine emit (captured with a cursor
event), then EXPLAINed with `SET LOCAL enable_seqscan = off`. That setting does not forbid a sequential
scan, it makes it cost 10^10: the planner still picks one when no index can answer the predicate and
order. So "Seq Scan" on one of these tables in the plan means exactly "no index serves this query",
independent of how many rows the table holds. Timings are never asserted; bench/plans/ holds the
ANALYZE plans on the national data set."""
from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.clients.repository import ClientRepository
from donghanh.clients.schemas import ClientFilter
from donghanh.contacts.repository import ContactRepository
from donghanh.contacts.schemas import ContactFilter
from donghanh.core.pagination import encode_cursor
from donghanh.core.principal import SYSTEM, Principal
from donghanh.core.roles import Role
from donghanh.establishments.repository import EstablishmentRepository
from donghanh.establishments.schemas import EstablishmentFilter
from donghanh.indicators.engine import Scope, people_reached, people_with_needs
from donghanh.indicators.periods import parse_period
from donghanh.org_units import service as org_units
from donghanh.referrals.repository import ReferralRepository
from donghanh.referrals.schemas import ReferralFilter
from tests.fixtures.world import World

BIG_TABLES = {"outreach_contact", "client", "referral", "establishment"}


def seq_scans(plan: Any) -> set[str]:
    found = set()
    if isinstance(plan, dict):
        if plan.get("Node Type") == "Seq Scan" and plan.get("Relation Name") in BIG_TABLES:
            found.add(plan["Relation Name"])
        for value in plan.values():
            found |= seq_scans(value)
    elif isinstance(plan, list):
        for item in plan:
            found |= seq_scans(item)
    return found


async def _manager_of(session: AsyncSession, unit: Any) -> tuple[tuple[str, ...], Principal]:
    paths = await org_units.scope_paths(session, unit)
    return paths, Principal.for_user(user_id=uuid.uuid4(), username="plans", role=Role.program_manager,
                                     org_unit_id=unit.id, scope_paths=paths, organisation_id=None, session_id=None)


async def test_hot_queries_use_indexes(session: AsyncSession, world: World) -> None:
    conn = await session.connection()
    if conn.dialect.name != "postgresql":
        pytest.skip("query plans are PostgreSQL's; the embedded SQLite serves one district")
    hanoi = world.units["hanoi"]
    paths, manager = await _manager_of(session, hanoi)
    seen: list[tuple[str, Any]] = []

    def on(_c: Any, _cur: Any, statement: str, parameters: Any, _ctx: Any, _many: bool) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):  # the engine reads through CTEs
            seen.append((statement, parameters))

    event.listen(conn.sync_connection, "before_cursor_execute", on)
    try:
        hot: dict[str, list[tuple[str, Any]]] = {}

        async def run(name: str, work: Any) -> None:
            seen.clear()
            await work
            hot[name] = [s for s in seen if "outreach_contact" in s[0] or "FROM client" in s[0]
                         or "FROM referral" in s[0] or "FROM establishment" in s[0]]

        contacts = ContactRepository(session, manager)
        flt = ContactFilter(since=date(2025, 1, 1), until=date(2025, 12, 31))
        await run("contacts page 1", contacts.list(flt, hanoi.path, None, None, 50))
        cursor = encode_cursor("-contacted_on", [date(2025, 6, 1), datetime(2025, 6, 1, tzinfo=UTC), uuid.uuid4()])
        await run("contacts later page", contacts.list(flt, hanoi.path, None, cursor, 50))
        await run("clients page 1", ClientRepository(session, manager).list(ClientFilter(), hanoi.path, None, 50))
        await run("referrals page 1", ReferralRepository(session, manager).list(ReferralFilter(), hanoi.path, None, 50))
        await run("establishments page 1",
                  EstablishmentRepository(session, manager).list(EstablishmentFilter(), hanoi.path, None, 50))
        scope = Scope(SYSTEM, paths, parse_period("2025Q2"))
        await run("people reached", people_reached(session, scope, ("sex",)))
        await run("people with needs", people_with_needs(session, scope, ()))
    finally:
        event.remove(conn.sync_connection, "before_cursor_execute", on)

    await conn.execute(text("SET LOCAL enable_seqscan = off"))
    failures = {}
    for name, statements in hot.items():
        assert statements, f"{name}: no statement captured"
        for sql, params in statements:
            result = await conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + sql, tuple(params or ()))
            raw = result.scalar_one()
            plan = json.loads(raw) if isinstance(raw, str) else raw
            if scans := seq_scans(plan):
                failures[name] = (sorted(scans), sql)
    await conn.execute(text("SET LOCAL enable_seqscan = on"))
    assert not failures, f"sequential scans in hot queries: {failures}"


async def test_sqlite_pages_choose_rows_from_the_keyset_index(session: AsyncSession, world: World) -> None:
    """SQLite computes every selected column of each matching row before it sorts: a page must pick its
    rowids from a covering index first (pagination.page_then_columns), never read the table to sort it."""
    conn = await session.connection()
    if conn.dialect.name != "sqlite":
        pytest.skip("the rowid-first page shape is SQLite's (PostgreSQL evaluates look-ups after the LIMIT)")
    hanoi = world.units["hanoi"]
    paths, manager = await _manager_of(session, hanoi)
    seen: list[tuple[str, Any]] = []

    def on(_c: Any, _cur: Any, statement: str, parameters: Any, _ctx: Any, _many: bool) -> None:
        if "FROM outreach_contact" in statement:
            seen.append((statement, parameters))

    event.listen(conn.sync_connection, "before_cursor_execute", on)
    try:
        flt = ContactFilter(since=date(2025, 1, 1), until=date(2025, 12, 31))
        await ContactRepository(session, manager).list(flt, hanoi.path, None, None, 50)
    finally:
        event.remove(conn.sync_connection, "before_cursor_execute", on)
    (sql, params), = seen
    plan = [row[-1] for row in (await conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, tuple(params))).all()]
    assert "SEARCH outreach_contact USING INTEGER PRIMARY KEY (rowid=?)" in plan, plan
    assert any(step.startswith("SEARCH outreach_contact USING COVERING INDEX ix_outreach_contact_org_unit_keyset")
               for step in plan), plan
    assert not any(step.startswith("SCAN outreach_contact") for step in plan), plan
