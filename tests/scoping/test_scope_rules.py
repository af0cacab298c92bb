"""Every table of individual-level data has, for every role, a scope rule or an explicit denial;
and a query that bypasses the scoped repository fails loudly."""
from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

import donghanh.models  # noqa: F401  (registers every model and policy)
from donghanh.core.base import Base, OrgScoped
from donghanh.core.permissions import Role
from donghanh.core.repository import ScopeGuardError
from donghanh.core.scoping import registered
from donghanh.establishments.models import Establishment
from tests.fixtures.world import World


def _org_scoped_models() -> list[type]:
    return [m.class_ for m in Base.registry.mappers if issubclass(m.class_, OrgScoped)]


def test_at_least_the_foundation_models_are_org_scoped() -> None:
    names = {m.__name__ for m in _org_scoped_models()}
    assert {"Establishment", "Inspection", "User"} <= names


@pytest.mark.parametrize("role", list(Role))
def test_every_org_scoped_model_has_a_rule_or_denial(role: Role) -> None:
    missing = [m.__name__ for m in _org_scoped_models() if registered(m, role) is None]
    assert missing == [], f"{role}: no scope rule or denial for {missing}"


async def test_select_outside_a_repository_is_refused(session: AsyncSession) -> None:
    with pytest.raises(ScopeGuardError):
        await session.execute(select(Establishment))


async def test_the_org_unit_filter_keeps_records_of_the_legacy_units_merged_into_it(
    client: httpx.AsyncClient, world: World
) -> None:
    # The old Trúc Bạch ward merged into Phường Ba Đình in 2025: its records are Ba Đình's history.
    for account in ("program_manager", "case_worker"):
        listed = await client.get("/api/v1/establishments", headers=world.auth(account),
                                  params={"org_unit": str(world.units["ba_dinh"].id), "limit": 500})
        ids = {item["id"] for item in listed.json()["items"]}
        assert str(world.establishments["legacy"]) in ids, account
        assert str(world.establishments["hoan_kiem"]) not in ids


@pytest.mark.parametrize("path", ["/api/v1/establishments", "/api/v1/contacts", "/api/v1/indicators",
                                  "/api/v1/organisations", "/api/v1/exports/clients.csv"])
async def test_an_unknown_org_unit_filter_is_422_on_the_query(client: httpx.AsyncClient, world: World,
                                                               path: str) -> None:
    response = await client.get(path, headers=world.auth("program_manager"), params={
        "org_unit": "00000000-0000-4000-8000-000000000000", "period": "2026"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["query", "org_unit"]
