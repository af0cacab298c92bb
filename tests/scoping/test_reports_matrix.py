"""Role × report operation × report inside/outside scope, and every aggregate route of the reports and the
dashboard. Expectations come from PRODUCT.md's role table: reports are read by whoever reads indicators
(program managers, case workers, finance officers, viewers) within their area; prepared and submitted by
the unit's own staff (case workers, program managers); approved or returned only by a program manager of
the level above.
The operation list is checked against the app's routes, so a new report route without an entry fails."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.api import route_inventory
from donghanh.reports.models import Report
from tests.fixtures.world import ACCOUNTS, World

TARGETS = ["ba_dinh", "hoan_kiem", "ben_thanh", "legacy_truc_bach"]
HANOI = {"ba_dinh", "hoan_kiem", "legacy_truc_bach"}
VISIBLE = {
    "program_manager": HANOI, "finance_officer": HANOI, "viewer": HANOI,
    "case_worker": {"ba_dinh", "legacy_truc_bach"},  # Trúc Bạch ward merged into Ba Đình in 2025
    "program_manager_hcm": {"ben_thanh"},
}
MAY = {
    "program_manager": {"read", "write", "approve"}, "program_manager_hcm": {"read", "write", "approve"},
    "case_worker": {"read", "write"}, "finance_officer": {"read"}, "viewer": {"read"},
}


@dataclass(frozen=True)
class Operation:
    method: str
    route: str
    needs: str
    success: int
    status: str = "draft"  # the report's status before the call
    body: Any = None


OPERATIONS = [
    Operation("GET", "/api/v1/reports/{report_id}", "read", 200),
    Operation("GET", "/api/v1/reports/{report_id}/export.xlsx", "read", 200),
    Operation("PATCH", "/api/v1/reports/{report_id}", "write", 200, body={"comment": "Sửa", "version": 1}),
    Operation("POST", "/api/v1/reports/{report_id}/transitions", "write", 200, body={"action": "submit"}),
    Operation("POST", "/api/v1/reports/{report_id}/transitions", "approve", 200, "submitted", {"action": "approve"}),
    Operation("POST", "/api/v1/reports/{report_id}/transitions", "approve", 200, "submitted",
              {"action": "return", "comment": "Bổ sung"}),
]
AGGREGATES = {("GET", "/api/v1/reports"), ("POST", "/api/v1/reports"), ("GET", "/api/v1/reports/overdue"),
              ("GET", "/api/v1/reports/consolidation"), ("GET", "/api/v1/reports/consolidation.xlsx"),
              ("GET", "/api/v1/reports/reconciliation"), ("GET", "/api/v1/dashboard")}


def test_operations_cover_every_report_route(app: Any) -> None:
    routes = {(m, p) for m, p, _ in route_inventory() if p.startswith(("/api/v1/reports", "/api/v1/dashboard"))}
    assert routes == {(o.method, o.route) for o in OPERATIONS} | AGGREGATES


async def _report(session: AsyncSession, world: World, target: str, status: str) -> Report:
    legacy = target == "legacy_truc_bach"
    report = Report(org_unit_id=world.units[target].id, period="2024Q4" if legacy else "2026Q3",
                    period_kind="quarter", period_start=date(2024, 10, 1) if legacy else date(2026, 7, 1),
                    period_end=date(2024, 12, 31) if legacy else date(2026, 9, 30),
                    due_on=date(2024, 12, 10) if legacy else date(2026, 9, 10), status=status,
                    submitted_by=uuid.uuid4() if status == "submitted" else None)
    session.add(report)
    await session.flush()
    return report


async def _checksum(session: AsyncSession) -> list[Any]:
    return list((await session.execute(text(
        "SELECT id, status, version, comment, review_comment FROM report ORDER BY id"))).all())


def _expected(account: str, target: str, op: Operation) -> int:
    role_may = MAY.get(account, set())
    if "read" not in role_may and op.needs != "read":
        return 403
    if op.needs not in role_may and not (op.needs == "approve" and "write" in role_may):
        return 403
    if target not in VISIBLE.get(account, set()):
        return 404
    if op.needs == "approve" and "approve" not in role_may:
        return 403  # a case worker reaches the route (she submits) but does not review
    if op.needs == "write" and account.startswith("program_manager"):
        return 403  # every target is a commune's: its own staff hand it in, the province reviews
    return op.success


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda o: f"{o.method} {o.route} {o.body or ''}")
@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("account", list(ACCOUNTS))
async def test_report_operation(client: httpx.AsyncClient, world: World, session: AsyncSession, account: str,
                                target: str, op: Operation) -> None:
    report = await _report(session, world, target, op.status)
    before = await _checksum(session)
    url = op.route.replace("{report_id}", str(report.id))
    response = await client.request(op.method, url, json=op.body, headers=world.auth(account))
    expected = _expected(account, target, op)
    assert response.status_code == expected, (account, target, response.text)
    if expected == 404:
        assert response.json()["detail"] in ("No such report.", "Not found.")
        assert str(report.id) not in response.text
    if expected != op.success and op.method != "GET":
        assert await _checksum(session) == before  # a refused write changes nothing


AGGREGATE_READERS = {"program_manager", "case_worker", "finance_officer", "viewer", "program_manager_hcm"}


@pytest.mark.parametrize("path", ["/api/v1/reports/overdue", "/api/v1/reports/consolidation",
                                  "/api/v1/reports/consolidation.xlsx", "/api/v1/dashboard"])
@pytest.mark.parametrize("account", list(ACCOUNTS))
async def test_aggregates_answer_only_inside_the_area(client: httpx.AsyncClient, world: World, account: str,
                                                      path: str) -> None:
    response = await client.get(path, params={"org_unit": str(world.units["ba_dinh"].id), "period": "2026Q3"},
                                headers=world.auth(account))
    if account not in AGGREGATE_READERS:
        assert response.status_code == 403
    elif account == "program_manager_hcm":
        assert response.status_code == 404
    else:
        assert response.status_code == 200, response.text


@pytest.mark.parametrize("account", list(ACCOUNTS))
async def test_reconciliation_is_for_those_who_report(client: httpx.AsyncClient, world: World,
                                                      account: str) -> None:
    response = await client.get("/api/v1/reports/reconciliation", headers=world.auth(account),
                                params={"org_unit": str(world.units["ba_dinh"].id), "period": "2024Q4"})
    expected = {"program_manager": 200, "case_worker": 200, "program_manager_hcm": 404}.get(account, 403)
    assert response.status_code == expected, response.text


@pytest.mark.parametrize("account", list(ACCOUNTS))
async def test_the_list_holds_only_the_area(client: httpx.AsyncClient, world: World, session: AsyncSession,
                                            account: str) -> None:
    ids = {target: (await _report(session, world, target, "draft")).id for target in TARGETS}
    response = await client.get("/api/v1/reports", params={"limit": 500}, headers=world.auth(account))
    if "read" not in MAY.get(account, set()):
        assert response.status_code == 403
        return
    seen = {item["id"] for item in response.json()["items"]}
    assert seen == {str(ids[t]) for t in VISIBLE.get(account, set())}


@pytest.mark.parametrize("account", list(ACCOUNTS))
async def test_creating_a_report(client: httpx.AsyncClient, world: World, account: str) -> None:
    for target in ("ba_dinh", "ben_thanh"):
        response = await client.post("/api/v1/reports", headers=world.auth(account),
                                     json={"org_unit_id": str(world.units[target].id), "period": "2026Q2"})
        if "write" not in MAY.get(account, set()):
            assert response.status_code == 403
        elif target in VISIBLE.get(account, set()):
            assert response.status_code == 201, response.text
        else:
            assert response.status_code == 422  # a unit outside the area is reported as unknown
