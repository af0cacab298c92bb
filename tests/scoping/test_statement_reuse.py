"""List statements are built once per caller and filter shape and reused with each request's values
(ScopedRepository.page_rows). Reuse must never carry one caller's scope, or one request's filter values or
cursor, into another's answer."""
from __future__ import annotations

from datetime import date, timedelta

import httpx

from donghanh.core import repository
from tests.fixtures.world import World

LISTS = ["/api/v1/contacts", "/api/v1/clients", "/api/v1/referrals", "/api/v1/establishments"]


async def _ids(client: httpx.AsyncClient, world: World, account: str, path: str, **params: object) -> list[str]:
    response = await client.get(path, params=params, headers=world.auth(account))
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


async def test_callers_in_turn_each_see_only_their_own_area(client: httpx.AsyncClient, world: World) -> None:
    for path in LISTS:
        hanoi = await _ids(client, world, "program_manager", path)
        hcm = await _ids(client, world, "program_manager_hcm", path)
        assert hanoi and hcm, path
        assert not set(hanoi) & set(hcm), path
        # Asked again in the other order, from the statements now cached: the same answers.
        assert await _ids(client, world, "program_manager_hcm", path) == hcm
        assert await _ids(client, world, "program_manager", path) == hanoi


async def test_each_request_brings_its_own_filter_values(client: httpx.AsyncClient, world: World) -> None:
    day = date(2026, 10, 5)
    for offset in range(3):
        response = await client.post("/api/v1/contacts", headers=world.auth("program_manager"), json={
            "contacted_on": (day + timedelta(days=offset)).isoformat(),
            "org_unit_id": str(world.units["ba_dinh"].id), "place": "community"})
        assert response.status_code == 201, response.text
    everything = await client.get("/api/v1/contacts", params={"limit": 500}, headers=world.auth("program_manager"))
    rows = everything.json()["items"]
    for offset in (2, 0, 1, 2):  # same shape, values changing, and back
        since = (day + timedelta(days=offset)).isoformat()
        got = await _ids(client, world, "program_manager", "/api/v1/contacts", since=since, limit=500)
        assert set(got) == {row["id"] for row in rows if row["contacted_on"] >= since}, since
    every = await client.get("/api/v1/referrals", params={"limit": 500}, headers=world.auth("program_manager"))
    for status in ("sent", "draft", "sent"):
        got = await _ids(client, world, "program_manager", "/api/v1/referrals", status=status, limit=500)
        expected = {row["id"] for row in every.json()["items"] if row["status"] == status}
        assert expected and set(got) == expected, status


async def test_a_cursor_moves_the_same_statement_along(client: httpx.AsyncClient, world: World) -> None:
    whole = await _ids(client, world, "program_manager", "/api/v1/contacts", limit=500)
    first = await client.get("/api/v1/contacts", params={"limit": 1}, headers=world.auth("program_manager"))
    cursor = first.json()["next_cursor"]
    second = await client.get("/api/v1/contacts", params={"limit": 1, "cursor": cursor},
                              headers=world.auth("program_manager"))
    third = await client.get("/api/v1/contacts", params={"limit": 1, "cursor": second.json()["next_cursor"]},
                             headers=world.auth("program_manager"))
    walked = [page.json()["items"][0]["id"] for page in (first, second, third)]
    assert walked == whole[:3]


def test_the_statement_cache_stays_bounded() -> None:
    assert len(repository._statements) <= repository.STATEMENT_CACHE_SIZE
