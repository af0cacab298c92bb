"""Outreach contacts: anonymous or linked, validated against dates, units and establishments."""
from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
import pytest

from donghanh.core import dates
from tests.fixtures.world import World

URL = "/api/v1/contacts"


def _contact(world: World, **overrides: Any) -> dict[str, Any]:
    return {"contacted_on": "2026-11-20", "org_unit_id": str(world.units["ba_dinh"].id), "place": "establishment",
            "establishment_id": str(world.establishments["ba_dinh"]), "first_contact": True,
            "topics": ["labour_rights", "social_insurance"], "materials": {"leaflets": 2, "condoms": 10},
            "needs": ["health_check", "vocational_training"]} | overrides


async def _post(client: httpx.AsyncClient, world: World, account: str = "peer_educator", **kw: Any) -> httpx.Response:
    return await client.post(URL, json=_contact(world, **kw), headers=world.auth(account))


class TestRecording:
    async def test_anonymous_contact_counts(self, client: httpx.AsyncClient, world: World) -> None:
        response = await _post(client, world)
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["client_id"] is None and body["needs"] == ["health_check", "vocational_training"]
        assert body["materials"] == {"leaflets": 2, "condoms": 10}
        assert body["recorded_by"] == str(world.user_ids["peer_educator"])

    async def test_new_client_in_the_same_request(self, client: httpx.AsyncClient, world: World) -> None:
        response = await _post(client, world, new_client={"sex": "female", "birth_year": 2003,
                                                          "group": "establishment_worker"})
        assert response.status_code == 201, response.text
        body = response.json()
        assert body["client_code"].startswith("DH-") and body["first_contact"] is True
        person = await client.get(f"/api/v1/clients/{body['client_id']}", headers=world.auth("peer_educator"))
        assert person.status_code == 200
        assert person.json()["establishment_id"] == str(world.establishments["ba_dinh"])

    async def test_next_contact_links_by_the_code_on_the_card(self, client: httpx.AsyncClient, world: World) -> None:
        first = (await _post(client, world, account="case_worker", new_client={
            "sex": "female", "birth_year": 1999, "group": "sex_worker"})).json()
        # Another educator meets the same worker: the code on her card links the contact ...
        again = await _post(client, world, account="peer_educator_2", client_code=first["client_code"].lower(),
                            first_contact=False)
        assert again.status_code == 201, again.text
        assert again.json()["client_id"] == first["client_id"]
        # ... and from then on the educator sees the person she reached.
        person = await client.get(f"/api/v1/clients/{first['client_id']}", headers=world.auth("peer_educator_2"))
        assert person.status_code == 200

    async def test_unknown_code_names_the_field(self, client: httpx.AsyncClient, world: World) -> None:
        response = await _post(client, world, client_code="DH-ZZZZ-ZZZZ")
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "client_code"]

    async def test_code_from_another_province_is_not_found(self, client: httpx.AsyncClient, world: World) -> None:
        hcm_code = (await client.get(f"/api/v1/clients/{world.clients['hcm']}",
                                     headers=world.auth("program_manager_hcm"))).json()["code"]
        response = await _post(client, world, client_code=hcm_code)
        assert response.status_code == 422

    async def test_retry_with_the_same_key_does_not_double(self, client: httpx.AsyncClient, world: World) -> None:
        headers = world.auth("peer_educator") | {"Idempotency-Key": "phone-queue-1"}
        first = await client.post(URL, json=_contact(world), headers=headers)
        second = await client.post(URL, json=_contact(world), headers=headers)
        assert first.json()["id"] == second.json()["id"]
        mine = await client.get(URL, params={"mine": "true", "since": "2026-11-20"},
                                headers=world.auth("peer_educator"))
        assert [c["id"] for c in mine.json()["items"]] == [first.json()["id"]]


class TestValidation:
    async def test_date_in_the_future(self, client: httpx.AsyncClient, world: World) -> None:
        response = await _post(client, world, contacted_on=(dates.today() + timedelta(days=1)).isoformat())
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "contacted_on"]

    async def test_legacy_ward_is_fine_for_a_date_before_the_reform(self, client: httpx.AsyncClient,
                                                                      world: World) -> None:
        response = await _post(client, world, contacted_on="2024-05-01", place="community", establishment_id=None,
                               org_unit_id=str(world.units["legacy_truc_bach"].id))
        assert response.status_code == 201, response.text

    async def test_legacy_ward_after_the_reform_is_refused(self, client: httpx.AsyncClient, world: World) -> None:
        response = await _post(client, world, contacted_on="2025-08-01", place="community", establishment_id=None,
                               org_unit_id=str(world.units["legacy_truc_bach"].id))
        assert response.status_code == 422
        assert "dissolved on 2025-06-30" in response.json()["detail"]

    async def test_current_ward_before_it_existed_is_refused(self, client: httpx.AsyncClient, world: World) -> None:
        response = await _post(client, world, contacted_on="2024-05-01")
        assert response.status_code == 422
        assert "2025-07-01" in response.json()["detail"]

    async def test_establishment_outside_the_unit(self, client: httpx.AsyncClient, world: World) -> None:
        response = await _post(client, world, account="case_worker",
                               establishment_id=str(world.establishments["legacy"]))
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "establishment_id"]

    async def test_establishment_of_another_commune(self, client: httpx.AsyncClient, world: World) -> None:
        response = await _post(client, world, account="program_manager",
                               establishment_id=str(world.establishments["hoan_kiem"]))
        assert response.status_code == 422
        assert "Hoàn Kiếm" in response.json()["detail"]

    async def test_at_an_establishment_without_naming_it(self, client: httpx.AsyncClient, world: World) -> None:
        response = await _post(client, world, establishment_id=None)
        assert response.status_code == 422

    async def test_two_ways_to_name_the_client(self, client: httpx.AsyncClient, world: World) -> None:
        response = await _post(client, world, client_id=str(world.clients["educator_1"]), client_code="DH-2222-2222")
        assert response.status_code == 422

    @pytest.mark.parametrize(("overrides", "field"), [
        ({"place": "street"}, "place"), ({"topics": ["politics"]}, "topics"), ({"needs": ["money"]}, "needs"),
        ({"materials": {"leaflets": -1}}, "materials"), ({"materials": {"guns": 1}}, "materials"),
        ({"topics": ["gbv", "gbv"]}, "topics"), ({"contacted_on": "20/11/2026"}, "contacted_on"),
        ({"client_id": str(__import__("uuid").UUID(int=5))}, "client_id"),
        ({"peer_group_id": str(__import__("uuid").UUID(int=5))}, "peer_group_id"),
    ])
    async def test_names_the_field(self, client: httpx.AsyncClient, world: World, overrides: dict[str, Any],
                                   field: str) -> None:
        response = await _post(client, world, **overrides)
        assert response.status_code == 422, response.text
        assert ["body", field] in [e["loc"][:2] for e in response.json()["errors"]]

    async def test_client_of_another_educator_is_unknown(self, client: httpx.AsyncClient, world: World) -> None:
        response = await _post(client, world, client_id=str(world.clients["educator_2"]))
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "client_id"]


class TestVisibility:
    async def test_case_worker_sees_the_whole_commune(self, client: httpx.AsyncClient, world: World) -> None:
        listed = await client.get(URL, headers=world.auth("case_worker"))
        ids = {c["id"] for c in listed.json()["items"]}
        assert ids == {str(world.contacts[k]) for k in ("educator_1", "educator_2", "case_worker")}

    async def test_educator_sees_only_her_own(self, client: httpx.AsyncClient, world: World) -> None:
        listed = await client.get(URL, headers=world.auth("peer_educator"))
        assert [c["id"] for c in listed.json()["items"]] == [str(world.contacts["educator_1"])]
        other = await client.get(f"{URL}/{world.contacts['educator_2']}", headers=world.auth("peer_educator"))
        assert other.status_code == 404

    async def test_timeline_of_a_client(self, client: httpx.AsyncClient, world: World) -> None:
        code = (await client.get(f"/api/v1/clients/{world.clients['educator_1']}",
                                 headers=world.auth("case_worker"))).json()["code"]
        await _post(client, world, account="case_worker", client_code=code, contacted_on="2026-11-21")
        timeline = await client.get(f"/api/v1/clients/{world.clients['educator_1']}/contacts",
                                    headers=world.auth("case_worker"))
        assert [c["contacted_on"] for c in timeline.json()["items"]] == ["2026-11-21", "2026-10-05"]
        own = await client.get(f"/api/v1/clients/{world.clients['educator_1']}/contacts",
                               headers=world.auth("peer_educator"))
        assert [c["contacted_on"] for c in own.json()["items"]] == ["2026-10-05"]
