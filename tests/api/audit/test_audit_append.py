"""How audit events reach the chain: written at commit into the waiting room, in one go, never from a
rolled-back savepoint, in batches when a transaction records very many; the sequencer chains them oldest
first — and on PostgreSQL, concurrent transactions and concurrent sequencers never fork the chain."""
from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from donghanh.core import audit
from donghanh.core.audit import AuditEvent, AuditPending, chain_pending, chain_waiting, verify_chain
from donghanh.core.principal import SYSTEM
from donghanh.establishments.models import Establishment
from donghanh.webhooks.service import run_worker
from tests.fixtures.world import World


async def _count(session: AsyncSession, resource: str, table: Any = AuditEvent) -> int:
    return int(await session.scalar(select(func.count()).select_from(table).where(table.resource == resource)) or 0)


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


async def test_events_wait_from_their_commit_until_the_sequencer_chains_them(session: AsyncSession) -> None:
    await audit.record(session, SYSTEM, "read", "t-commit", 1)
    await audit.record(session, SYSTEM, "read", "t-commit", 2)
    assert await _count(session, "t-commit", AuditPending) == 0  # noted, not yet written
    nested = await session.begin_nested()
    await nested.commit()
    assert (await _count(session, "t-commit", AuditPending), await _count(session, "t-commit")) == (2, 0)
    while await chain_pending(session, limit=3):  # a small batch: chaining goes on from the head each time
        pass
    assert (await _count(session, "t-commit", AuditPending), await _count(session, "t-commit")) == (0, 2)
    chained = (await session.execute(select(AuditEvent.resource_id, AuditEvent.seq).where(
        AuditEvent.resource == "t-commit").order_by(AuditEvent.seq))).all()
    assert [r.resource_id for r in chained] == ["1", "2"]  # oldest first
    assert chained[1].seq == chained[0].seq + 1
    assert (await verify_chain(session)).ok


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
                assert await _count(session, "establishment", AuditPending) >= 30  # no request chained its own
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


async def test_concurrent_sequencers_never_fork_the_chain(engine: Any, monkeypatch: Any) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite runs one write transaction at a time; the race is PostgreSQL's")
    monkeypatch.setattr(audit, "CHAIN_BATCH", 9)  # many short transactions: the sequencers take turns
    maker = async_sessionmaker(engine, expire_on_commit=False, autoflush=False)
    marker = f"t-sequencers-{uuid.uuid4().hex[:6]}"  # committed for real: the chain keeps every event
    for batch in range(4):
        async with maker() as session:
            for i in range(30):
                await audit.record(session, SYSTEM, "read", marker, f"{batch}-{i}")
            await session.commit()
    chained = await asyncio.gather(*[chain_waiting(maker) for _ in range(4)])
    assert sum(chained) >= 120  # each event once (other tests' waiting events may be chained too)
    async with maker() as session:
        assert (await _count(session, marker), await _count(session, marker, AuditPending)) == (120, 0)
        report = await verify_chain(session)
        assert report.ok, report


async def test_the_worker_chains_what_waits(engine: Any, settings: Any) -> None:
    maker = async_sessionmaker(engine, expire_on_commit=False, autoflush=False)
    marker = f"t-worker-{uuid.uuid4().hex[:6]}"  # committed for real: the chain keeps every event
    async with maker() as session:
        await audit.record(session, SYSTEM, "read", marker, 1)
        await session.commit()
    stop = asyncio.Event()
    worker = asyncio.create_task(run_worker(maker, settings.model_copy(update={"outbox_poll_seconds": 0.01}), stop))
    try:
        for _ in range(500):
            async with maker() as session:
                if await _count(session, marker) == 1:
                    assert await _count(session, marker, AuditPending) == 0
                    break
            assert not worker.done(), worker
            await asyncio.sleep(0.01)
        else:
            pytest.fail("the worker did not chain the waiting event in 5 s")
    finally:
        stop.set()
        await worker
