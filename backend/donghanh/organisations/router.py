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
from donghanh.organisations import service
from donghanh.organisations.schemas import (
    OrganisationCreate,
    OrganisationFilter,
    OrganisationRead,
    OrganisationUpdate,
)

router = DomainRouter(prefix="/organisations", tags=["organisations"])
directory_router = DomainRouter(prefix="/service-directory", tags=["service-directory"])
Reader = Annotated[Principal, Depends(Require(Permission.organisations_read))]
Writer = Annotated[Principal, Depends(Require(Permission.organisations_write))]


@router.get("", response_model=Page[OrganisationRead], responses=problems())
async def list_organisations(
    session: SessionDep,
    _: Reader,
    flt: Annotated[OrganisationFilter, Query()],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> Page[OrganisationRead]:
    return await service.list(session, flt, cursor, limit)


@router.post("", status_code=201, response_model=OrganisationRead, responses=problems(409))
async def create_organisation(
    request: Request,
    session: SessionDep,
    principal: Writer,
    organisation_in: OrganisationCreate,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    async def produce() -> tuple[int, OrganisationRead, dict[str, str]]:
        organisation = await service.create(session, principal, organisation_in=organisation_in)
        return 201, OrganisationRead.model_validate(organisation), {
            "ETag": etag_for(organisation.id, organisation.version)
        }

    return await idempotent(session, principal, request, idempotency_key, organisation_in, produce)


@router.get("/{organisation_id}", response_model=OrganisationRead, responses=problems())
async def get_organisation(
    organisation_id: uuid.UUID, session: SessionDep, _: Reader, response: Response
) -> OrganisationRead:
    organisation = await service.get(session, organisation_id)
    response.headers["ETag"] = etag_for(organisation.id, organisation.version)
    return OrganisationRead.model_validate(organisation)


@router.patch("/{organisation_id}", response_model=OrganisationRead, responses=problems(409, 412, 428))
async def update_organisation(
    organisation_id: uuid.UUID,
    organisation_in: OrganisationUpdate,
    session: SessionDep,
    principal: Writer,
    response: Response,
    if_match: Annotated[str | None, Header(alias="If-Match")] = None,
) -> OrganisationRead:
    organisation = await service.update(
        session, principal, organisation_id, organisation_in=organisation_in, if_match=if_match
    )
    response.headers["ETag"] = etag_for(organisation.id, organisation.version)
    return OrganisationRead.model_validate(organisation)


@directory_router.get("", response_model=Page[OrganisationRead], responses=problems())
async def service_directory(
    session: SessionDep,
    _: Reader,
    flt: Annotated[OrganisationFilter, Query()],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> Page[OrganisationRead]:
    """Active organisations that provide services, by service type, area (`org_unit`) and name."""
    return await service.directory(session, flt, cursor, limit)


@directory_router.get("/hsds", responses=problems())
async def service_directory_hsds(session: SessionDep, _: Reader) -> JSONResponse:
    """The directory in Open Referral HSDS 3.0 JSON, for other directories to import."""
    return JSONResponse(await service.hsds(session), headers={
        "Content-Disposition": 'attachment; filename="donghanh-service-directory.hsds.json"'})
