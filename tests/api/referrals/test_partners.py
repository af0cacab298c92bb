"""Partner systems: API clients with client credentials and scopes, webhooks, the service directory."""
from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.api_clients.models import ApiClientSecret
from donghanh.core.base import utcnow
from tests.fixtures.world import ACCOUNTS, World


async def _partner(client: httpx.AsyncClient, world: World, scopes: list[str] | None = None) -> dict[str, Any]:
    response = await client.post("/api/v1/api-clients", headers=world.auth("admin"), json={
        "name": "Hệ thống TGPL", "organisation_id": str(world.organisations["legal_aid_hanoi"]),
        "scopes": scopes or ["referrals:read", "referrals:write"]})
    assert response.status_code == 201, response.text
    return response.json()


async def _token(client: httpx.AsyncClient, client_id: str, secret: str, **extra: str) -> httpx.Response:
    return await client.post("/api/v1/auth/token", data={"grant_type": "client_credentials", "client_id": client_id,
                                                          "client_secret": secret} | extra)


class TestApiClients:
    async def test_secret_is_shown_once_and_works(self, client: httpx.AsyncClient, world: World) -> None:
        created = await _partner(client, world)
        assert created["client_secret"].startswith("dhs_")
        again = await client.get(f"/api/v1/api-clients/{created['id']}", headers=world.auth("admin"))
        assert "client_secret" not in again.json()
        assert again.json()["secrets"][0]["hint"] == created["client_secret"][-4:]
        token = await _token(client, created["client_id"], created["client_secret"])
        assert token.status_code == 200 and token.json()["scope"] == "referrals:read referrals:write"
        bearer = {"Authorization": f"Bearer {token.json()['access_token']}"}
        listed = await client.get("/api/v1/referrals", headers=bearer)
        assert [r["id"] for r in listed.json()["items"]] == [str(world.referrals["legal_sent"])]

    async def test_wrong_secret_and_unknown_client(self, client: httpx.AsyncClient, world: World) -> None:
        created = await _partner(client, world)
        assert (await _token(client, created["client_id"], "dhs_wrong")).status_code == 401
        assert (await _token(client, "dhc_nobody", created["client_secret"])).status_code == 401

    async def test_narrower_scope_limits_what_the_token_may_do(self, client: httpx.AsyncClient,
                                                              world: World) -> None:
        created = await _partner(client, world)
        token = await _token(client, created["client_id"], created["client_secret"], scope="referrals:read")
        bearer = {"Authorization": f"Bearer {token.json()['access_token']}"}
        assert (await client.get("/api/v1/referrals", headers=bearer)).status_code == 200
        step = await client.post(f"/api/v1/referrals/{world.referrals['legal_sent']}/transitions",
                                 json={"to": "accepted"}, headers=bearer)
        assert step.status_code == 403
        wider = await _token(client, created["client_id"], created["client_secret"], scope="webhooks:manage")
        assert wider.status_code == 422

    async def test_scopes_beyond_a_partner_are_refused(self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.post("/api/v1/api-clients", headers=world.auth("admin"), json={
            "name": "Hệ thống X", "organisation_id": str(world.organisations["legal_aid_hanoi"]),
            "scopes": ["users:write"]})
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "scopes"]

    async def test_rotation_keeps_the_old_secret_during_the_overlap(
        self, client: httpx.AsyncClient, world: World, session: AsyncSession
    ) -> None:
        created = await _partner(client, world)
        rotated = await client.post(f"/api/v1/api-clients/{created['id']}/secrets", json={"overlap_hours": 2},
                                    headers=world.auth("admin"))
        assert rotated.status_code == 201
        new = rotated.json()["client_secret"]
        assert (await _token(client, created["client_id"], created["client_secret"])).status_code == 200
        assert (await _token(client, created["client_id"], new)).status_code == 200
        # When the overlap is over, only the new secret works.
        await session.execute(update(ApiClientSecret).where(ApiClientSecret.expires_at.is_not(None))
                              .values(expires_at=utcnow()))
        assert (await _token(client, created["client_id"], created["client_secret"])).status_code == 401
        assert (await _token(client, created["client_id"], new)).status_code == 200

    async def test_disabling_a_client_revokes_its_tokens(self, client: httpx.AsyncClient, world: World) -> None:
        created = await _partner(client, world)
        token = (await _token(client, created["client_id"], created["client_secret"])).json()["access_token"]
        await client.patch(f"/api/v1/api-clients/{created['id']}", json={"active": False},
                           headers=world.auth("admin"))
        response = await client.get("/api/v1/referrals", headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 401

    @pytest.mark.parametrize("account", [a for a in ACCOUNTS if a != "admin"])
    async def test_only_admins_manage_api_clients(self, client: httpx.AsyncClient, world: World,
                                                  account: str) -> None:
        assert (await client.get("/api/v1/api-clients", headers=world.auth(account))).status_code == 403


class TestWebhooks:
    async def test_provider_registers_for_its_own_organisation(self, client: httpx.AsyncClient,
                                                               world: World) -> None:
        created = await client.post("/api/v1/webhooks", headers=world.auth("service_provider"),
                                    json={"url": "http://127.0.0.1:9/hook"})
        assert created.status_code == 201, created.text
        assert created.json()["organisation_id"] == str(world.organisations["legal_aid_hanoi"])
        assert created.json()["secret"].startswith("whsec_")
        other = await client.get(f"/api/v1/webhooks/{created.json()['id']}/deliveries",
                                 headers=world.auth("service_provider_2"))
        assert other.status_code == 404
        assert (await client.get("/api/v1/webhooks", headers=world.auth("service_provider_2"))).json() == []

    async def test_provider_cannot_register_for_another_organisation(self, client: httpx.AsyncClient,
                                                                     world: World) -> None:
        response = await client.post("/api/v1/webhooks", headers=world.auth("service_provider"), json={
            "url": "http://127.0.0.1:9/hook", "organisation_id": str(world.organisations["health_hanoi"])})
        assert response.status_code == 422

    async def test_sending_a_referral_queues_a_delivery(self, client: httpx.AsyncClient, world: World) -> None:
        hook = (await client.post("/api/v1/webhooks", headers=world.auth("service_provider"),
                                  json={"url": "http://127.0.0.1:9/hook"})).json()
        await client.post(f"/api/v1/referrals/{world.referrals['draft']}/transitions", json={"to": "sent"},
                          headers=world.auth("case_worker"))
        log = (await client.get(f"/api/v1/webhooks/{hook['id']}/deliveries",
                                headers=world.auth("service_provider"))).json()
        assert [(d["event_type"], d["status"], d["aggregate_id"]) for d in log] == [
            ("referral.sent", "pending", str(world.referrals["draft"]))]
        redo = await client.post(f"/api/v1/webhooks/{hook['id']}/deliveries/{log[0]['id']}/redeliver",
                                 headers=world.auth("service_provider"))
        assert redo.status_code == 200


class TestServiceDirectory:
    async def test_directory_by_service_and_search(self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.get("/api/v1/service-directory", params={"service": "sti_hiv_testing"},
                                    headers=world.auth("peer_educator"))
        assert [o["id"] for o in response.json()["items"]] == [str(world.organisations["health_hanoi"])]

    async def test_hsds_export(self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.get("/api/v1/service-directory/hsds", headers=world.auth("case_worker"))
        assert response.status_code == 200
        orgs = {o["id"]: o for o in response.json()["organizations"]}
        health = orgs[str(world.organisations["health_hanoi"])]
        assert {s["alternate_name"] for s in health["services"]} == {"health_check", "sti_hiv_testing"}
        assert health["locations"][0]["addresses"][0]["country"] == "VN"
        assert str(world.organisations["police_hanoi"]) not in orgs  # offers no service
