"""Keyset pagination on every main list: walking two rows at a time yields exactly the rows of one big page,
in the same order, none twice — for ascending, descending and mixed sort keys."""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import httpx
import pytest

from tests.fixtures.world import World

LISTS = [
    ("/api/v1/establishments", {}), ("/api/v1/establishments", {"sort": "-created_at"}),
    ("/api/v1/contacts", {}), ("/api/v1/clients", {}), ("/api/v1/referrals", {}), ("/api/v1/activities", {}),
    ("/api/v1/peer-groups", {}), ("/api/v1/users", {}), ("/api/v1/audit-events", {}), ("/api/v1/reports", {}),
    ("/api/v1/org-units", {"parent": None}),
]


async def _more_rows(client: httpx.AsyncClient, world: World) -> None:
    # Same dates on purpose: ties on the first sort key must be broken by the next ones.
    for i in range(5):
        response = await client.post("/api/v1/contacts", headers=world.auth("program_manager"), json={
            "contacted_on": (date(2026, 10, 5) - timedelta(days=i % 2)).isoformat(),
            "org_unit_id": str(world.units["ba_dinh"].id), "place": "community"})
        assert response.status_code == 201, response.text
    for name in ("Nhóm Sen Hồng", "Nhóm Sen Trắng"):
        response = await client.post("/api/v1/peer-groups", headers=world.auth("program_manager"), json={
            "name": name, "kind": "peer_group", "org_unit_id": str(world.units["ba_dinh"].id)})
        assert response.status_code == 201, response.text
    for period in ("2026Q1", "2026Q2", "2026-07"):
        await client.post("/api/v1/reports", headers=world.auth("case_worker"),
                          json={"org_unit_id": str(world.units["ba_dinh"].id), "period": period})


@pytest.mark.parametrize(("path", "params"), LISTS)
async def test_walking_the_pages_yields_every_row_once(client: httpx.AsyncClient, world: World, path: str,
                                                       params: dict[str, object]) -> None:
    started = datetime.now(UTC)
    await _more_rows(client, world)
    if path == "/api/v1/audit-events":
        # The log keeps what earlier tests committed for real; the walk covers this test's events (a 200-page
        # walk of two rows could not reach the end of a long log).
        params = {"since": started.isoformat()}
    account = "admin" if path in ("/api/v1/users", "/api/v1/audit-events") else "program_manager"
    if params.get("parent", 1) is None:
        params = {"parent": str(world.units["hanoi"].id)}
    whole = await client.get(path, params=params | {"limit": 500}, headers=world.auth(account))
    assert whole.status_code == 200, whole.text
    expected = [item["id"] for item in whole.json()["items"]]
    assert len(expected) >= 3, path
    walked, cursor, pages = [], None, 0
    while True:
        query = params | {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = await client.get(path, params=query, headers=world.auth(account))
        assert page.status_code == 200, page.text
        walked += [item["id"] for item in page.json()["items"]]
        cursor, pages = page.json()["next_cursor"], pages + 1
        if not cursor or pages > 200:
            break
    if path == "/api/v1/audit-events":
        # Newest first, and the walk's own reads are audited as it goes (above the first page): what was
        # there before the walk comes out once each, in order.
        assert len(set(walked)) == len(walked)
        assert [i for i in walked if i in set(expected)] == expected
        return
    assert walked == expected
