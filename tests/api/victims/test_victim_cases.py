"""Victims of trafficking: intake to reintegration, confidentiality, statistics and the anonymised release."""
from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.api import route_inventory
from donghanh.victim_cases import ctdc
from tests.fixtures.world import ACCOUNTS, World

URL = "/api/v1/victim-cases"
MAY = {"program_manager", "case_worker"}
HIDDEN_FROM = [a for a in ACCOUNTS if a not in MAY | {"program_manager_hcm"}]


async def _intake(client: httpx.AsyncClient, world: World, account: str = "case_worker", **kw: Any) -> dict[str, Any]:
    body = {"reported_on": "2026-11-01", "org_unit_id": str(world.units["ba_dinh"].id), "sex": "female",
            "birth_year": 2005, "exploitation": "sexual", "exploitation_country": "CN",
            "intake_notes": "Người gọi là mẹ của nạn nhân, cho biết con gái bị đưa sang Trung Quốc"} | kw
    response = await client.post(f"{URL}/intake", json=body, headers=world.auth(account))
    assert response.status_code == 201, response.text
    return response.json()


async def _step(client: httpx.AsyncClient, world: World, case_id: str, to: str, **kw: Any) -> httpx.Response:
    return await client.post(f"{URL}/{case_id}/transitions", json={"to": to, "on": "2026-11-05"} | kw,
                             headers=world.auth("case_worker"))


class TestJourney:
    async def test_hotline_intake_to_supports(self, client: httpx.AsyncClient, world: World) -> None:
        case = await _intake(client, world)
        assert case["status"] == "under_identification" and case["client_code"].startswith("DH-")
        assert case["allowed_transitions"] == ["identified", "closed"]
        assert (await _step(client, world, case["id"], "identified")).json()["identified_on"] == "2026-11-05"
        received = await _step(client, world, case["id"], "received")
        assert received.json()["received_on"] == "2026-11-05"
        for support_type, amount in [("essential_needs", 1_500_000), ("psychological_counselling", 0)]:
            response = await client.post(f"{URL}/{case['id']}/supports", headers=world.auth("case_worker"), json={
                "support_type": support_type, "provided_on": "2026-11-06", "amount_vnd": amount,
                "provider_id": str(world.organisations["health_hanoi"])})
            assert response.status_code == 201, response.text
        full = (await client.get(f"{URL}/{case['id']}", headers=world.auth("case_worker"))).json()
        assert full["supports_total_vnd"] == 1_500_000 and len(full["supports"]) == 2
        assert [h["to_status"] for h in full["history"]] == ["under_identification", "identified", "received"]
        person = (await client.get(f"/api/v1/clients/{case['client_id']}", headers=world.auth("case_worker"))).json()
        assert person["group"] == "trafficking_victim" and person["has_identity"] is False

    async def test_steps_go_one_at_a_time(self, client: httpx.AsyncClient, world: World) -> None:
        case = await _intake(client, world)
        jump = await _step(client, world, case["id"], "received")
        assert jump.status_code == 409 and jump.json()["allowed"] == ["identified", "closed"]

    async def test_closing_needs_a_reason_and_ends_everything(self, client: httpx.AsyncClient, world: World) -> None:
        case = await _intake(client, world)
        assert (await _step(client, world, case["id"], "closed")).status_code == 422
        closed = await _step(client, world, case["id"], "closed", reason="Không phải nạn nhân sau xác minh")
        assert closed.json()["closed_on"] == "2026-11-05" and closed.json()["allowed_transitions"] == []
        support = await client.post(f"{URL}/{case['id']}/supports", headers=world.auth("case_worker"),
                                    json={"support_type": "essential_needs", "provided_on": "2026-11-06"})
        assert support.status_code == 409

    async def test_only_essential_needs_before_identification(self, client: httpx.AsyncClient,
                                                              world: World) -> None:
        case = await _intake(client, world)
        loan = await client.post(f"{URL}/{case['id']}/supports", headers=world.auth("case_worker"),
                                 json={"support_type": "loan", "provided_on": "2026-11-06", "amount_vnd": 10_000_000})
        assert loan.status_code == 409

    @pytest.mark.parametrize(("body", "field"), [
        ({"amount_vnd": 1.5}, "amount_vnd"), ({"amount_vnd": -5}, "amount_vnd"),
        ({"support_type": "cash"}, "support_type"),
        ({"provided_on": "2099-01-01"}, "provided_on"), ({"provided_on": "2026-10-01"}, "provided_on"),
    ])
    async def test_bad_supports(self, client: httpx.AsyncClient, world: World, body: dict[str, Any],
                                field: str) -> None:
        case = await _intake(client, world)
        response = await client.post(f"{URL}/{case['id']}/supports", headers=world.auth("case_worker"),
                                     json={"support_type": "essential_needs", "provided_on": "2026-11-06"} | body)
        assert response.status_code == 422
        assert ["body", field] in [e["loc"][:2] for e in response.json()["errors"]]

    async def test_referral_without_consent_needs_a_legal_basis(self, client: httpx.AsyncClient,
                                                                world: World) -> None:
        case = await _intake(client, world)
        response = await client.post("/api/v1/referrals", headers=world.auth("case_worker"), json={
            "client_id": case["client_id"], "service_type": "legal_counselling", "send": True,
            "to_organisation_id": str(world.organisations["legal_aid_hanoi"])})
        assert response.status_code == 422

    async def test_intake_notes_are_encrypted_at_rest(self, client: httpx.AsyncClient, world: World,
                                                      session: AsyncSession) -> None:
        case = await _intake(client, world)
        assert case["intake_notes"]
        raw = await session.scalar(text("SELECT intake_notes FROM victim_case ORDER BY created_at DESC LIMIT 1"))
        assert raw.startswith("v1:") and "Trung Quốc" not in raw


class TestConfidentiality:
    @pytest.mark.parametrize("account", HIDDEN_FROM)
    async def test_every_case_route_is_404_for_roles_that_may_not_see_victims(
        self, client: httpx.AsyncClient, world: World, account: str
    ) -> None:
        case = await _intake(client, world)
        for method, path, _ in route_inventory():
            if not path.startswith(URL + "/{case_id}"):
                continue
            response = await client.request(method, path.replace("{case_id}", case["id"]),
                                             json={"to": "identified"}, headers=world.auth(account))
            assert response.status_code == 404, (method, path, response.text)

    async def test_other_province_gets_404(self, client: httpx.AsyncClient, world: World) -> None:
        case = await _intake(client, world)
        response = await client.get(f"{URL}/{case['id']}", headers=world.auth("program_manager_hcm"))
        assert response.status_code == 404

    @pytest.mark.parametrize("account", ["service_provider", "inspector", "finance_officer", "viewer"])
    async def test_victim_status_never_appears(self, client: httpx.AsyncClient, world: World, account: str) -> None:
        case = await _intake(client, world)
        await _step(client, world, case["id"], "identified")
        await client.post("/api/v1/referrals", headers=world.auth("case_worker"), json={
            "client_id": case["client_id"], "service_type": "legal_counselling", "send": True,
            "to_organisation_id": str(world.organisations["legal_aid_hanoi"]),
            "legal_basis": "Luật 53/2024", "legal_basis_reason": "Khẩn cấp"})
        for method, path, _ in route_inventory():
            if method != "GET" or "{" in path or path.endswith(("/statistics", "/ctdc", "/hsds")):
                continue
            response = await client.get(path, headers=world.auth(account))
            # (A provider does see the referred person's pseudonymous code: that is the referral's minimum.)
            for needle in ("trafficking_victim", "under_identification", "intake_notes"):
                assert needle not in response.text, (path, needle)

    async def test_reads_are_audited(self, client: httpx.AsyncClient, world: World) -> None:
        case = await _intake(client, world)
        await client.get(f"{URL}/{case['id']}", headers=world.auth("program_manager"))
        events = (await client.get("/api/v1/audit-events", params={"resource_id": case["id"]},
                                   headers=world.auth("admin"))).json()["items"]
        assert ("read", "program.manager") in [(e["action"], e["actor_name"]) for e in events]


class TestStatistics:
    async def test_viewer_sees_small_cells_hidden(self, client: httpx.AsyncClient, world: World) -> None:
        for _ in range(6):
            case = await _intake(client, world)
            await _step(client, world, case["id"], "identified")
        other = await _intake(client, world, sex="male", exploitation="forced_labour", exploitation_country="MY")
        await _step(client, world, other["id"], "identified")
        params = {"since": "2026-11-01", "until": "2026-11-30"}
        exact = (await client.get(f"{URL}/statistics", params=params, headers=world.auth("case_worker"))).json()
        assert exact["identified"] == 7 and exact["identified_by"]["sex"] == {"female": 6, "male": 1}
        hidden = (await client.get(f"{URL}/statistics", params=params, headers=world.auth("viewer"))).json()
        assert hidden["suppressed"] is True and hidden["identified"] == 7
        # One hidden cell would be recoverable from the total: the next smallest is hidden too.
        assert hidden["identified_by"]["sex"] == {"female": "suppressed", "male": "<5"}
        assert hidden["identified_by"]["exploitation"] == {"sexual": "suppressed", "forced_labour": "<5"}

    async def test_inspector_gets_no_statistics(self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.get(f"{URL}/statistics", params={"since": "2026-01-01", "until": "2026-12-31"},
                                    headers=world.auth("inspector"))
        assert response.status_code == 403


CASES = st.lists(st.fixed_dictionaries({
    "sex": st.sampled_from(["female", "male", "unknown"]),
    "birth_year": st.one_of(st.none(), st.integers(1970, 2012)),
    "exploitation": st.sampled_from(["sexual", "forced_labour", "forced_marriage", "unknown"]),
    "source": st.sampled_from(["hotline_111", "police", "border_guard"]),
    "identified_day": st.one_of(st.none(), st.integers(0, 40)),
    "supports": st.lists(st.tuples(st.sampled_from(["essential_needs", "loan", "education"]),
                                   st.integers(0, 20_000_000), st.integers(0, 40)), max_size=3),
}), min_size=1, max_size=8)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cases=CASES)
async def test_statistics_equal_an_independent_sql_count(client: httpx.AsyncClient, world: World,
                                                         session: AsyncSession, cases: list[dict[str, Any]]) -> None:
    start = date(2026, 9, 1)
    for c in cases:
        case = await _intake(client, world, sex=c["sex"], birth_year=c["birth_year"], exploitation=c["exploitation"],
                             source=c["source"], reported_on=start.isoformat())
        if c["identified_day"] is not None:
            on = (start + timedelta(days=c["identified_day"])).isoformat()
            await client.post(f"{URL}/{case['id']}/transitions", json={"to": "identified", "on": on},
                              headers=world.auth("case_worker"))
        for support_type, amount, day in c["supports"]:
            await client.post(f"{URL}/{case['id']}/supports", headers=world.auth("case_worker"), json={
                "support_type": support_type, "amount_vnd": amount,
                "provided_on": (start + timedelta(days=day)).isoformat()})
    since, until = date(2026, 9, 10), date(2026, 10, 5)
    stats = (await client.get(f"{URL}/statistics", params={"since": since.isoformat(), "until": until.isoformat()},
                              headers=world.auth("program_manager"))).json()
    args = {"s": since, "u": until}
    identified = await session.scalar(text(
        "SELECT count(*) FROM victim_case WHERE identified_on BETWEEN :s AND :u"), args)
    assert stats["identified"] == identified
    by_sex = dict((await session.execute(text(
        "SELECT c.sex, count(*) FROM victim_case v JOIN client c ON c.id = v.client_id "
        "WHERE v.identified_on BETWEEN :s AND :u GROUP BY c.sex"), args)).all())
    assert stats["identified_by"]["sex"] == by_sex
    by_exploitation = dict((await session.execute(text(
        "SELECT exploitation, count(*) FROM victim_case WHERE identified_on BETWEEN :s AND :u "
        "GROUP BY exploitation"), args)).all())
    assert stats["identified_by"]["exploitation"] == by_exploitation
    supported = await session.scalar(text(
        "SELECT count(DISTINCT victim_case_id) FROM victim_support WHERE provided_on BETWEEN :s AND :u"), args)
    assert stats["supported"] == supported
    amounts = {t: int(a) for t, a in (await session.execute(text(
        "SELECT support_type, sum(amount_vnd) FROM victim_support WHERE provided_on BETWEEN :s AND :u "
        "GROUP BY support_type"), args)).all()}
    assert {t: v["amount_vnd"] for t, v in stats["supports_by_type"].items()} == amounts
    await session.execute(text("DELETE FROM victim_support"))
    await session.execute(text("DELETE FROM victim_case_event"))
    await session.execute(text("DELETE FROM victim_case"))


class TestCtdcExport:
    async def test_every_released_combination_occurs_at_least_k_times(
        self, client: httpx.AsyncClient, world: World
    ) -> None:
        profiles = ([("female", 2004, "sexual", "CN")] * 7 + [("female", 1990, "forced_labour", "MY")] * 5
                    + [("male", 1985, "forced_labour", "TH")] * 2 + [("female", 2008, "forced_marriage", "CN")] * 3
                    + [("male", 2000, "organ_removal", "KH")])
        for sex, year, exploitation, country in profiles:
            case = await _intake(client, world, sex=sex, birth_year=year, exploitation=exploitation,
                                 exploitation_country=country)
            await _step(client, world, case["id"], "identified")
        response = await client.get(f"{URL}/export/ctdc", params={"k": 5, "format": "json"},
                                    headers=world.auth("program_manager"))
        body = response.json()
        counts = Counter(tuple(r[q] for q in ctdc.QUASI_IDENTIFIERS) for r in body["records"])
        assert counts and all(n >= 5 for n in counts.values())
        assert len(body["records"]) + body["suppressed"] == len(profiles)
        assert body["records"][0]["Datasource"] == "Case Management"
        csv = await client.get(f"{URL}/export/ctdc", headers=world.auth("program_manager"))
        assert csv.headers["content-type"].startswith("text/csv")
        assert csv.text.splitlines()[0].startswith("yearOfRegistration,Datasource,gender,ageBroad")

    async def test_case_workers_cannot_export(self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.get(f"{URL}/export/ctdc", headers=world.auth("case_worker"))
        assert response.status_code == 403
