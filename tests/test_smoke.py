from __future__ import annotations

import httpx

from tests.fixtures.world import World


async def test_program_manager_sees_own_profile(client: httpx.AsyncClient, world: World) -> None:
    response = await client.get("/api/v1/me", headers=world.auth("program_manager"))
    assert response.status_code == 200
    assert response.json()["org_unit"]["path"] == "/p01/"
