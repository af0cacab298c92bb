"""No lost update: fifty officers save the same establishment at once, each with the ETag they read.
Exactly one save wins; the other forty-nine are told to reload (412), and the row holds the winner's figure."""
from __future__ import annotations

import asyncio
import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import async_sessionmaker

from donghanh.establishments.models import Establishment
from tests.fixtures.figures import record
from tests.fixtures.world import World

WRITERS = 50


async def test_fifty_concurrent_patches_with_one_etag(app: Any, engine: Any, world: World) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite serialises every write; the race is PostgreSQL's (row locks, many connections)")
    # Real, committed transactions: each request gets its own session and connection from the pool.
    app.state.sessionmaker = async_sessionmaker(engine, expire_on_commit=False, autoflush=False)
    headers = world.auth("program_manager")
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        created = await client.post("/api/v1/establishments", headers=headers, json={
            "name": f"Karaoke Đua Nhau {uuid.uuid4().hex[:6]}", "type": "karaoke",
            "org_unit_id": str(world.units["ba_dinh"].id)})
        assert created.status_code == 201, created.text
        establishment_id, etag = created.json()["id"], created.headers["ETag"]
        try:
            responses = await asyncio.gather(*[
                client.patch(f"/api/v1/establishments/{establishment_id}", json={"workers_female": i + 1},
                             headers=headers | {"If-Match": etag})
                for i in range(WRITERS)])
            statuses = sorted(r.status_code for r in responses)
            assert statuses == [200] + [412] * (WRITERS - 1), statuses
            winner = next(r for r in responses if r.status_code == 200).json()
            assert all(r.headers["content-type"].startswith("application/problem+json")
                       for r in responses if r.status_code == 412)
            async with app.state.sessionmaker() as session:
                stored = (await session.execute(select(Establishment.workers_female, Establishment.version).where(
                    Establishment.id == uuid.UUID(establishment_id)).execution_options(donghanh_scoped=True))).one()
            assert stored == (winner["workers_female"], winner["version"]) and stored.version == 2
            record("lost_update", writers=WRITERS, succeeded=statuses.count(200), refused_412=statuses.count(412),
                   lost=0 if stored.workers_female == winner["workers_female"] else 1)
        finally:
            async with app.state.sessionmaker() as session:
                await session.execute(delete(Establishment).where(Establishment.id == uuid.UUID(establishment_id)))
                await session.commit()


async def test_a_patch_without_if_match_or_version_is_428(client: httpx.AsyncClient, world: World) -> None:
    created = await client.post("/api/v1/establishments", headers=world.auth("program_manager"), json={
        "name": "Karaoke Không Phiên Bản", "type": "karaoke", "org_unit_id": str(world.units["ba_dinh"].id)})
    response = await client.patch(f"/api/v1/establishments/{created.json()['id']}", json={"workers_female": 3},
                                  headers=world.auth("program_manager"))
    assert response.status_code == 428
    assert response.json()["status"] == 428
