"""Failed authorizations are audited: a missing permission (403) and an object that exists outside the
caller's scope (404), each as a `denied` event with the actor — kept although the request rolled back."""
from __future__ import annotations

import uuid
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.core.audit import AuditEvent, chain_all
from tests.fixtures.world import World


async def _denials(session: AsyncSession, actor: uuid.UUID) -> list[tuple[str, str | None]]:
    await chain_all(session)
    rows = await session.execute(select(AuditEvent.resource, AuditEvent.resource_id).where(
        AuditEvent.action == "denied", AuditEvent.actor_id == actor).order_by(AuditEvent.seq))
    return [tuple(row) for row in rows]


async def test_an_object_out_of_scope_is_a_denied_event(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    hcm = world.establishments["hcm"]
    response = await client.get(f"/api/v1/establishments/{hcm}", headers=world.auth("case_worker"))
    assert response.status_code == 404
    assert await _denials(session, world.user_ids["case_worker"]) == [("establishment", str(hcm))]


async def test_a_missing_object_is_not_a_denial(client: httpx.AsyncClient, session: AsyncSession,
                                                world: World) -> None:
    response = await client.get(f"/api/v1/establishments/{uuid.uuid4()}", headers=world.auth("case_worker"))
    assert response.status_code == 404
    assert await _denials(session, world.user_ids["case_worker"]) == []


async def test_a_missing_permission_is_a_denied_event(client: httpx.AsyncClient, session: AsyncSession,
                                                      world: World) -> None:
    response = await client.get("/api/v1/clients", headers=world.auth("inspector"))
    assert response.status_code == 403
    assert await _denials(session, world.user_ids["inspector"]) == [("permission", "clients:read")]


async def test_a_hidden_victim_case_route_is_a_denied_event(client: httpx.AsyncClient, session: AsyncSession,
                                                            world: World, app: Any) -> None:
    response = await client.get("/api/v1/victim-cases", headers=world.auth("viewer"))
    assert response.status_code == 404
    assert [resource for resource, _ in await _denials(session, world.user_ids["viewer"])] == ["permission"]
