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
from donghanh.peer_groups import service
from donghanh.peer_groups.schemas import (
    MemberCreate,
    MemberRead,
    MemberUpdate,
    PeerGroupCreate,
    PeerGroupFilter,
    PeerGroupRead,
    PeerGroupUpdate,
)

router = DomainRouter(prefix="/peer-groups", tags=["peer-groups"])
Reader = Annotated[Principal, Depends(Require(Permission.peer_groups_read))]
Writer = Annotated[Principal, Depends(Require(Permission.peer_groups_write))]
IfMatch = Annotated[str | None, Header(alias="If-Match")]


@router.get("", response_model=Page[PeerGroupRead], responses=problems())
async def list_peer_groups(
    session: SessionDep,
    principal: Reader,
    flt: Annotated[PeerGroupFilter, Query()],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> Page[PeerGroupRead]:
    return await service.list(session, principal, flt, cursor, limit)


@router.post("", status_code=201, response_model=PeerGroupRead, responses=problems(409))
async def create_peer_group(
    request: Request, session: SessionDep, principal: Writer, group_in: PeerGroupCreate,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    async def produce() -> tuple[int, PeerGroupRead, dict[str, str]]:
        group = await service.create(session, principal, group_in=group_in)
        return 201, await service.read(session, principal, group), {"ETag": etag_for(group.id, group.version)}

    return await idempotent(session, principal, request, idempotency_key, group_in, produce)


@router.get("/{group_id}", response_model=PeerGroupRead, responses=problems())
async def get_peer_group(
    group_id: uuid.UUID, session: SessionDep, principal: Reader, response: Response
) -> PeerGroupRead:
    group = await service.get(session, principal, group_id)
    response.headers["ETag"] = etag_for(group.id, group.version)
    return await service.read(session, principal, group)


@router.patch("/{group_id}", response_model=PeerGroupRead, responses=problems(412, 428))
async def update_peer_group(
    group_id: uuid.UUID, group_in: PeerGroupUpdate, session: SessionDep, principal: Writer, response: Response,
    if_match: IfMatch = None,
) -> PeerGroupRead:
    group = await service.update(session, principal, group_id, group_in=group_in, if_match=if_match)
    response.headers["ETag"] = etag_for(group.id, group.version)
    return await service.read(session, principal, group)


@router.get("/{group_id}/members", response_model=list[MemberRead], responses=problems())
async def list_members(group_id: uuid.UUID, session: SessionDep, principal: Reader) -> list[MemberRead]:
    return await service.members(session, principal, group_id)


@router.post("/{group_id}/members", status_code=201, response_model=MemberRead, responses=problems(409))
async def add_member(
    group_id: uuid.UUID, request: Request, session: SessionDep, principal: Writer, member_in: MemberCreate,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    async def produce() -> tuple[int, MemberRead, dict[str, str]]:
        member = await service.add_member(session, principal, group_id, member_in=member_in)
        return 201, MemberRead.model_validate(member), {"ETag": etag_for(member.id, member.version)}

    return await idempotent(session, principal, request, idempotency_key, member_in, produce)


@router.patch("/{group_id}/members/{member_id}", response_model=MemberRead, responses=problems(412, 428))
async def update_member(
    group_id: uuid.UUID, member_id: uuid.UUID, member_in: MemberUpdate, session: SessionDep, principal: Writer,
    response: Response, if_match: IfMatch = None,
) -> MemberRead:
    member = await service.update_member(session, principal, group_id, member_id, member_in=member_in,
                                         if_match=if_match)
    response.headers["ETag"] = etag_for(member.id, member.version)
    return MemberRead.model_validate(member)
