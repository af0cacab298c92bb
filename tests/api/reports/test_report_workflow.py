"""Reports: a commune prepares and submits (figures freeze), the province returns or approves; due dates,
the overdue list, the XLSX an office sends, and who may do what."""
from __future__ import annotations

import io
from datetime import date
from typing import Any

import httpx
import pytest
from openpyxl import load_workbook

from donghanh.config import Settings
from donghanh.indicators.periods import parse_period
from donghanh.reports.service import due_date
from tests.fixtures.world import World

URL = "/api/v1/reports"


@pytest.mark.parametrize(("period", "due"), [
    ("2026-06", date(2026, 7, 5)), ("2026-12", date(2027, 1, 5)), ("2026Q2", date(2026, 6, 10)),
    ("2026Q4", date(2026, 12, 10)), ("2026S1", date(2026, 6, 10)), ("2026", date(2026, 12, 10)),
])
def test_due_dates_follow_product_rules(period: str, due: date) -> None:
    assert due_date(parse_period(period), Settings()) == due


def test_due_dates_are_configurable() -> None:
    settings = Settings(report_due_day_quarterly=15, report_due_day_monthly=3, report_due_annual_day=20)
    assert due_date(parse_period("2026Q1"), settings) == date(2026, 3, 15)
    assert due_date(parse_period("2026-02"), settings) == date(2026, 3, 3)
    assert due_date(parse_period("2026"), settings) == date(2026, 12, 20)


async def _create(client: httpx.AsyncClient, world: World, account: str = "case_worker", unit: str = "ba_dinh",
                  period: str = "2026Q4", **extra: Any) -> httpx.Response:
    return await client.post(URL, headers=world.auth(account),
                             json={"org_unit_id": str(world.units[unit].id), "period": period} | extra)


async def _step(client: httpx.AsyncClient, world: World, report_id: str, account: str, action: str,
                comment: str | None = None) -> httpx.Response:
    body = {"action": action} | ({"comment": comment} if comment else {})
    return await client.post(f"{URL}/{report_id}/transitions", json=body, headers=world.auth(account))


def _values(report: dict[str, Any]) -> dict[str, Any]:
    return {v["code"]: v for v in report["values"]}


async def _add_contact(client: httpx.AsyncClient, world: World, on: str = "2026-11-02") -> None:
    response = await client.post("/api/v1/contacts", headers=world.auth("case_worker"), json={
        "contacted_on": on, "org_unit_id": str(world.units["ba_dinh"].id), "place": "community",
        "needs": ["shelter"]})
    assert response.status_code == 201, response.text


class TestLifecycle:
    async def test_submit_freezes_return_resubmit_approve(self, client: httpx.AsyncClient, world: World) -> None:
        created = await _create(client, world, comment="Quý IV: nhóm hoạt động đều.")
        assert created.status_code == 201, created.text
        report = created.json()
        assert report["status"] == "draft" and report["values_frozen"] is False
        assert report["due_on"] == "2026-12-10" and report["can_submit"] is True
        reached = _values(report)["people_reached"]["value"]
        assert set(_values(report)["people_reached"]["breakdown"]) == {"sex", "age_group", "group"}

        # A draft follows the records.
        await _add_contact(client, world)
        draft = (await client.get(f"{URL}/{report['id']}", headers=world.auth("case_worker"))).json()
        assert _values(draft)["people_reached"]["value"] == reached + 1

        submitted = await _step(client, world, report["id"], "case_worker", "submit")
        assert submitted.status_code == 200, submitted.text
        assert submitted.json()["status"] == "submitted" and submitted.json()["values_frozen"] is True
        frozen = _values(submitted.json())

        # Records change afterwards: the submitted figures do not, the live indicator does.
        await _add_contact(client, world)
        again = (await client.get(f"{URL}/{report['id']}", headers=world.auth("program_manager"))).json()
        assert _values(again) == frozen
        live = (await client.get("/api/v1/indicators", headers=world.auth("program_manager"), params={
            "org_unit": str(world.units["ba_dinh"].id), "period": "2026Q4", "indicators": "people_reached"})).json()
        assert live["indicators"][0]["value"] == frozen["people_reached"]["value"] + 1
        assert again["can_review"] is True

        # The commune cannot approve its own report; a return must say why.
        assert (await _step(client, world, report["id"], "case_worker", "approve")).status_code == 403
        no_reason = await _step(client, world, report["id"], "program_manager", "return")
        assert no_reason.status_code == 422 and no_reason.json()["errors"][0]["loc"] == ["body", "comment"]
        returned = await _step(client, world, report["id"], "program_manager", "return", "Thiếu số liệu tháng 11.")
        assert returned.status_code == 200 and returned.json()["status"] == "returned"
        assert returned.json()["review_comment"] == "Thiếu số liệu tháng 11."
        assert returned.json()["values_frozen"] is False  # back with the commune: figures follow the records

        resubmitted = await _step(client, world, report["id"], "case_worker", "submit", "Đã bổ sung.")
        assert resubmitted.status_code == 200
        assert _values(resubmitted.json())["people_reached"]["value"] == reached + 2
        approved = await _step(client, world, report["id"], "program_manager", "approve")
        assert approved.status_code == 200 and approved.json()["status"] == "approved"
        assert [e["action"] for e in approved.json()["history"]] == ["create", "submit", "return", "submit", "approve"]
        assert approved.json()["history"][2]["comment"] == "Thiếu số liệu tháng 11."

        # Approved is final.
        assert (await _step(client, world, report["id"], "case_worker", "submit")).status_code == 409
        assert (await _step(client, world, report["id"], "program_manager", "return", "x")).status_code == 409
        patched = await client.patch(f"{URL}/{report['id']}", headers=world.auth("case_worker"),
                                     json={"comment": "x", "version": approved.json()["version"]})
        assert patched.status_code == 409

    async def test_one_report_per_unit_and_period(self, client: httpx.AsyncClient, world: World) -> None:
        assert (await _create(client, world)).status_code == 201
        second = await _create(client, world)
        assert second.status_code == 409
        assert second.headers["content-type"].startswith("application/problem+json")

    async def test_the_province_does_not_approve_its_own_report(self, client: httpx.AsyncClient,
                                                                world: World) -> None:
        report = (await _create(client, world, "program_manager", "hanoi")).json()
        assert (await _step(client, world, report["id"], "program_manager", "submit")).status_code == 200
        refused = await _step(client, world, report["id"], "program_manager", "approve")
        assert refused.status_code == 403
        assert "level above" in refused.json()["detail"]

    async def test_the_level_above_does_not_hand_in_a_communes_report(self, client: httpx.AsyncClient,
                                                                       world: World) -> None:
        report = (await _create(client, world)).json()
        seen = (await client.get(f"{URL}/{report['id']}", headers=world.auth("program_manager"))).json()
        assert seen["can_submit"] is False
        refused = await _step(client, world, report["id"], "program_manager", "submit")
        assert refused.status_code == 403
        edit = await client.patch(f"{URL}/{report['id']}", json={"comment": "x", "version": report["version"]},
                                  headers=world.auth("program_manager"))
        assert edit.status_code == 403

    async def test_comment_edits_need_the_version(self, client: httpx.AsyncClient, world: World) -> None:
        created = await _create(client, world)
        report_id, etag = created.json()["id"], created.headers["ETag"]
        assert (await client.patch(f"{URL}/{report_id}", json={"comment": "a"},
                                   headers=world.auth("case_worker"))).status_code == 428
        ok = await client.patch(f"{URL}/{report_id}", json={"comment": "Nhận xét mới"},
                                headers=world.auth("case_worker") | {"If-Match": etag})
        assert ok.status_code == 200 and ok.json()["comment"] == "Nhận xét mới"
        stale = await client.patch(f"{URL}/{report_id}", json={"comment": "b"},
                                   headers=world.auth("case_worker") | {"If-Match": etag})
        assert stale.status_code == 412

    @pytest.mark.parametrize(("body", "field"), [
        ({"period": "2026Q5"}, "period"), ({"period": "2027"}, "period"),
        ({"org_unit_id": "00000000-0000-0000-0000-000000000000"}, "org_unit_id"),
    ])
    async def test_bad_reports_are_422(self, client: httpx.AsyncClient, world: World, body: dict[str, str],
                                       field: str) -> None:
        response = await client.post(URL, headers=world.auth("case_worker"), json={
            "org_unit_id": str(world.units["ba_dinh"].id), "period": "2026Q4"} | body)
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", field]

    async def test_a_dissolved_unit_reports_only_its_own_periods(self, client: httpx.AsyncClient,
                                                                 world: World) -> None:
        assert (await _create(client, world, "program_manager", "legacy_truc_bach", "2026Q1")).status_code == 422
        legacy = await _create(client, world, "program_manager", "legacy_truc_bach", "2024Q4")
        assert legacy.status_code == 201, legacy.text


class TestWhoMay:
    async def test_outside_the_area_is_404(self, client: httpx.AsyncClient, world: World) -> None:
        report = (await _create(client, world)).json()
        for account in ("program_manager_hcm", "admin", "inspector", "peer_educator", "service_provider"):
            response = await client.get(f"{URL}/{report['id']}", headers=world.auth(account))
            assert response.status_code in (403, 404), account
        assert (await client.get(f"{URL}/{report['id']}", headers=world.auth("program_manager_hcm"))
                ).status_code == 404
        hcm = await _step(client, world, report["id"], "program_manager_hcm", "submit")
        assert hcm.status_code == 404

    async def test_creating_for_a_unit_outside_the_area_is_refused(self, client: httpx.AsyncClient,
                                                                   world: World) -> None:
        response = await _create(client, world, "case_worker", "hoan_kiem")
        assert response.status_code == 422

    async def test_viewers_read_but_do_not_write(self, client: httpx.AsyncClient, world: World) -> None:
        report = (await _create(client, world)).json()
        assert (await _create(client, world, "viewer", "hanoi")).status_code == 403
        assert (await _step(client, world, report["id"], "viewer", "submit")).status_code == 403
        seen = await client.get(f"{URL}/{report['id']}", headers=world.auth("viewer"))
        assert seen.status_code == 200 and seen.json()["suppressed"] is True
        for value in seen.json()["values"]:
            if isinstance(value["value"], int) and not value["code"].endswith("_vnd"):
                assert not 0 < value["value"] < 5, value


class TestOverdue:
    async def test_overdue_lists_late_children(self, client: httpx.AsyncClient, world: World) -> None:
        report = (await _create(client, world, period="2026Q3")).json()
        params = {"org_unit": str(world.units["hanoi"].id), "period": "2026Q3", "as_of": "2026-09-11"}
        late = (await client.get(f"{URL}/overdue", params=params, headers=world.auth("program_manager"))).json()
        assert late["due_on"] == "2026-09-10" and late["expected"] > 100  # Hà Nội's communes
        by_unit = {u["org_unit_id"]: u for u in late["units"]}
        ba_dinh = by_unit[str(world.units["ba_dinh"].id)]
        assert ba_dinh["status"] == "draft" and ba_dinh["overdue"] and ba_dinh["days_overdue"] == 1
        assert by_unit[str(world.units["hoan_kiem"].id)]["status"] == "missing"
        assert late["units"][0]["overdue"] is True
        await _step(client, world, report["id"], "case_worker", "submit")
        after = (await client.get(f"{URL}/overdue", params=params, headers=world.auth("program_manager"))).json()
        ba_dinh = {u["org_unit_id"]: u for u in after["units"]}[str(world.units["ba_dinh"].id)]
        assert ba_dinh["status"] == "submitted" and not ba_dinh["overdue"] and after["submitted"] == 1
        early = (await client.get(f"{URL}/overdue", params=params | {"as_of": "2026-09-01"},
                                  headers=world.auth("program_manager"))).json()
        assert not any(u["overdue"] for u in early["units"])

    async def test_list_filters_overdue_reports(self, client: httpx.AsyncClient, world: World) -> None:
        old = (await _create(client, world, period="2026Q1")).json()
        current = (await _create(client, world, period="2026Q4")).json()
        listed = (await client.get(URL, params={"overdue": "true"}, headers=world.auth("program_manager"))).json()
        ids = [r["id"] for r in listed["items"]]
        assert old["id"] in ids and current["id"] not in ids
        assert all(r["overdue"] for r in listed["items"])
        by_unit = (await client.get(URL, params={"org_unit": str(world.units["hoan_kiem"].id)},
                                    headers=world.auth("program_manager"))).json()
        assert by_unit["items"] == []


class TestXlsx:
    async def test_the_workbook_reads_like_an_office_report(self, client: httpx.AsyncClient, world: World) -> None:
        report = (await _create(client, world)).json()
        await _step(client, world, report["id"], "case_worker", "submit")
        response = await client.get(f"{URL}/{report['id']}/export.xlsx", headers=world.auth("program_manager"))
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
        sheet = load_workbook(io.BytesIO(response.content)).active
        assert "QUÝ IV/2026" in sheet["A1"].value and "PHƯỜNG BA ĐÌNH" in sheet["A1"].value
        assert (sheet["B4"].value, sheet["C4"].value, sheet["D4"].value) == ("Chỉ số", "Tổng số", "Giới tính")
        rows = {sheet.cell(row=r, column=2).value: r for r in range(6, sheet.max_row + 1)}
        row = rows["Số người được tiếp cận"]
        frozen = _values((await client.get(f"{URL}/{report['id']}", headers=world.auth("case_worker"))).json())
        assert sheet.cell(row=row, column=3).value == frozen["people_reached"]["value"]
        assert sheet.cell(row=row, column=4).value == frozen["people_reached"]["breakdown"]["sex"].get("female", 0)
