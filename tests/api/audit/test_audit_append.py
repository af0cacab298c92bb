"""How audit events reach the chain: at commit, in one go, never from a rolled-back savepoint, in batches
when a transaction records very many — and on PostgreSQL, concurrent transactions never fork the chain."""
from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from donghanh.core import audit
from donghanh.core.audit import AuditEvent, verify_chain
from donghanh.core.principal import SYSTEM
from donghanh.establishments.models import Establishment
from tests.fixtures.world import World


async def _count(session: AsyncSession, resource: str) -> int:
    return int(await session.scalar(select(func.count()).select_from(AuditEvent)
                                    .where(AuditEvent.resource == resource)) or 0)


async def test_a_rolled_back_savepoint_takes_its_events_with_it(session: AsyncSession) -> None:
    await audit.record(session, SYSTEM, "read", "t-kept")
    savepoint = await session.begin_nested()
    await audit.record(session, SYSTEM, "read", "t-dropped")
    await savepoint.rollback()
    inner = await session.begin_nested()
    await audit.record(session, SYSTEM, "read", "t-released")
    await inner.commit()
    await audit.flush(session)
    assert (await _count(session, "t-kept"), await _count(session, "t-dropped"),
            await _count(session, "t-released")) == (1, 0, 1)
    assert (await verify_chain(session)).ok


async def test_events_are_written_when_the_transaction_commits(session: AsyncSession) -> None:
    before = await _count(session, "t-commit")
    await audit.record(session, SYSTEM, "read", "t-commit")
    assert await _count(session, "t-commit") == before  # noted, not yet chained
    nested = await session.begin_nested()
    await nested.commit()
    assert await _count(session, "t-commit") == before + 1


async def test_many_events_go_in_batches_and_chain(session: AsyncSession, monkeypatch: Any) -> None:
    monkeypatch.setattr(audit, "APPEND_BATCH", 7)
    for i in range(30):
        await audit.record(session, SYSTEM, "import", "t-batch", i)
        pending = session.sync_session.info.get(audit._PENDING, [])
        assert len(pending) < 7  # never more than a batch held in memory
    await audit.flush(session)
    seqs = (await session.execute(select(AuditEvent.seq).where(AuditEvent.resource == "t-batch")
                                  .order_by(AuditEvent.seq))).scalars().all()
    assert len(seqs) == 30 and seqs == list(range(seqs[0], seqs[0] + 30))
    assert (await verify_chain(session)).ok


async def test_concurrent_transactions_never_fork_the_chain(app: Any, engine: Any, world: World) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite runs one write transaction at a time; the race is PostgreSQL's")
    app.state.sessionmaker = maker = async_sessionmaker(engine, expire_on_commit=False, autoflush=False)
    created: list[str] = []
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
        try:
            responses = await asyncio.gather(*[client.post("/api/v1/establishments", headers=world.auth(
                "program_manager"), json={"name": f"Cơ sở đồng thời {i} {uuid.uuid4().hex[:4]}", "type": "karaoke",
                                          "org_unit_id": str(world.units["ba_dinh"].id)}) for i in range(30)])
            created = [r.json()["id"] for r in responses if r.status_code == 201]
            assert len(created) == 30
            async with maker() as session:
                report = await verify_chain(session)
                assert report.ok, report
                ids = {str(i) for i in (await session.execute(select(AuditEvent.resource_id).where(
                    AuditEvent.resource == "establishment", AuditEvent.action == "create"))).scalars().all()}
                assert set(created) <= ids
        finally:
            async with maker() as session:
                await session.execute(delete(Establishment).where(Establishment.id.in_(
                    [uuid.UUID(i) for i in created])).execution_options(donghanh_scoped=True))
                await session.commit()
