"""The district officer's journey on the register, and what bad input gets."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import httpx
import pytest

from tests.fixtures.world import World

URL = "/api/v1/establishments"


def _new(world: World, **overrides: Any) -> dict[str, Any]:
    return {
        "name": "Karaoke Hoa Sữa", "type": "karaoke", "org_unit_id": str(world.units["ba_dinh"].id),
        "address": "Số 12, đường Đội Cấn, Phường Ba Đình, Thành phố Hà Nội", "owner_name": "Đặng Thị Huyền",
        "workers_female": 8, "workers_male": 2, "risk_level": "high",
        "latitude": 21.0356, "longitude": 105.8345, "commitment_signed_on": "2026-10-01",
    } | overrides


async def _create(client: httpx.AsyncClient, world: World, account: str = "program_manager", **kw: Any) -> Any:
    response = await client.post(URL, json=_new(world, **kw), headers=world.auth(account))
    assert response.status_code == 201, response.text
    return response


class TestCreate:
    async def test_manager_registers_a_karaoke_bar(self, client: httpx.AsyncClient, world: World) -> None:
        response = await _create(client, world)
        body = response.json()
        assert body["name"] == "Karaoke Hoa Sữa"
        assert body["org_unit_name"] == "Phường Ba Đình"
        assert body["commitment_signed_on"] == "2026-10-01"
        assert body["version"] == 1
        assert body["created_by"] == str(world.user_ids["program_manager"])
        assert response.headers["etag"] == f'"{body["id"].replace("-", "")}.1"'

    async def test_unit_outside_scope_is_reported_as_unknown(self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.post(URL, json=_new(world, org_unit_id=str(world.units["ben_thanh"].id)),
                                     headers=world.auth("case_worker"))
        assert response.status_code == 422
        assert response.json()["errors"] == [{"loc": ["body", "org_unit_id"],
                                              "msg": "No administrative unit with this id."}]

    async def test_unknown_unit_names_the_field(self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.post(URL, json=_new(world, org_unit_id="00000000-0000-0000-0000-000000000000"),
                                     headers=world.auth("program_manager"))
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "org_unit_id"]

    async def test_dissolved_unit_is_refused(self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.post(URL, json=_new(world, org_unit_id=str(world.units["legacy_truc_bach"].id)),
                                     headers=world.auth("program_manager"))
        assert response.status_code == 422
        assert "2025-06-30" in response.json()["detail"]

    async def test_duplicate_external_id_is_409(self, client: httpx.AsyncClient, world: World) -> None:
        await _create(client, world, external_id="HN-0001")
        response = await client.post(URL, json=_new(world, external_id="HN-0001"),
                                     headers=world.auth("program_manager"))
        assert response.status_code == 409
        assert response.json()["errors"][0]["loc"] == ["body", "external_id"]

    async def test_idempotency_key_replays_instead_of_doubling(self, client: httpx.AsyncClient, world: World) -> None:
        headers = world.auth("program_manager") | {"Idempotency-Key": "form-42"}
        first = await client.post(URL, json=_new(world), headers=headers)
        again = await client.post(URL, json=_new(world), headers=headers)
        assert first.status_code == again.status_code == 201
        assert again.json()["id"] == first.json()["id"]
        assert again.headers["idempotent-replayed"] == "true"
        listed = await client.get(URL, params={"q": "hoa sua"}, headers=world.auth("program_manager"))
        assert [i["id"] for i in listed.json()["items"]] == [first.json()["id"]]

    async def test_idempotency_key_reused_for_another_body_is_422(
        self, client: httpx.AsyncClient, world: World
    ) -> None:
        headers = world.auth("program_manager") | {"Idempotency-Key": "form-43"}
        await client.post(URL, json=_new(world), headers=headers)
        response = await client.post(URL, json=_new(world, name="Quán khác"), headers=headers)
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["header", "Idempotency-Key"]


class TestBadInput:
    @pytest.mark.parametrize(
        ("overrides", "field"),
        [
            ({"name": 42}, "name"),
            ({"name": "x" * 201}, "name"),
            ({"name": ""}, "name"),
            ({"type": "disco"}, "type"),
            ({"risk_level": "extreme"}, "risk_level"),
            ({"workers_female": -1}, "workers_female"),
            ({"workers_female": "7"}, "workers_female"),
            ({"workers_female": 2.5}, "workers_female"),
            ({"org_unit_id": "not-a-uuid"}, "org_unit_id"),
            ({"latitude": 48.85, "longitude": 2.35}, "latitude"),
            ({"commitment_signed_on": "31/12/2026"}, "commitment_signed_on"),
            ({"commitment_signed_on": (date.today() + timedelta(days=3)).isoformat()}, "commitment_signed_on"),
            ({"role": "admin"}, "role"),
        ],
    )
    async def test_names_the_field(
        self, client: httpx.AsyncClient, world: World, overrides: dict[str, Any], field: str
    ) -> None:
        response = await client.post(URL, json=_new(world, **overrides), headers=world.auth("program_manager"))
        assert response.status_code == 422, response.text
        assert response.headers["content-type"] == "application/problem+json"
        problem = response.json()
        assert problem["status"] == 422 and problem["title"] == "Validation failed"
        assert ["body", field] in [e["loc"][:2] for e in problem["errors"]]

    async def test_latitude_without_longitude_is_422(self, client: httpx.AsyncClient, world: World) -> None:
        body = _new(world)
        del body["longitude"]
        response = await client.post(URL, json=body, headers=world.auth("program_manager"))
        assert response.status_code == 422
        assert "latitude and longitude" in response.json()["detail"]

    async def test_malformed_json(self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.post(URL, content=b'{"name": "Karaoke', headers=world.auth("program_manager") | {
            "content-type": "application/json"})
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body"]
        assert response.json()["errors"][0]["msg"].startswith("Malformed JSON")

    async def test_bad_filter_value(self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.get(URL, params={"type": "disco"}, headers=world.auth("program_manager"))
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["query", "type"]

    async def test_garbage_cursor(self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.get(URL, params={"cursor": "%%%"}, headers=world.auth("program_manager"))
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["query", "cursor"]

    async def test_unknown_route_is_problem_404(self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.get("/api/v1/nothing-here", headers=world.auth("program_manager"))
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"


class TestListAndSearch:
    @pytest.mark.parametrize("q", ["hoa sua", "HOA SỮA", "Hoa Sữa", "karaoke hoa sua", "dang thi huyen", "doi can"])
    async def test_search_ignores_diacritics_and_case(
        self, client: httpx.AsyncClient, world: World, q: str
    ) -> None:
        created = (await _create(client, world)).json()
        response = await client.get(URL, params={"q": q}, headers=world.auth("program_manager"))
        assert [i["id"] for i in response.json()["items"]] == [created["id"]]

    async def test_filters_combine(self, client: httpx.AsyncClient, world: World) -> None:
        signed = (await _create(client, world, name="Massage Sen Vàng", type="massage_sauna")).json()
        await _create(client, world, name="Massage Sen Bạc", type="massage_sauna", commitment_signed_on=None)
        response = await client.get(URL, params={"type": "massage_sauna", "has_commitment": "true", "q": "sen",
                                                 "org_unit": str(world.units["ba_dinh"].id), "risk_level": "high"},
                                    headers=world.auth("program_manager"))
        assert [i["id"] for i in response.json()["items"]] == [signed["id"]]

    async def test_org_unit_filter_takes_the_subtree(self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.get(URL, params={"org_unit": str(world.units["hoan_kiem"].id)},
                                    headers=world.auth("program_manager"))
        assert [i["id"] for i in response.json()["items"]] == [str(world.establishments["hoan_kiem"])]

    async def test_keyset_pages_cover_everything_once(self, client: httpx.AsyncClient, world: World) -> None:
        for i in range(7):
            await _create(client, world, name=f"Quán Bia Số {i}", type="bar_club")
        seen: list[str] = []
        cursor = None
        pages = 0
        while True:
            params = {"type": "bar_club", "limit": 3} | ({"cursor": cursor} if cursor else {})
            body = (await client.get(URL, params=params, headers=world.auth("program_manager"))).json()
            seen += [i["name"] for i in body["items"]]
            pages += 1
            cursor = body["next_cursor"]
            if cursor is None:
                break
        assert pages == 3
        assert seen == [f"Quán Bia Số {i}" for i in range(7)]

    async def test_newest_first_sort(self, client: httpx.AsyncClient, world: World) -> None:
        a = (await _create(client, world, name="Spa Một", type="beauty_spa")).json()
        b = (await _create(client, world, name="Spa Hai", type="beauty_spa")).json()
        body = (await client.get(URL, params={"type": "beauty_spa", "sort": "-created_at"},
                                 headers=world.auth("program_manager"))).json()
        assert [i["id"] for i in body["items"]] == [b["id"], a["id"]]

    async def test_limit_above_500_is_refused(self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.get(URL, params={"limit": 501}, headers=world.auth("program_manager"))
        assert response.status_code == 422


class TestUpdate:
    async def test_commitment_recorded_with_if_match(self, client: httpx.AsyncClient, world: World) -> None:
        created = await _create(client, world, commitment_signed_on=None)
        url = f"{URL}/{created.json()['id']}"
        response = await client.patch(url, json={"commitment_signed_on": "2026-11-02"},
                                      headers=world.auth("program_manager") | {"If-Match": created.headers["etag"]})
        assert response.status_code == 200
        assert response.json()["commitment_signed_on"] == "2026-11-02"
        assert response.json()["version"] == 2
        assert response.headers["etag"] != created.headers["etag"]

    async def test_stale_if_match_is_412_and_changes_nothing(self, client: httpx.AsyncClient, world: World) -> None:
        created = await _create(client, world)
        url = f"{URL}/{created.json()['id']}"
        headers = world.auth("program_manager")
        await client.patch(url, json={"risk_level": "low"}, headers=headers | {"If-Match": created.headers["etag"]})
        stale = await client.patch(url, json={"risk_level": "medium"},
                                   headers=headers | {"If-Match": created.headers["etag"]})
        assert stale.status_code == 412
        assert (await client.get(url, headers=headers)).json()["risk_level"] == "low"

    async def test_missing_precondition_is_428(self, client: httpx.AsyncClient, world: World) -> None:
        created = await _create(client, world)
        response = await client.patch(f"{URL}/{created.json()['id']}", json={"risk_level": "low"},
                                      headers=world.auth("program_manager"))
        assert response.status_code == 428

    async def test_version_in_body_works_like_if_match(self, client: httpx.AsyncClient, world: World) -> None:
        created = await _create(client, world)
        url = f"{URL}/{created.json()['id']}"
        ok = await client.patch(url, json={"status": "suspended", "version": 1}, headers=world.auth("program_manager"))
        assert ok.status_code == 200
        stale = await client.patch(url, json={"status": "closed", "version": 1}, headers=world.auth("program_manager"))
        assert stale.status_code == 412

    async def test_null_for_a_required_field_is_422(self, client: httpx.AsyncClient, world: World) -> None:
        created = await _create(client, world)
        response = await client.patch(f"{URL}/{created.json()['id']}", json={"name": None},
                                      headers=world.auth("program_manager") | {"If-Match": "*"})
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "name"]


class TestInspections:
    async def test_inspector_records_an_inspection(self, client: httpx.AsyncClient, world: World) -> None:
        created = (await _create(client, world)).json()
        url = f"{URL}/{created['id']}/inspections"
        body = {"inspected_on": "2026-11-10", "team": [str(world.organisations["police_hanoi"]),
                                                       str(world.organisations["culture_hanoi"])],
                "findings": "Không có hợp đồng lao động cho 3 nhân viên", "violations": ["no_labour_contract"],
                "fine_amount_vnd": 7_500_000, "follow_up": "Tái kiểm tra sau 30 ngày"}
        response = await client.post(url, json=body, headers=world.auth("inspector"))
        assert response.status_code == 201, response.text
        assert response.json()["fine_amount_vnd"] == 7_500_000
        listed = (await client.get(url, headers=world.auth("program_manager"))).json()
        assert [i["violations"] for i in listed["items"]] == [["no_labour_contract"]]

    @pytest.mark.parametrize("fine", [1.5, "7500000", -1])
    async def test_fine_must_be_a_whole_non_negative_vnd_amount(
        self, client: httpx.AsyncClient, world: World, fine: Any
    ) -> None:
        url = f"{URL}/{world.establishments['ba_dinh']}/inspections"
        response = await client.post(url, json={"inspected_on": "2026-11-10", "fine_amount_vnd": fine},
                                     headers=world.auth("inspector"))
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "fine_amount_vnd"]

    async def test_unknown_team_organisation_is_422(self, client: httpx.AsyncClient, world: World) -> None:
        url = f"{URL}/{world.establishments['ba_dinh']}/inspections"
        response = await client.post(url, json={"inspected_on": "2026-11-10",
                                                "team": ["00000000-0000-0000-0000-000000000001"]},
                                     headers=world.auth("inspector"))
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "team"]

    async def test_inspection_of_another_establishment_is_404(self, client: httpx.AsyncClient, world: World) -> None:
        url = f"{URL}/{world.establishments['ba_dinh']}/inspections/{world.inspections['hoan_kiem']}"
        assert (await client.get(url, headers=world.auth("program_manager"))).status_code == 404


class TestNulCharacters:
    async def test_nul_in_a_json_string_is_422_naming_the_field(self, client: httpx.AsyncClient,
                                                                 world: World) -> None:
        response = await client.post(URL, json=_new(world, name="Karaoke\u0000X"),
                                     headers=world.auth("program_manager"))
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "name"]

    async def test_nul_in_a_query_is_422(self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.get(URL, params={"q": "a\u0000b"}, headers=world.auth("program_manager"))
        assert response.status_code == 422

    async def test_nul_in_the_sign_in_form_is_422(self, client: httpx.AsyncClient) -> None:
        response = await client.post("/api/v1/auth/token",
                                     data={"grant_type": "password", "username": "a\u0000", "password": "x"})
        assert response.status_code == 422
