from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Header, Query, Request, Response
from fastapi.responses import JSONResponse

from donghanh.clients import service
from donghanh.clients.schemas import (
    ClientCreate,
    ClientFilter,
    ClientIdentityRead,
    ClientRead,
    ClientUpdate,
    DuplicateProblem,
)
from donghanh.contacts import service as contacts
from donghanh.contacts.schemas import ContactFilter, ContactRead
from donghanh.core.concurrency import IdempotencyKey, etag_for, idempotent
from donghanh.core.errors import problems
from donghanh.core.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page
from donghanh.core.permissions import Permission, Require
from donghanh.core.principal import Principal
from donghanh.core.routing import DomainRouter
from donghanh.db import SessionDep

router = DomainRouter(prefix="/clients", tags=["clients"])
Reader = Annotated[Principal, Depends(Require(Permission.clients_read))]
Writer = Annotated[Principal, Depends(Require(Permission.clients_write))]
ContactReader = Annotated[Principal, Depends(Require(Permission.contacts_read))]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Cursor = Annotated[str | None, Query(max_length=500)]
ClientOut = ClientIdentityRead | ClientRead


@router.get("", response_model=Page[ClientRead], responses=problems())
async def list_clients(
    session: SessionDep, principal: Reader, flt: Annotated[ClientFilter, Query()], limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Response:
    """Lists carry no identity: open a client to read it (each such read is audited)."""
    return (await service.list(session, principal, flt, cursor, limit)).response()


@router.post("", status_code=201, response_model=ClientOut, responses=problems() | {
    409: {"model": DuplicateProblem, "content": {"application/problem+json": {}},
          "description": "Possible duplicates: link to a candidate, or resend with allow_duplicate=true"}})
async def create_client(
    request: Request, session: SessionDep, principal: Writer, client_in: ClientCreate,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    """A 409 with `candidates` reports possible duplicates (codes; names only where you may see them)."""

    async def produce() -> tuple[int, ClientOut, dict[str, str]]:
        client = await service.create(session, principal, client_in=client_in)
        read = await service.to_read(session, principal, client, audit_read=False)
        return 201, read, {"ETag": etag_for(client.id, client.version)}

    return await idempotent(session, principal, request, idempotency_key, client_in, produce)


@router.get("/{client_id}", response_model=ClientOut, responses=problems())
async def get_client(client_id: uuid.UUID, session: SessionDep, principal: Reader, response: Response) -> ClientOut:
    client = await service.get(session, principal, client_id)
    response.headers["ETag"] = etag_for(client.id, client.version)
    return await service.to_read(session, principal, client)


@router.patch("/{client_id}", response_model=ClientOut, responses=problems(412, 428))
async def update_client(
    client_id: uuid.UUID, client_in: ClientUpdate, session: SessionDep, principal: Writer, response: Response,
    if_match: Annotated[str | None, Header(alias="If-Match")] = None,
) -> ClientOut:
    client = await service.update(session, principal, client_id, client_in=client_in, if_match=if_match)
    response.headers["ETag"] = etag_for(client.id, client.version)
    return await service.to_read(session, principal, client, audit_read=False)


@router.get("/{client_id}/contacts", response_model=Page[ContactRead], responses=problems())
async def client_timeline(
    client_id: uuid.UUID, session: SessionDep, principal: ContactReader, _: Reader, limit: Limit = DEFAULT_LIMIT,
    cursor: Cursor = None,
) -> Response:
    """The client's contacts, newest first (only those you may see)."""
    await service.get(session, principal, client_id)
    return (await contacts.list(session, principal, ContactFilter(client=client_id), cursor, limit)).response()
