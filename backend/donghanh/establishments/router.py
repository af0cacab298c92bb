from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Header, Query, Request, Response
from fastapi.responses import JSONResponse

from donghanh.core.concurrency import IdempotencyKey, etag_for, idempotent
from donghanh.core.errors import problems
from donghanh.core.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page
from donghanh.core.permissions import Permission, Require
from donghanh.core.principal import Principal
from donghanh.core.routing import DomainRouter
from donghanh.db import SessionDep
from donghanh.establishments import service
from donghanh.establishments.schemas import (
    EstablishmentCreate,
    EstablishmentFilter,
    EstablishmentRead,
    EstablishmentUpdate,
    InspectionCreate,
    InspectionRead,
    InspectionUpdate,
)

router = DomainRouter(prefix="/establishments", tags=["establishments"])
Reader = Annotated[Principal, Depends(Require(Permission.establishments_read))]
Writer = Annotated[Principal, Depends(Require(Permission.establishments_write))]
InspectionReader = Annotated[Principal, Depends(Require(Permission.inspections_read))]
InspectionWriter = Annotated[Principal, Depends(Require(Permission.inspections_write))]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Cursor = Annotated[str | None, Query(max_length=500)]
IfMatch = Annotated[str | None, Header(alias="If-Match")]


@router.get("", response_model=Page[EstablishmentRead], responses=problems())
async def list_establishments(
    session: SessionDep,
    principal: Reader,
    flt: Annotated[EstablishmentFilter, Query()],
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Response:
    return (await service.list(session, principal, flt, cursor, limit)).response()


@router.post("", status_code=201, response_model=EstablishmentRead, responses=problems(409))
async def create_establishment(
    request: Request,
    session: SessionDep,
    principal: Writer,
    establishment_in: EstablishmentCreate,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    async def produce() -> tuple[int, EstablishmentRead, dict[str, str]]:
        establishment = await service.create(session, principal, establishment_in=establishment_in)
        (read,) = await service.to_read(session, [establishment])
        return 201, read, {"ETag": etag_for(establishment.id, establishment.version)}

    return await idempotent(session, principal, request, idempotency_key, establishment_in, produce)


@router.get("/{establishment_id}", response_model=EstablishmentRead, responses=problems())
async def get_establishment(
    establishment_id: uuid.UUID, session: SessionDep, principal: Reader, response: Response
) -> EstablishmentRead:
    establishment = await service.get(session, principal, establishment_id)
    response.headers["ETag"] = etag_for(establishment.id, establishment.version)
    (read,) = await service.to_read(session, [establishment])
    return read


@router.patch("/{establishment_id}", response_model=EstablishmentRead, responses=problems(409, 412, 428))
async def update_establishment(
    establishment_id: uuid.UUID,
    establishment_in: EstablishmentUpdate,
    session: SessionDep,
    principal: Writer,
    response: Response,
    if_match: IfMatch = None,
) -> EstablishmentRead:
    establishment = await service.update(
        session, principal, establishment_id, establishment_in=establishment_in, if_match=if_match
    )
    response.headers["ETag"] = etag_for(establishment.id, establishment.version)
    (read,) = await service.to_read(session, [establishment])
    return read


@router.get("/{establishment_id}/inspections", response_model=Page[InspectionRead], responses=problems())
async def list_inspections(
    establishment_id: uuid.UUID,
    session: SessionDep,
    principal: InspectionReader,
    limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Page[InspectionRead]:
    return await service.list_inspections(session, principal, establishment_id, cursor, limit)


@router.post(
    "/{establishment_id}/inspections", status_code=201, response_model=InspectionRead, responses=problems(409)
)
async def create_inspection(
    establishment_id: uuid.UUID,
    request: Request,
    session: SessionDep,
    principal: InspectionWriter,
    inspection_in: InspectionCreate,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    async def produce() -> tuple[int, InspectionRead, dict[str, str]]:
        inspection = await service.create_inspection(
            session, principal, establishment_id, inspection_in=inspection_in
        )
        return 201, InspectionRead.model_validate(inspection), {"ETag": etag_for(inspection.id, inspection.version)}

    return await idempotent(session, principal, request, idempotency_key, inspection_in, produce)


@router.get("/{establishment_id}/inspections/{inspection_id}", response_model=InspectionRead, responses=problems())
async def get_inspection(
    establishment_id: uuid.UUID,
    inspection_id: uuid.UUID,
    session: SessionDep,
    principal: InspectionReader,
    response: Response,
) -> InspectionRead:
    inspection = await service.get_inspection(session, principal, establishment_id, inspection_id)
    response.headers["ETag"] = etag_for(inspection.id, inspection.version)
    return InspectionRead.model_validate(inspection)


@router.patch(
    "/{establishment_id}/inspections/{inspection_id}",
    response_model=InspectionRead,
    responses=problems(409, 412, 428),
)
async def update_inspection(
    establishment_id: uuid.UUID,
    inspection_id: uuid.UUID,
    inspection_in: InspectionUpdate,
    session: SessionDep,
    principal: InspectionWriter,
    response: Response,
    if_match: IfMatch = None,
) -> InspectionRead:
    inspection = await service.update_inspection(
        session, principal, establishment_id, inspection_id, inspection_in=inspection_in, if_match=if_match
    )
    response.headers["ETag"] = etag_for(inspection.id, inspection.version)
    return InspectionRead.model_validate(inspection)
