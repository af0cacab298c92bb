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
from donghanh.users import service
from donghanh.users.schemas import UserCreate, UserFilter, UserRead, UserUpdate

router = DomainRouter(prefix="/users", tags=["users"])
Reader = Annotated[Principal, Depends(Require(Permission.users_read))]
Writer = Annotated[Principal, Depends(Require(Permission.users_write))]


@router.get("", response_model=Page[UserRead], responses=problems())
async def list_users(
    session: SessionDep,
    principal: Reader,
    flt: Annotated[UserFilter, Query()],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> Page[UserRead]:
    return await service.list(session, principal, flt, cursor, limit)


@router.post("", status_code=201, response_model=UserRead, responses=problems(409))
async def create_user(
    request: Request,
    session: SessionDep,
    principal: Writer,
    user_in: UserCreate,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    async def produce() -> tuple[int, UserRead, dict[str, str]]:
        user = await service.create(session, principal, user_in=user_in)
        return 201, UserRead.model_validate(user), {"ETag": etag_for(user.id, user.version)}

    return await idempotent(session, principal, request, idempotency_key, user_in, produce)


@router.get("/{user_id}", response_model=UserRead, responses=problems())
async def get_user(user_id: uuid.UUID, session: SessionDep, principal: Reader, response: Response) -> UserRead:
    user = await service.get(session, principal, user_id)
    response.headers["ETag"] = etag_for(user.id, user.version)
    return UserRead.model_validate(user)


@router.patch("/{user_id}", response_model=UserRead, responses=problems(409, 412, 428))
async def update_user(
    user_id: uuid.UUID,
    user_in: UserUpdate,
    session: SessionDep,
    principal: Writer,
    response: Response,
    if_match: Annotated[str | None, Header(alias="If-Match")] = None,
) -> UserRead:
    user = await service.update(session, principal, user_id, user_in=user_in, if_match=if_match)
    response.headers["ETag"] = etag_for(user.id, user.version)
    return UserRead.model_validate(user)
