"""Who did and read what: every write and every read of individual-level data leaves a chained event."""
from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.core.audit import AuditEvent, chain_all, verify_chain
from tests.fixtures.world import World


async def test_create_and_read_are_audited_with_actor_and_ip(client: httpx.AsyncClient, world: World) -> None:
    created = await client.post("/api/v1/establishments", headers=world.auth("program_manager"), json={
        "name": "Bar Hoàng Hôn", "type": "bar_club", "org_unit_id": str(world.units["ba_dinh"].id)})
    est_id = created.json()["id"]
    await client.get(f"/api/v1/establishments/{est_id}", headers=world.auth("case_worker"))
    events = (await client.get("/api/v1/audit-events", params={"resource_id": est_id},
                               headers=world.auth("admin"))).json()["items"]
    assert [(e["action"], e["actor_name"]) for e in events] == [("read", "case.worker"), ("create", "program.manager")]
    assert events[0]["ip"] == "203.0.113.7"
    assert events[0]["fields"] == ["owner_name"]
    assert events[1]["request_id"]


async def test_manager_sees_only_events_in_their_subtree(client: httpx.AsyncClient, world: World) -> None:
    await client.get(f"/api/v1/establishments/{world.establishments['hcm']}",
                     headers=world.auth("program_manager_hcm"))
    hanoi = (await client.get("/api/v1/audit-events", params={"resource": "establishment", "limit": 500},
                              headers=world.auth("program_manager"))).json()["items"]
    assert str(world.establishments["hcm"]) not in {e["resource_id"] for e in hanoi}


async def test_roles_without_audit_access_get_403(client: httpx.AsyncClient, world: World) -> None:
    for account in ("case_worker", "inspector", "viewer", "peer_educator"):
        assert (await client.get("/api/v1/audit-events", headers=world.auth(account))).status_code == 403


async def test_naive_datetime_filter_is_422(client: httpx.AsyncClient, world: World) -> None:
    response = await client.get("/api/v1/audit-events", params={"since": "2026-01-01T00:00:00"},
                                headers=world.auth("admin"))
    assert response.status_code == 422


async def test_chain_verifies_and_detects_tampering(client: httpx.AsyncClient, world: World,
                                                    session: AsyncSession) -> None:
    await client.get(f"/api/v1/establishments/{world.establishments['ba_dinh']}", headers=world.auth("case_worker"))
    report = await verify_chain(session)
    assert report.ok and report.checked > 10
    victim = (await session.execute(select(AuditEvent.seq).order_by(AuditEvent.seq.desc()).limit(1)
                                    .offset(3))).scalar_one()
    await _lift_append_only(session)  # as a database owner could: the hash chain is the second line
    await session.execute(update(AuditEvent).where(AuditEvent.seq == victim).values(actor_name="someone else"))
    broken = await verify_chain(session)
    assert broken.broken_at_seq == victim
    assert broken.reason == "content does not match its hash"


async def _lift_append_only(session: AsyncSession) -> None:
    """Undone with the test's transaction (DDL is transactional on both databases)."""
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(text("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only"))
    else:
        await session.execute(text("DROP TRIGGER audit_event_no_update"))


@pytest.mark.parametrize("statement", [
    "UPDATE audit_event SET actor_name = 'someone else'", "DELETE FROM audit_event",
])
async def test_the_database_refuses_to_change_or_remove_audit_events(client: httpx.AsyncClient, world: World,
                                                                      session: AsyncSession, statement: str) -> None:
    await client.get(f"/api/v1/establishments/{world.establishments['ba_dinh']}", headers=world.auth("case_worker"))
    assert await chain_all(session) >= 1  # the read's event, out of the waiting room and into the chain
    nested = await session.begin_nested()
    with pytest.raises(DBAPIError, match="append-only"):
        await session.execute(text(statement))
    await nested.rollback()
    assert (await verify_chain(session)).ok
