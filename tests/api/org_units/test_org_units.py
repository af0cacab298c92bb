"""Administrative units: the current two levels, the legacy three, and a search that ignores accents."""
from __future__ import annotations

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.org_units.models import OrgUnit
from tests.fixtures.world import World

URL = "/api/v1/org-units"


async def _count(session: AsyncSession, *where: object) -> int:
    return await session.scalar(select(func.count()).select_from(OrgUnit).where(*where)) or 0


async def test_seeded_counts_match_the_sources(session: AsyncSession) -> None:
    current = OrgUnit.valid_to.is_(None)
    legacy = OrgUnit.valid_to.is_not(None)
    assert await _count(session, current, OrgUnit.level == "province") == 34
    assert await _count(session, current, OrgUnit.level == "commune") == 3321
    assert await _count(session, legacy, OrgUnit.level == "province") == 63
    assert await _count(session, legacy, OrgUnit.level == "district") == 696
    assert await _count(session, legacy, OrgUnit.level == "commune") == 10051
    # Every legacy province has a successor (Resolution 202/2025/QH15).
    assert await _count(session, legacy, OrgUnit.level == "province", OrgUnit.successor_id.is_(None)) == 0


@pytest.mark.parametrize("q", ["da nang", "ĐÀ NẴNG", "Đà Nẵng", "đà nẵng", "  Da   Nang "])
async def test_search_ignores_diacritics_and_case(client: httpx.AsyncClient, world: World, q: str) -> None:
    response = await client.get(URL, params={"q": q, "level": "province", "current": "true"},
                                headers=world.auth("viewer"))
    assert response.status_code == 200
    assert [u["name"] for u in response.json()["items"]] == ["Thành phố Đà Nẵng"]


async def test_current_false_lists_legacy_units_with_successors(client: httpx.AsyncClient, world: World) -> None:
    response = await client.get(URL, params={"q": "quang nam", "level": "province", "current": "false"},
                                headers=world.auth("viewer"))
    (quang_nam,) = response.json()["items"]
    assert quang_nam["valid_to"] == "2025-06-30"
    successor = (await client.get(f"{URL}/{quang_nam['successor_id']}", headers=world.auth("viewer"))).json()
    assert successor["name"] == "Thành phố Đà Nẵng"


async def test_children_of_a_province(client: httpx.AsyncClient, world: World) -> None:
    response = await client.get(URL, params={"parent": str(world.units["hanoi"].id), "limit": 500},
                                headers=world.auth("viewer"))
    items = response.json()["items"]
    assert len(items) == 126
    assert {u["level"] for u in items} == {"commune"}
    assert {u["parent_name"] for u in items} == {"Thành phố Hà Nội"}


async def test_legacy_districts_by_level(client: httpx.AsyncClient, world: World) -> None:
    response = await client.get(URL, params={"level": "district", "q": "ba dinh"}, headers=world.auth("viewer"))
    assert [u["name"] for u in response.json()["items"]] == ["Quận Ba Đình"]
    assert response.json()["items"][0]["valid_to"] == "2025-06-30"


async def test_pagination_walks_all_current_provinces(client: httpx.AsyncClient, world: World) -> None:
    names: list[str] = []
    cursor = None
    while True:
        params = {"level": "province", "current": "true", "limit": 10} | ({"cursor": cursor} if cursor else {})
        body = (await client.get(URL, params=params, headers=world.auth("viewer"))).json()
        names += [u["name"] for u in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert len(names) == len(set(names)) == 34


async def test_unknown_unit_is_404(client: httpx.AsyncClient, world: World) -> None:
    response = await client.get(f"{URL}/00000000-0000-0000-0000-000000000000", headers=world.auth("viewer"))
    assert response.status_code == 404


async def test_requires_sign_in(client: httpx.AsyncClient) -> None:
    assert (await client.get(URL)).status_code == 401


class TestAdministration:
    async def test_admin_records_a_merger_and_scope_follows(self, client: httpx.AsyncClient, world: World) -> None:
        created = await client.post(URL, headers=world.auth("admin"), json={
            "code": "90001", "name": "Phường Thử Nghiệm", "level": "commune",
            "parent_id": str(world.units["hcm"].id), "valid_from": "2026-01-01"})
        assert created.status_code == 201, created.text
        assert created.json()["path"] == "/p79/x90001/"
        # Hoàn Kiếm is merged into the new HCMC unit (a fiction for the test): its records follow.
        merged = await client.patch(f"{URL}/{world.units['hoan_kiem'].id}", headers=world.auth("admin"),
                                    json={"valid_to": "2026-06-30", "successor_id": created.json()["id"]})
        assert merged.status_code == 200
        assert merged.json()["successor_id"] == created.json()["id"]

    async def test_commune_needs_a_parent(self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.post(URL, headers=world.auth("admin"), json={
            "code": "90002", "name": "Xã Mồ Côi", "level": "commune"})
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "parent_id"]

    async def test_only_admin_edits_units(self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.patch(f"{URL}/{world.units['ba_dinh'].id}", headers=world.auth("program_manager"),
                                      json={"name": "Phường Mới"})
        assert response.status_code == 403


async def test_in_scope_limits_a_picker_to_the_callers_units(client: httpx.AsyncClient, world: World) -> None:
    mine = await client.get(URL, params={"q": "ben thanh", "in_scope": "true"}, headers=world.auth("program_manager"))
    assert mine.json()["items"] == []
    theirs = await client.get(URL, params={"q": "ben thanh", "in_scope": "true", "current": "true"},
                              headers=world.auth("program_manager_hcm"))
    assert [u["name"] for u in theirs.json()["items"]] == ["Phường Bến Thành"]
