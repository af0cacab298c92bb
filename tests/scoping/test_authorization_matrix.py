"""Role × establishment/inspection operation × object inside/outside scope.

The expectations below are written from PRODUCT.md's role table, independently of the code's
permission table and scope rules. The operation list is checked against the app's routes, so a new
establishment route without an entry here fails."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.api import route_inventory
from tests.fixtures.world import ACCOUNTS, World

TARGETS = ["ba_dinh", "hoan_kiem", "hcm", "legacy"]

# Which establishments (and their inspections) each account may see. `legacy` sits on a ward
# dissolved in 2025 whose successor is Ba Đình: visible from Ba Đình and Hà Nội, not from HCMC.
VISIBLE = {
    "program_manager": {"ba_dinh", "hoan_kiem", "legacy"},
    "case_worker": {"ba_dinh", "legacy"},
    "peer_educator": {"ba_dinh", "legacy"},
    "peer_educator_2": {"ba_dinh", "legacy"},
    "inspector": {"ba_dinh", "hoan_kiem", "legacy"},
    "program_manager_hcm": {"hcm"},
}

# What each role may do, from PRODUCT.md §1 (read/write establishments; read/write inspections).
MAY = {
    "admin": set(),
    "program_manager": {"est_read", "est_write", "insp_read", "insp_write"},
    "program_manager_hcm": {"est_read", "est_write", "insp_read", "insp_write"},
    "case_worker": {"est_read", "est_write", "insp_read"},
    "peer_educator": {"est_read"},
    "peer_educator_2": {"est_read"},
    "service_provider": set(),
    "service_provider_2": set(),
    "inspector": {"est_read", "insp_read", "insp_write"},
    "finance_officer": set(),
    "viewer": set(),
}


@dataclass(frozen=True)
class Operation:
    method: str
    route: str
    needs: str
    success: int

    def url(self, world: World, target: str) -> str:
        return (self.route.replace("{establishment_id}", str(world.establishments[target]))
                .replace("{inspection_id}", str(world.inspections[target])))

    def body(self, world: World) -> dict[str, Any] | None:
        if self.method == "PATCH" and "inspection_id" in self.route:
            return {"findings": "Cập nhật"}
        if self.method == "PATCH":
            return {"risk_level": "high"}
        if self.method == "POST":
            return {"inspected_on": "2026-05-01", "violations": ["fire_safety"], "fine_amount_vnd": 2_000_000}
        return None


OPERATIONS = [
    Operation("GET", "/api/v1/establishments/{establishment_id}", "est_read", 200),
    Operation("PATCH", "/api/v1/establishments/{establishment_id}", "est_write", 200),
    Operation("GET", "/api/v1/establishments/{establishment_id}/inspections", "insp_read", 200),
    Operation("POST", "/api/v1/establishments/{establishment_id}/inspections", "insp_write", 201),
    Operation("GET", "/api/v1/establishments/{establishment_id}/inspections/{inspection_id}", "insp_read", 200),
    Operation("PATCH", "/api/v1/establishments/{establishment_id}/inspections/{inspection_id}", "insp_write", 200),
]
COLLECTIONS = {("GET", "/api/v1/establishments"): "est_read", ("POST", "/api/v1/establishments"): "est_write"}


def test_operations_cover_every_establishment_route(app: Any) -> None:
    routes = {(method, path) for method, path, _ in route_inventory() if path.startswith("/api/v1/establishments")}
    covered = {(op.method, op.route) for op in OPERATIONS} | set(COLLECTIONS)
    assert routes == covered, f"routes without a matrix entry: {routes - covered}"


def expected_status(account: str, op: Operation, target: str) -> int:
    if op.needs not in MAY[account]:
        return 403
    return op.success if target in VISIBLE.get(account, set()) else 404


async def _checksum(session: AsyncSession) -> tuple[Any, ...]:
    rows = await session.execute(text(
        "SELECT (SELECT count(*) FROM inspection), (SELECT coalesce(sum(version), 0) FROM establishment), "
        "(SELECT coalesce(sum(version), 0) FROM inspection)"))
    return tuple(rows.one())


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: f"{op.method} {op.route.removeprefix('/api/v1')}")
@pytest.mark.parametrize("account", list(ACCOUNTS))
async def test_matrix(client: httpx.AsyncClient, world: World, session: AsyncSession,
                      account: str, op: Operation, target: str) -> None:
    before = await _checksum(session)
    headers = world.auth(account) | ({"If-Match": "*"} if op.method == "PATCH" else {})
    response = await client.request(op.method, op.url(world, target), json=op.body(world), headers=headers)
    expected = expected_status(account, op, target)
    assert response.status_code == expected, response.text
    if expected >= 400:
        assert response.headers["content-type"].startswith("application/problem+json")
        body = response.text
        assert "Thử Nghiệm" not in body and "Trúc Bạch" not in body
        assert await _checksum(session) == before, "a refused write changed the database"


@pytest.mark.parametrize("account", list(ACCOUNTS))
async def test_list_returns_exactly_the_visible_establishments(
    client: httpx.AsyncClient, world: World, account: str
) -> None:
    response = await client.get("/api/v1/establishments", params={"limit": 500}, headers=world.auth(account))
    if "est_read" not in MAY[account]:
        assert response.status_code == 403
        return
    assert response.status_code == 200
    ids = {item["id"] for item in response.json()["items"]}
    mine = {str(world.establishments[t]) for t in VISIBLE[account]}
    others = {str(world.establishments[t]) for t in TARGETS} - mine
    assert mine <= ids
    assert not (others & ids)
