from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Header, Query, Request, Response
from fastapi.responses import JSONResponse

from donghanh.activities import service
from donghanh.activities.schemas import ActivityCreate, ActivityFilter, ActivityRead, ActivityUpdate
from donghanh.core.concurrency import IdempotencyKey, etag_for, idempotent
from donghanh.core.errors import problems
from donghanh.core.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page
from donghanh.core.permissions import Permission, Require
from donghanh.core.principal import Principal
from donghanh.core.routing import DomainRouter
from donghanh.db import SessionDep

router = DomainRouter(prefix="/activities", tags=["activities"])
Reader = Annotated[Principal, Depends(Require(Permission.activities_read))]
Writer = Annotated[Principal, Depends(Require(Permission.activities_write))]


@router.get("", response_model=Page[ActivityRead], responses=problems())
async def list_activities(
    session: SessionDep, principal: Reader, flt: Annotated[ActivityFilter, Query()],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> Page[ActivityRead]:
    return await service.list(session, principal, flt, cursor, limit)


@router.post("", status_code=201, response_model=ActivityRead, responses=problems(409))
async def create_activity(
    request: Request, session: SessionDep, principal: Writer, activity_in: ActivityCreate,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    async def produce() -> tuple[int, ActivityRead, dict[str, str]]:
        activity = await service.create(session, principal, activity_in=activity_in)
        return 201, ActivityRead.model_validate(activity), {"ETag": etag_for(activity.id, activity.version)}

    return await idempotent(session, principal, request, idempotency_key, activity_in, produce)


@router.get("/{activity_id}", response_model=ActivityRead, responses=problems())
async def get_activity(
    activity_id: uuid.UUID, session: SessionDep, principal: Reader, response: Response
) -> ActivityRead:
    activity = await service.get(session, principal, activity_id)
    response.headers["ETag"] = etag_for(activity.id, activity.version)
    return ActivityRead.model_validate(activity)


@router.patch("/{activity_id}", response_model=ActivityRead, responses=problems(412, 428))
async def update_activity(
    activity_id: uuid.UUID, activity_in: ActivityUpdate, session: SessionDep, principal: Writer,
    response: Response, if_match: Annotated[str | None, Header(alias="If-Match")] = None,
) -> ActivityRead:
    activity = await service.update(session, principal, activity_id, activity_in=activity_in, if_match=if_match)
    response.headers["ETag"] = etag_for(activity.id, activity.version)
    return ActivityRead.model_validate(activity)
