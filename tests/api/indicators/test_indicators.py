"""Indicators: periods, figures equal to independent SQL over the same data, small cells for viewers."""
from __future__ import annotations

from datetime import date
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.indicators.periods import parse_period
from tests.fixtures.world import World

URL = "/api/v1/indicators"


@pytest.mark.parametrize(("code", "start", "end"), [
    ("2026-02", date(2026, 2, 1), date(2026, 2, 28)), ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ("2026Q2", date(2026, 4, 1), date(2026, 6, 30)), ("2026Q4", date(2026, 10, 1), date(2026, 12, 31)),
    ("2026S1", date(2026, 1, 1), date(2026, 6, 30)), ("2026S2", date(2026, 7, 1), date(2026, 12, 31)),
    ("2026", date(2026, 1, 1), date(2026, 12, 31)),
])
def test_periods(code: str, start: date, end: date) -> None:
    period = parse_period(code)
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize("bad", ["2026Q5", "2026-13", "2026S3", "26Q1", "2026-1", "Q1 2026", "", "2026q1x"])
async def test_invalid_period_is_422_naming_the_format(client: httpx.AsyncClient, world: World, bad: str) -> None:
    response = await client.get(URL, params={"org_unit": str(world.units["hanoi"].id), "period": bad},
                                headers=world.auth("program_manager"))
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["query", "period"]
    assert "YYYYQn" in response.json()["detail"]


async def _report(client: httpx.AsyncClient, world: World, account: str, **params: Any) -> dict[str, Any]:
    response = await client.get(URL, params={"org_unit": str(world.units["hanoi"].id), "period": "2026"} | params,
                                headers=world.auth(account))
    assert response.status_code == 200, response.text
    return {i["code"]: i for i in response.json()["indicators"]} | {"_": response.json()}


async def test_people_indicators_equal_independent_sql(client: httpx.AsyncClient, world: World,
                                                       session: AsyncSession) -> None:
    # Two more contacts of one known person and an anonymous one with needs, in October 2026.
    for body in ({"client_id": str(world.clients["case_worker"]), "needs": ["loan"]},
                 {"client_id": str(world.clients["case_worker"]), "needs": []}, {"needs": ["shelter"]}):
        response = await client.post("/api/v1/contacts", headers=world.auth("case_worker"), json={
            "contacted_on": "2026-10-20", "org_unit_id": str(world.units["ba_dinh"].id), "place": "community"} | body)
        assert response.status_code == 201
    got = await _report(client, world, "program_manager", period="2026Q4", by="sex,group")
    window = {"s": date(2026, 10, 1), "e": date(2026, 12, 31)}
    hanoi = "SELECT id FROM org_unit WHERE path LIKE '/p01/%' OR path LIKE '/lp01/%'"
    distinct = await session.scalar(text(
        f"SELECT count(DISTINCT client_id) FROM outreach_contact WHERE contacted_on BETWEEN :s AND :e "
        f"AND client_id IS NOT NULL AND org_unit_id IN ({hanoi})"), window)
    anonymous = await session.scalar(text(
        f"SELECT count(*) FROM outreach_contact WHERE contacted_on BETWEEN :s AND :e AND client_id IS NULL "
        f"AND org_unit_id IN ({hanoi})"), window)
    # Three registered people (the world's October contacts) + one anonymous contact.
    assert got["people_reached"]["value"] == distinct + anonymous == 4
    assert got["people_with_needs"]["value"] == 4
    assert got["people_reached"]["breakdown"]["sex"] == {"female": 3, "unknown": 1}
    assert got["people_reached"]["breakdown"]["group"] == {"establishment_worker": 3, "unknown": 1}
    assert got["people_referred"]["value"] == 2  # educator_1's and case_worker's clients, sent on creation
    assert got["referral_rate"]["value"] == "0.5000"


async def test_other_indicators(client: httpx.AsyncClient, world: World) -> None:
    got = await _report(client, world, "program_manager", by="kind,type")
    assert got["establishments_total"]["value"] == 3  # Ba Đình, Hoàn Kiếm, the legacy one
    assert got["inspections"]["value"] == 3
    assert got["activities"]["value"] == 3 and got["activities"]["breakdown"]["kind"] == {"group_meeting": 3}
    assert got["participants"]["value"] == 66
    assert got["peer_groups_active"]["value"] == 1 and got["peer_group_members"]["value"] == 2
    hcm = await _report(client, world, "program_manager_hcm", org_unit=str(world.units["hcm"].id))
    assert hcm["establishments_total"]["value"] == 1 and hcm["people_reached"]["value"] == 1


async def test_viewer_gets_small_cells_hidden(client: httpx.AsyncClient, world: World) -> None:
    got = await _report(client, world, "viewer", period="2026Q4", by="sex")
    assert got["_"]["suppressed"] is True
    assert got["people_reached"]["value"] == "<5"
    assert got["activities"]["value"] == "<5"


async def test_unit_outside_the_callers_area_is_404(client: httpx.AsyncClient, world: World) -> None:
    response = await client.get(URL, params={"org_unit": str(world.units["hcm"].id), "period": "2026"},
                                headers=world.auth("program_manager"))
    assert response.status_code == 404


async def test_unknown_breakdown_and_indicator(client: httpx.AsyncClient, world: World) -> None:
    for params, field in (({"by": "shoe_size"}, "by"), ({"indicators": "happiness"}, "indicators")):
        response = await client.get(URL, params={"org_unit": str(world.units["hanoi"].id), "period": "2026"} | params,
                                    headers=world.auth("program_manager"))
        assert response.status_code == 422 and response.json()["errors"][0]["loc"] == ["query", field]


async def test_definitions_are_bilingual(client: httpx.AsyncClient, world: World) -> None:
    response = await client.get(f"{URL}/definitions", headers=world.auth("viewer"))
    codes = {d["code"]: d for d in response.json()}
    assert len(codes) == 20 and codes["referral_rate"]["label_vi"] == "Tỷ lệ người có nhu cầu được giới thiệu"
