from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Query

from donghanh.core.errors import problems
from donghanh.core.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page
from donghanh.core.permissions import Permission, Require
from donghanh.core.principal import Principal
from donghanh.core.routing import DomainRouter
from donghanh.db import SessionDep
from donghanh.org_units import service
from donghanh.org_units.schemas import OrgUnitCreate, OrgUnitFilter, OrgUnitRead, OrgUnitUpdate

router = DomainRouter(prefix="/org-units", tags=["org-units"])


@router.get("", response_model=Page[OrgUnitRead], responses=problems())
async def list_org_units(
    session: SessionDep,
    principal: Annotated[Principal, Depends(Require(Permission.org_units_read))],
    flt: Annotated[OrgUnitFilter, Query()],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> Page[OrgUnitRead]:
    return await service.list(session, principal, flt, cursor, limit)


@router.get(
    "/{unit_id}", response_model=OrgUnitRead, responses=problems(),
    dependencies=[Depends(Require(Permission.org_units_read))],
)
async def get_org_unit(unit_id: uuid.UUID, session: SessionDep) -> OrgUnitRead:
    return await service.get(session, unit_id)


Writer = Annotated[Principal, Depends(Require(Permission.org_units_write))]


@router.post("", status_code=201, response_model=OrgUnitRead, responses=problems(409))
async def create_org_unit(session: SessionDep, principal: Writer, unit_in: OrgUnitCreate) -> OrgUnitRead:
    return await service.create(session, principal, unit_in=unit_in)


@router.patch("/{unit_id}", response_model=OrgUnitRead, responses=problems())
async def update_org_unit(
    unit_id: uuid.UUID, session: SessionDep, principal: Writer, unit_in: OrgUnitUpdate
) -> OrgUnitRead:
    """Rename a unit, or close it (`valid_to`) and name its successor, as a merger decision says."""
    return await service.update(session, principal, unit_id, unit_in=unit_in)
