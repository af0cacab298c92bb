from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends

from donghanh.api_clients import service
from donghanh.api_clients.schemas import (
    ApiClientCreate,
    ApiClientRead,
    ApiClientUpdate,
    ApiClientWithSecret,
    SecretRotation,
)
from donghanh.core.errors import problems
from donghanh.core.permissions import Permission, Require
from donghanh.core.principal import Principal
from donghanh.core.routing import DomainRouter
from donghanh.db import SessionDep

router = DomainRouter(prefix="/api-clients", tags=["api-clients"])
Admin = Annotated[Principal, Depends(Require(Permission.api_clients_manage))]


@router.get("", response_model=list[ApiClientRead], responses=problems())
async def list_api_clients(session: SessionDep, _: Admin) -> list[ApiClientRead]:
    return await service.list(session)


@router.post("", status_code=201, response_model=ApiClientWithSecret, responses=problems())
async def create_api_client(session: SessionDep, principal: Admin, client_in: ApiClientCreate) -> ApiClientWithSecret:
    """Creates a partner client; the response is the only time its secret is shown."""
    return await service.create(session, principal, client_in=client_in)


@router.get("/{api_client_id}", response_model=ApiClientRead, responses=problems())
async def get_api_client(api_client_id: uuid.UUID, session: SessionDep, _: Admin) -> ApiClientRead:
    return await service.read(session, await service.get(session, api_client_id))


@router.patch("/{api_client_id}", response_model=ApiClientRead, responses=problems())
async def update_api_client(
    api_client_id: uuid.UUID, client_in: ApiClientUpdate, session: SessionDep, principal: Admin
) -> ApiClientRead:
    return await service.update(session, principal, api_client_id, client_in=client_in)


@router.post("/{api_client_id}/secrets", status_code=201, response_model=ApiClientWithSecret, responses=problems())
async def rotate_api_client_secret(
    api_client_id: uuid.UUID, rotation: SecretRotation, session: SessionDep, principal: Admin
) -> ApiClientWithSecret:
    """Issue a new secret; the current ones stay valid for `overlap_hours`."""
    return await service.rotate_secret(session, principal, api_client_id, overlap_hours=rotation.overlap_hours)
