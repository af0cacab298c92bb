from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Header, Query, Request, Response
from fastapi.responses import JSONResponse

from donghanh.clients.schemas import DuplicateProblem
from donghanh.contacts import service
from donghanh.contacts.schemas import ContactCreate, ContactFilter, ContactRead, ContactUpdate
from donghanh.core.concurrency import IdempotencyKey, etag_for, idempotent
from donghanh.core.errors import problems
from donghanh.core.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page
from donghanh.core.permissions import Permission, Require
from donghanh.core.principal import Principal
from donghanh.core.routing import DomainRouter
from donghanh.db import SessionDep

router = DomainRouter(prefix="/contacts", tags=["contacts"])
Reader = Annotated[Principal, Depends(Require(Permission.contacts_read))]
Writer = Annotated[Principal, Depends(Require(Permission.contacts_write))]


@router.get("", response_model=Page[ContactRead], responses=problems())
async def list_contacts(
    session: SessionDep, principal: Reader, flt: Annotated[ContactFilter, Query()],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> Response:
    return (await service.list(session, principal, flt, cursor, limit)).response()


@router.post("", status_code=201, response_model=ContactRead, responses=problems() | {
    409: {"model": DuplicateProblem, "content": {"application/problem+json": {}},
          "description": "The new client may already be registered (candidates), or the key is in use"}})
async def create_contact(
    request: Request, session: SessionDep, principal: Writer, contact_in: ContactCreate,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    """Record a contact; send an Idempotency-Key so a retried send (offline queue) never doubles it."""

    async def produce() -> tuple[int, ContactRead, dict[str, str]]:
        contact = await service.create(session, principal, contact_in=contact_in)
        (read,) = await service.to_reads(session, principal, [contact])
        return 201, read, {"ETag": etag_for(contact.id, contact.version)}

    return await idempotent(session, principal, request, idempotency_key, contact_in, produce)


@router.get("/{contact_id}", response_model=ContactRead, responses=problems())
async def get_contact(contact_id: uuid.UUID, session: SessionDep, principal: Reader, response: Response) -> ContactRead:
    contact = await service.get(session, principal, contact_id)
    response.headers["ETag"] = etag_for(contact.id, contact.version)
    (read,) = await service.to_reads(session, principal, [contact])
    return read


@router.patch("/{contact_id}", response_model=ContactRead, responses=problems(412, 428))
async def update_contact(
    contact_id: uuid.UUID, contact_in: ContactUpdate, session: SessionDep, principal: Writer, response: Response,
    if_match: Annotated[str | None, Header(alias="If-Match")] = None,
) -> ContactRead:
    contact = await service.update(session, principal, contact_id, contact_in=contact_in, if_match=if_match)
    response.headers["ETag"] = etag_for(contact.id, contact.version)
    (read,) = await service.to_reads(session, principal, [contact])
    return read
