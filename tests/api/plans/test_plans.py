"""Plans and budget: integer VND end to end, the over-spend rule, revisions, execution and the XLSX."""
from __future__ import annotations

import io
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import BigInteger

from donghanh.core.base import Base
from tests.fixtures.world import ACCOUNTS, World

PLAN = "/api/v1/plans"
LINES = "/api/v1/budget-lines"
SPEND = "/api/v1/expenditures"


async def _plan(client: httpx.AsyncClient, world: World, account: str = "finance_officer") -> dict[str, Any]:
    plan = await client.post(PLAN, headers=world.auth(account), json={
        "org_unit_id": str(world.units["hanoi"].id), "year": 2026, "number": "149/KH-UBND",
        "title": "Kế hoạch thực hiện Chương trình phòng, chống mại dâm năm 2026", "issued_on": "2026-02-10",
        "legal_basis": "Quyết định 1200/QĐ-TTg", "targets": [
            {"indicator": "referral_rate", "target_value": "0.5",
             "note": "Ít nhất 50% người có nhu cầu được giới thiệu"},
            {"indicator": "people_reached", "target_value": 300}]})
    assert plan.status_code == 201, plan.text
    return plan.json()


async def _line(client: httpx.AsyncClient, world: World, plan_id: str, code: str, amount: int,
                source: str = "provincial", category: str = "peer_groups", **kw: Any) -> httpx.Response:
    return await client.post(LINES, headers=world.auth("finance_officer"), json={
        "plan_id": plan_id, "code": code, "title": f"Dòng {code}", "category": category, "funding_source": source,
        "allocated_vnd": amount} | kw)


async def _spend(client: httpx.AsyncClient, world: World, line_id: str, amount: Any, **kw: Any) -> httpx.Response:
    return await client.post(SPEND, headers=world.auth("finance_officer"), json={
        "budget_line_id": line_id, "spent_on": "2026-06-15", "amount_vnd": amount,
        "description": "Chi hỗ trợ sinh hoạt nhóm"} | kw)


class TestPlan:
    async def test_plan_with_targets_lines_and_execution(self, client: httpx.AsyncClient, world: World) -> None:
        plan = await _plan(client, world)
        # Actual values come from the indicator engine, for the plan's unit and year (exact for managers).
        assert [(t["indicator"], t["actual_status"], t["actual_value"]) for t in plan["targets"]] == [
            ("people_reached", "computed", "<5"), ("referral_rate", "computed", "0.6667")]
        managed = (await client.get(f"{PLAN}/{plan['id']}", headers=world.auth("program_manager"))).json()
        assert [t["actual_value"] for t in managed["targets"]] == [3, "0.6667"]
        a = (await _line(client, world, plan["id"], "1.1", 120_000_000)).json()
        b = (await _line(client, world, plan["id"], "2.1", 80_000_000, source="international",
                         category="communication_dialogue")).json()
        assert (await _spend(client, world, a["id"], 45_500_000)).status_code == 201
        assert (await _spend(client, world, b["id"], 80_000_000)).status_code == 201
        full = (await client.get(f"{PLAN}/{plan['id']}", headers=world.auth("program_manager"))).json()
        lines = {line["code"]: line for line in full["lines"]}
        assert lines["1.1"]["spent_vnd"] == 45_500_000 and lines["1.1"]["remaining_vnd"] == 74_500_000
        assert lines["1.1"]["execution_rate"] == "0.3792" and lines["2.1"]["execution_rate"] == "1.0000"
        assert full["totals"] == {"allocated_vnd": 200_000_000, "spent_vnd": 125_500_000,
                                  "remaining_vnd": 74_500_000, "execution_rate": "0.6275"}
        for key in ("allocated_vnd", "spent_vnd", "remaining_vnd"):
            assert type(full["totals"][key]) is int

    async def test_unknown_indicator_and_duplicate_code(self, client: httpx.AsyncClient, world: World) -> None:
        bad = await client.post(PLAN, headers=world.auth("finance_officer"), json={
            "org_unit_id": str(world.units["hanoi"].id), "year": 2026, "number": "1/KH", "title": "Kế hoạch",
            "targets": [{"indicator": "happiness", "target_value": 1}]})
        assert bad.status_code == 422 and bad.json()["errors"][0]["loc"][:3] == ["body", "targets", 0]
        plan = await _plan(client, world)
        await _line(client, world, plan["id"], "1.1", 1_000)
        again = await _line(client, world, plan["id"], "1.1", 2_000)
        assert again.status_code == 409 and again.json()["errors"][0]["loc"] == ["body", "code"]

    @pytest.mark.parametrize("amount", [1.5, "1500000", -1, 0, 10**14])
    async def test_money_is_a_whole_positive_number(self, client: httpx.AsyncClient, world: World,
                                                    amount: Any) -> None:
        plan = await _plan(client, world)
        line = (await _line(client, world, plan["id"], "1", 5_000_000)).json()
        response = await _spend(client, world, line["id"], amount)
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "amount_vnd"]


class TestOverspend:
    async def test_refused_then_accepted_with_a_reason(self, client: httpx.AsyncClient, world: World) -> None:
        plan = await _plan(client, world)
        line = (await _line(client, world, plan["id"], "1", 10_000_000)).json()
        assert (await _spend(client, world, line["id"], 7_000_000)).status_code == 201
        refused = await _spend(client, world, line["id"], 4_000_000)
        assert refused.status_code == 409 and refused.json()["remaining_vnd"] == 3_000_000
        assert "3.000.000" in refused.json()["detail"]
        accepted = await _spend(client, world, line["id"], 4_000_000,
                                override_reason="Bổ sung theo Công văn 55/SYT, chờ điều chỉnh dự toán")
        assert accepted.status_code == 201
        state = (await client.get(f"{LINES}/{line['id']}", headers=world.auth("finance_officer"))).json()
        assert (state["spent_vnd"], state["remaining_vnd"]) == (11_000_000, -1_000_000)
        events = (await client.get("/api/v1/audit-events", params={"action": "overspend_override"},
                                   headers=world.auth("admin"))).json()["items"]
        assert [e["resource_id"] for e in events] == [line["id"]]

    async def test_expenditure_outside_the_plan_year(self, client: httpx.AsyncClient, world: World) -> None:
        plan = await _plan(client, world)
        line = (await _line(client, world, plan["id"], "1", 10_000_000)).json()
        response = await _spend(client, world, line["id"], 1_000, spent_on="2025-12-31")
        assert response.status_code == 422 and response.json()["errors"][0]["loc"] == ["body", "spent_on"]

    async def test_activity_must_be_in_the_plans_area_and_year(self, client: httpx.AsyncClient,
                                                               world: World) -> None:
        plan = await _plan(client, world)
        line = (await _line(client, world, plan["id"], "1", 10_000_000)).json()
        ok = await _spend(client, world, line["id"], 1_000, activity_id=str(world.activities["educator_1"]))
        assert ok.status_code == 201
        other = await _spend(client, world, line["id"], 1_000, activity_id=str(world.activities["hcm"]))
        assert other.status_code == 422 and other.json()["errors"][0]["loc"] == ["body", "activity_id"]


class TestApproval:
    async def test_approved_lines_change_only_by_revision(self, client: httpx.AsyncClient, world: World) -> None:
        plan = await _plan(client, world)
        line = (await _line(client, world, plan["id"], "1", 10_000_000)).json()
        assert (await client.post(f"{PLAN}/{plan['id']}/approve", headers=world.auth("finance_officer"))
                ).status_code == 403
        approved = await client.post(f"{PLAN}/{plan['id']}/approve", headers=world.auth("program_manager"))
        assert approved.json()["status"] == "approved"
        url = f"{LINES}/{line['id']}"
        headers = world.auth("finance_officer") | {"If-Match": "*"}
        assert (await client.patch(url, json={"allocated_vnd": 12_000_000}, headers=headers)).status_code == 422
        assert (await client.patch(url, json={"title": "Khác"}, headers=headers)).status_code == 409
        revised = await client.patch(url, headers=headers, json={
            "allocated_vnd": 12_000_000, "revision_reason": "Quyết định bổ sung kinh phí 88/QĐ-UBND"})
        assert revised.json()["allocated_vnd"] == 12_000_000
        history = (await client.get(f"{url}/revisions", headers=world.auth("finance_officer"))).json()
        assert [(r["old_vnd"], r["new_vnd"], r["actor_name"]) for r in history] == [
            (10_000_000, 12_000_000, "Người dùng finance_officer")]
        edit = await client.patch(f"{PLAN}/{plan['id']}", json={"title": "Đổi tên"},
                                  headers=world.auth("finance_officer") | {"If-Match": "*"})
        assert edit.status_code == 409


class TestExport:
    async def test_xlsx_re_read_has_every_figure(self, client: httpx.AsyncClient, world: World) -> None:
        plan = await _plan(client, world)
        a = (await _line(client, world, plan["id"], "1.1", 120_000_000)).json()
        b = (await _line(client, world, plan["id"], "2.1", 80_000_000, source="commune")).json()
        await _spend(client, world, a["id"], 45_500_000, voucher_no="PC-001")
        await _spend(client, world, b["id"], 1_234_567)
        response = await client.get(f"{PLAN}/{plan['id']}/export.xlsx", headers=world.auth("finance_officer"))
        assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
        book = load_workbook(io.BytesIO(response.content))
        sheet = book["Dự toán"]
        assert [c.value for c in sheet[4]] == ["Mã dòng", "Nội dung", "Nhóm nội dung", "Nguồn kinh phí",
                                                "Dự toán (đồng)", "Đã chi (đồng)", "Còn lại (đồng)", "Tỷ lệ thực hiện"]
        rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=5, max_row=7)]
        assert rows[0][:7] == ["1.1", "Dòng 1.1", "Nhóm đồng đẳng", "Ngân sách tỉnh", 120_000_000, 45_500_000,
                               74_500_000]
        assert rows[1][:7] == ["2.1", "Dòng 2.1", "Nhóm đồng đẳng", "Ngân sách xã", 80_000_000, 1_234_567, 78_765_433]
        assert rows[2][4:7] == [200_000_000, 46_734_567, 153_265_433]
        assert all(type(v) is int for row in rows for v in row[4:7])
        assert sheet.cell(row=5, column=5).number_format == '#,##0 "₫"'
        spent = [[c.value for c in row] for row in book["Chi tiêu"].iter_rows(min_row=2)]
        assert sorted(r[4] for r in spent) == [1_234_567, 45_500_000]


class TestAccess:
    @pytest.mark.parametrize("account", list(ACCOUNTS))
    async def test_who_reads_and_writes(self, client: httpx.AsyncClient, world: World, account: str) -> None:
        plan = await _plan(client, world)
        read = await client.get(f"{PLAN}/{plan['id']}", headers=world.auth(account))
        write = await client.patch(f"{PLAN}/{plan['id']}", json={"title": "Tên mới của kế hoạch"},
                                   headers=world.auth(account) | {"If-Match": "*"})
        execution = await client.get("/api/v1/budget-execution", params={"year": 2026},
                                     headers=world.auth(account))
        if account in ("program_manager", "finance_officer"):
            assert (read.status_code, write.status_code, execution.status_code) == (200, 200, 200)
        elif account == "program_manager_hcm":
            assert (read.status_code, write.status_code) == (404, 404)
            assert execution.json()["total"]["allocated_vnd"] == 0
        elif account == "viewer":
            assert (read.status_code, write.status_code, execution.status_code) == (403, 403, 200)
        else:
            assert (read.status_code, write.status_code, execution.status_code) == (403, 403, 403)

    async def test_viewer_sees_aggregates_by_source_and_category(self, client: httpx.AsyncClient,
                                                                 world: World) -> None:
        plan = await _plan(client, world)
        a = (await _line(client, world, plan["id"], "1", 50_000_000)).json()
        await _line(client, world, plan["id"], "2", 30_000_000, source="international", category="training")
        await _spend(client, world, a["id"], 20_000_000)
        body = (await client.get("/api/v1/budget-execution", params={"year": 2026},
                                 headers=world.auth("viewer"))).json()
        assert body["total"] == {"allocated_vnd": 80_000_000, "spent_vnd": 20_000_000, "remaining_vnd": 60_000_000,
                                 "execution_rate": "0.2500"}
        assert body["by_source"]["international"]["spent_vnd"] == 0
        assert body["by_category"]["peer_groups"]["execution_rate"] == "0.4000"


def test_no_float_touches_money(app: Any) -> None:
    """Every *_vnd field of the API is an integer, and every *_vnd column a BIGINT."""
    schemas = app.openapi()["components"]["schemas"]
    money = []
    for name, schema in schemas.items():
        for prop, spec in schema.get("properties", {}).items():
            if prop.endswith("_vnd"):
                types = {s.get("type") for s in spec.get("anyOf", [spec])} - {"null"}
                money.append((name, prop, types))
    assert money and all(types == {"integer"} for _, _, types in money), money
    for table in Base.metadata.tables.values():
        for column in table.columns:
            if column.name.endswith("_vnd"):
                assert isinstance(column.type, BigInteger), f"{table.name}.{column.name}"


STEPS = st.lists(st.one_of(
    st.tuples(st.just("spend"), st.integers(1, 30_000_000), st.booleans()),
    st.tuples(st.just("revise"), st.integers(0, 60_000_000), st.just(True)),
), min_size=1, max_size=10)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
async def test_spent_plus_remaining_is_allocated_after_every_step(client: httpx.AsyncClient, world: World,
                                                                  steps: list[tuple[str, int, bool]]) -> None:
    plan = await _plan(client, world)
    line = (await _line(client, world, plan["id"], "1", 20_000_000)).json()
    await client.post(f"{PLAN}/{plan['id']}/approve", headers=world.auth("program_manager"))
    allocated, spent = 20_000_000, 0
    for kind, amount, override in steps:
        if kind == "spend":
            response = await _spend(client, world, line["id"], amount,
                                    override_reason="Đã được phê duyệt bổ sung" if override else None)
            if amount > allocated - spent and not override:
                assert response.status_code == 409
            else:
                assert response.status_code == 201, response.text
                spent += amount
        else:
            response = await client.patch(f"{LINES}/{line['id']}", headers=world.auth("finance_officer") | {
                "If-Match": "*"}, json={"allocated_vnd": amount, "revision_reason": "Điều chỉnh"})
            assert response.status_code == 200
            allocated = amount
        state = (await client.get(f"{LINES}/{line['id']}", headers=world.auth("finance_officer"))).json()
        assert state["allocated_vnd"] == allocated and state["spent_vnd"] == spent
        assert state["spent_vnd"] + state["remaining_vnd"] == state["allocated_vnd"]
        if allocated:
            expected = (Decimal(spent) / Decimal(allocated)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
            assert Decimal(state["execution_rate"]) == expected
