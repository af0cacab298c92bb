"""The dashboard shows the same figures as the indicators and the reports; viewers never see a count
from 1 to 4 anywhere, nor one they could work out from a total."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx
import pytest

from tests.fixtures.world import World

URL = "/api/v1/dashboard"


async def _contacts(client: httpx.AsyncClient, world: World, unit: str, n: int, on: str = "2026-10-12") -> None:
    for i in range(n):
        response = await client.post("/api/v1/contacts", headers=world.auth("program_manager"), json={
            "contacted_on": on, "org_unit_id": str(world.units[unit].id), "place": "community",
            "needs": ["loan"] if i % 2 else []})
        assert response.status_code == 201, response.text


async def _dashboard(client: httpx.AsyncClient, world: World, account: str, unit: str = "hanoi",
                     period: str = "2026Q4") -> dict[str, Any]:
    response = await client.get(URL, params={"org_unit": str(world.units[unit].id), "period": period},
                                headers=world.auth(account))
    assert response.status_code == 200, response.text
    return response.json()


async def _indicator(client: httpx.AsyncClient, world: World, unit: str, period: str, code: str) -> Any:
    response = await client.get("/api/v1/indicators", headers=world.auth("program_manager"), params={
        "org_unit": str(world.units[unit].id), "period": period, "indicators": code})
    return response.json()["indicators"][0]["value"]


async def test_the_same_figures_as_the_indicators(client: httpx.AsyncClient, world: World) -> None:
    await _contacts(client, world, "ba_dinh", 6)
    await _contacts(client, world, "hoan_kiem", 2, on="2026-11-03")
    board = await _dashboard(client, world, "program_manager")
    assert board["suppressed"] is False and board["org_unit_name"] == "Thành phố Hà Nội"
    cards = {c["code"]: c["value"] for c in board["cards"]}
    assert cards["people_reached"] == await _indicator(client, world, "hanoi", "2026Q4", "people_reached")
    assert [s["code"] for s in board["cascade"]["steps"]] == [
        "people_reached", "people_with_needs", "people_referred", "referrals_completed"]
    assert Decimal(board["cascade"]["referral_rate_target"]) == Decimal("0.5")
    assert board["cascade"]["target_source"] == "default"
    months = [p["month"] for p in board["trend"]]
    assert months[0] == "2026-01" and months[-1] == "2026-12" and len(months) == 12
    october = next(p for p in board["trend"] if p["month"] == "2026-10")
    assert october["values"]["people_reached"] == await _indicator(client, world, "hanoi", "2026-10",
                                                                   "people_reached")
    rows = {r["org_unit_id"]: r for r in board["by_unit"]}
    assert len(rows) > 100  # Hà Nội's communes
    ba_dinh = rows[str(world.units["ba_dinh"].id)]["values"]
    assert ba_dinh["people_reached"] == await _indicator(client, world, "ba_dinh", "2026Q4", "people_reached")
    assert rows[str(world.units["hoan_kiem"].id)]["values"]["people_reached"] == 2


async def test_the_plan_sets_the_referral_target(client: httpx.AsyncClient, world: World) -> None:
    response = await client.post("/api/v1/plans", headers=world.auth("program_manager"), json={
        "org_unit_id": str(world.units["hanoi"].id), "year": 2026, "number": "12/KH-UBND", "title": "Kế hoạch 2026",
        "targets": [{"indicator": "referral_rate", "target_value": "0.6"}]})
    assert response.status_code == 201, response.text
    cascade = (await _dashboard(client, world, "viewer"))["cascade"]
    assert (Decimal(cascade["referral_rate_target"]), cascade["target_source"]) == (Decimal("0.6"), "plan")


def _counts(node: Any, path: str = "") -> list[tuple[str, Any]]:
    """Every figure in a response that is a count of people or records (not money, rates, ids)."""
    found: list[tuple[str, Any]] = []
    if isinstance(node, dict):
        code = node.get("code", "")
        for key, value in node.items():
            if key in ("version", "referral_rate_target", "referral_rate") or code.endswith(("_vnd", "_rate")):
                continue
            if str(key).endswith(("_vnd", "_rate", "days_to_completion")):
                continue
            found += _counts(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            found += _counts(item, f"{path}[{index}]")
    elif isinstance(node, int) and not isinstance(node, bool):
        found.append((path, node))
    return found


def _recoverable(total: Any, cells: dict[str, Any]) -> bool:
    """A hidden cell is recoverable when the total is shown and it is the only hidden one."""
    hidden = [v for v in cells.values() if isinstance(v, str)]
    return isinstance(total, int) and len(hidden) == 1


@pytest.mark.parametrize("account", ["viewer", "finance_officer"])
async def test_viewers_see_no_small_count_nor_derive_one(client: httpx.AsyncClient, world: World,
                                                         account: str) -> None:
    # Ba Đình 6 more people, Hoàn Kiếm 2: the Hà Nội total is shown, so hiding Hoàn Kiếm alone would
    # give it away (total − Ba Đình); a second cell must be hidden too.
    await _contacts(client, world, "ba_dinh", 6)
    await _contacts(client, world, "hoan_kiem", 2, on="2026-11-03")
    board = await _dashboard(client, world, account)
    assert board["suppressed"] is True
    small = [(path, v) for path, v in _counts(board) if 0 < v < 5]
    assert small == []
    cards = {c["code"]: c for c in board["cards"]}
    reached = cards["people_reached"]["value"]
    assert isinstance(reached, int) and reached >= 5
    column = {r["org_unit_id"]: r["values"]["people_reached"] for r in board["by_unit"]}
    assert column[str(world.units["hoan_kiem"].id)] == "<5"
    assert not _recoverable(reached, column)
    for card in board["cards"]:
        for cells in card["breakdown"].values():
            assert not _recoverable(card["value"], cells), card["code"]

    # The same on a report of the province and on the raw indicators.
    created = await client.post("/api/v1/reports", headers=world.auth("program_manager"),
                                json={"org_unit_id": str(world.units["hanoi"].id), "period": "2026Q4"})
    report = (await client.get(f"/api/v1/reports/{created.json()['id']}", headers=world.auth(account))).json()
    assert [(p, v) for p, v in _counts(report["values"]) if 0 < v < 5] == []
    for item in report["values"]:
        for cells in item["breakdown"].values():
            assert not _recoverable(item["value"], cells), item["code"]
    raw = (await client.get("/api/v1/indicators", headers=world.auth(account), params={
        "org_unit": str(world.units["hanoi"].id), "period": "2026Q4", "by": "sex,age_group,group"})).json()
    assert [(p, v) for p, v in _counts(raw["indicators"]) if 0 < v < 5] == []


async def test_bad_requests(client: httpx.AsyncClient, world: World) -> None:
    bad = await client.get(URL, params={"org_unit": str(world.units["hanoi"].id), "period": "2026Q9"},
                           headers=world.auth("viewer"))
    assert bad.status_code == 422 and "YYYYQn" in bad.json()["detail"]
    elsewhere = await client.get(URL, params={"org_unit": str(world.units["hanoi"].id), "period": "2026"},
                                 headers=world.auth("program_manager_hcm"))
    assert elsewhere.status_code == 404
