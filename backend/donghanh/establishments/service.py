from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.core import audit
from donghanh.core.concurrency import check_precondition
from donghanh.core.errors import Conflict, Unprocessable
from donghanh.core.pagination import Page, RowPage
from donghanh.core.principal import SYSTEM, Principal
from donghanh.core.text import fold
from donghanh.establishments.models import Establishment, Inspection
from donghanh.establishments.repository import EstablishmentRepository, InspectionRepository
from donghanh.establishments.schemas import (
    EstablishmentCreate,
    EstablishmentFilter,
    EstablishmentRead,
    EstablishmentUpdate,
    InspectionCreate,
    InspectionRead,
    InspectionUpdate,
)
from donghanh.org_units import service as org_units
from donghanh.org_units.models import OrgUnit
from donghanh.organisations import service as organisations

RESOURCE = "establishment"


def _search_text(e: Establishment) -> str:
    return " | ".join(fold(part) for part in (e.name, e.address, e.owner_name) if part)


async def to_read(session: AsyncSession, establishments: list[Establishment]) -> list[EstablishmentRead]:
    names = await org_units.names(session, {e.org_unit_id for e in establishments})
    return [
        EstablishmentRead.model_validate(e).model_copy(update={"org_unit_name": names.get(e.org_unit_id)})
        for e in establishments
    ]


async def _unit_in_scope(session: AsyncSession, principal: Principal, unit_id: uuid.UUID) -> OrgUnit:
    return await org_units.require_unit_in_scope(session, principal, unit_id)


async def _external_id_free(session: AsyncSession, external_id: str | None, own_id: uuid.UUID | None) -> None:
    if not external_id:
        return
    # Checked over every establishment, in scope or not (SYSTEM): external ids are unique system-wide.
    repository = EstablishmentRepository(session, SYSTEM)
    taken = await session.scalar(repository.select(Establishment.id).where(Establishment.external_id == external_id))
    if taken is not None and taken != own_id:
        raise Conflict("Another establishment already has this external_id.",
                       errors=[{"loc": ["body", "external_id"], "msg": "already used"}])


async def require_visible(
    session: AsyncSession, principal: Principal, establishment_id: uuid.UUID, field: str
) -> Establishment:
    """An establishment named in another record's body: hidden and missing both read "no such"."""
    establishment = await EstablishmentRepository(session, principal).find(establishment_id)
    if establishment is None:
        raise Unprocessable.field(["body", field], "No establishment with this id.")
    return establishment


async def list(  # noqa: A001
    session: AsyncSession, principal: Principal, flt: EstablishmentFilter, cursor: str | None, limit: int
) -> RowPage[EstablishmentRead]:
    unit_paths = await org_units.filter_paths(session, flt.org_unit)
    rows, next_cursor = await EstablishmentRepository(session, principal).list(flt, unit_paths, cursor, limit)
    await audit.record(session, principal, "list", RESOURCE, None, fields=["owner_name"],
                       org_unit_id=principal.org_unit_id)
    return RowPage.of_rows(EstablishmentRead, rows, next_cursor)


async def get(session: AsyncSession, principal: Principal, establishment_id: uuid.UUID) -> Establishment:
    establishment = await EstablishmentRepository(session, principal).get(establishment_id)
    await audit.record(session, principal, "read", RESOURCE, establishment.id, fields=["owner_name"],
                       org_unit_id=establishment.org_unit_id)
    return establishment


async def create(
    session: AsyncSession, principal: Principal, *, establishment_in: EstablishmentCreate
) -> Establishment:
    await _unit_in_scope(session, principal, establishment_in.org_unit_id)
    await _external_id_free(session, establishment_in.external_id, None)
    data = establishment_in.model_dump()
    establishment = Establishment(**data, created_by=principal.id)
    establishment.search_text = _search_text(establishment)
    session.add(establishment)
    await session.flush()
    await audit.record(session, principal, "create", RESOURCE, establishment.id,
                       fields=sorted(k for k, v in data.items() if v is not None),
                       org_unit_id=establishment.org_unit_id)
    return establishment


async def update(
    session: AsyncSession,
    principal: Principal,
    establishment_id: uuid.UUID,
    *,
    establishment_in: EstablishmentUpdate,
    if_match: str | None,
) -> Establishment:
    establishment = await EstablishmentRepository(session, principal).get(establishment_id)
    check_precondition(if_match, establishment.id, establishment.version, establishment_in.version)
    changes = establishment_in.model_dump(exclude_unset=True, exclude={"version"})
    for required in ("name", "type", "status", "risk_level", "workers_female", "workers_male", "org_unit_id"):
        if required in changes and changes[required] is None:
            raise Unprocessable.field(["body", required], "may not be null")
    if "org_unit_id" in changes:
        await _unit_in_scope(session, principal, changes["org_unit_id"])
    if "external_id" in changes:
        await _external_id_free(session, changes["external_id"], establishment.id)
    for field, value in changes.items():
        setattr(establishment, field, value)
    establishment.search_text = _search_text(establishment)
    await session.flush()
    await audit.record(session, principal, "update", RESOURCE, establishment.id, fields=sorted(changes),
                       org_unit_id=establishment.org_unit_id)
    return establishment


async def _check_team(session: AsyncSession, team: list[uuid.UUID]) -> None:
    for index, organisation_id in enumerate(team):
        await organisations.require_organisation(session, organisation_id, "team")
        if team.index(organisation_id) != index:
            raise Unprocessable(errors=[{"loc": ["body", "team", index], "msg": "listed twice"}])


async def list_inspections(
    session: AsyncSession, principal: Principal, establishment_id: uuid.UUID, cursor: str | None, limit: int
) -> Page[InspectionRead]:
    await EstablishmentRepository(session, principal).get(establishment_id)
    rows, next_cursor = await InspectionRepository(session, principal).for_establishment(
        establishment_id, cursor, limit
    )
    return Page[InspectionRead](items=[InspectionRead.model_validate(i) for i in rows], next_cursor=next_cursor)


async def get_inspection(
    session: AsyncSession, principal: Principal, establishment_id: uuid.UUID, inspection_id: uuid.UUID
) -> Inspection:
    return await InspectionRepository(session, principal).get_in(establishment_id, inspection_id)


async def create_inspection(
    session: AsyncSession, principal: Principal, establishment_id: uuid.UUID, *, inspection_in: InspectionCreate
) -> Inspection:
    establishment = await EstablishmentRepository(session, principal).get(establishment_id)
    await _check_team(session, inspection_in.team)
    data = inspection_in.model_dump()
    data["team"] = [str(t) for t in data["team"]]
    data["violations"] = [v.value for v in inspection_in.violations]
    inspection = Inspection(**data, establishment_id=establishment.id, org_unit_id=establishment.org_unit_id,
                            created_by=principal.id)
    session.add(inspection)
    await session.flush()
    await audit.record(session, principal, "create", "inspection", inspection.id, fields=sorted(data),
                       org_unit_id=inspection.org_unit_id)
    return inspection


async def update_inspection(
    session: AsyncSession,
    principal: Principal,
    establishment_id: uuid.UUID,
    inspection_id: uuid.UUID,
    *,
    inspection_in: InspectionUpdate,
    if_match: str | None,
) -> Inspection:
    inspection = await get_inspection(session, principal, establishment_id, inspection_id)
    check_precondition(if_match, inspection.id, inspection.version, inspection_in.version)
    changes = inspection_in.model_dump(exclude_unset=True, exclude={"version"})
    for required in ("inspected_on", "team", "violations", "fine_amount_vnd"):
        if required in changes and changes[required] is None:
            raise Unprocessable.field(["body", required], "may not be null")
    if "team" in changes:
        await _check_team(session, inspection_in.team or [])
        changes["team"] = [str(t) for t in changes["team"]]
    if "violations" in changes:
        changes["violations"] = [v.value if hasattr(v, "value") else v for v in changes["violations"]]
    for field, value in changes.items():
        setattr(inspection, field, value)
    await session.flush()
    await audit.record(session, principal, "update", "inspection", inspection.id, fields=sorted(changes),
                       org_unit_id=inspection.org_unit_id)
    return inspection
