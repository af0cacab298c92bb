from __future__ import annotations

import secrets
import uuid
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.clients.models import PROTECTED_FIELDS, Client, ClientGroup
from donghanh.clients.repository import ClientRegistry, ClientRepository
from donghanh.clients.schemas import (
    ClientCreate,
    ClientFilter,
    ClientIdentityRead,
    ClientRead,
    ClientUpdate,
    DuplicateCandidate,
    SharedClient,
)
from donghanh.core import audit, crypto
from donghanh.core.concurrency import check_precondition
from donghanh.core.errors import Conflict, NotFound, Unprocessable
from donghanh.core.pagination import Page, RowPage
from donghanh.core.permissions import Permission
from donghanh.core.principal import SYSTEM, Principal
from donghanh.core.text import fold
from donghanh.core.vocabulary import age_group
from donghanh.establishments import service as establishments
from donghanh.org_units import service as org_units

RESOURCE = "client"
# No 0/O or 1/I/L: codes are read aloud and copied from paper cards.
_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_code() -> str:
    body = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(8))
    return f"DH-{body[:4]}-{body[4:]}"


def _indexes(full_name: str | None) -> tuple[str | None, str | None]:
    folded = fold(full_name)
    if not folded:
        return None, None
    ring = crypto.ring()
    return ring.blind_index(folded), ring.blind_index(folded.split()[-1])


def may_identify(principal: Principal) -> bool:
    return principal.can(Permission.clients_identify)


def _base(client: Client, unit_names: dict[uuid.UUID, str]) -> dict[str, Any]:
    return {
        "age_group": age_group(client.birth_year, date.today().year),
        "org_unit_name": unit_names.get(client.org_unit_id),
        "has_identity": any(getattr(client, f) for f in PROTECTED_FIELDS),
    }


async def to_read(
    session: AsyncSession, principal: Principal, client: Client, *, audit_read: bool = True
) -> ClientRead | ClientIdentityRead:
    names = await org_units.names(session, {client.org_unit_id})
    extra = _base(client, names)
    if not may_identify(principal):
        return ClientRead.model_validate(client).model_copy(update=extra)
    read = ClientIdentityRead.model_validate(client).model_copy(update=extra)
    fields = [f for f in PROTECTED_FIELDS if getattr(client, f)]
    if audit_read and fields:
        await audit.record(session, principal, "read", RESOURCE, client.id, fields=fields,
                           org_unit_id=client.org_unit_id)
    return read


async def list(  # noqa: A001
    session: AsyncSession, principal: Principal, flt: ClientFilter, cursor: str | None, limit: int
) -> RowPage[ClientRead]:
    unit_paths = await org_units.filter_paths(session, flt.org_unit)
    rows, next_cursor = await ClientRepository(session, principal).list(flt, unit_paths, cursor, limit)
    # Lists never carry identity: names are read one person at a time, each read audited.
    this_year = date.today().year
    ring, notes = crypto.ring(), Client.notes.type.context
    return RowPage.of_rows(ClientRead, rows, next_cursor, lambda row: {
        "age_group": age_group(row["birth_year"], this_year),
        "has_identity": row["identified"] or ring.holds_text(row["notes_sealed"], notes)})


async def get(session: AsyncSession, principal: Principal, client_id: uuid.UUID) -> Client:
    return await ClientRepository(session, principal).get(client_id)


async def codes_for(session: AsyncSession, principal: Principal, ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    return await ClientRepository(session, principal).codes(ids)


async def require_visible(session: AsyncSession, principal: Principal, client_id: uuid.UUID, field: str) -> Client:
    client = await ClientRepository(session, principal).find(client_id)
    if client is None:
        raise Unprocessable.field(["body", field], "No client with this id.")
    return client


async def find_by_code_for_contact(session: AsyncSession, principal: Principal, code: str, field: str) -> Client:
    """A code read off a person's card links the contact to them, if they are registered in the caller's area."""
    client = await ClientRegistry(session, principal).by_code_in_caller_units(code)
    if client is None:
        raise Unprocessable.field(["body", field], "No client with this code in your area.")
    return client


async def _unique_code(session: AsyncSession, principal: Principal) -> str:
    registry = ClientRegistry(session, principal)
    for _ in range(10):
        code = new_code()
        if not await registry.code_taken(code):
            return code
    raise Conflict("Could not allocate a client code; try again.")


async def _check_establishment(session: AsyncSession, principal: Principal, establishment_id: uuid.UUID | None,
                               field: str = "establishment_id") -> None:
    if establishment_id is not None:
        await establishments.require_visible(session, principal, establishment_id, field)


async def _duplicates(session: AsyncSession, principal: Principal, client_in: ClientCreate,
                      name_index: str | None, given_index: str | None) -> list[DuplicateCandidate]:
    found = await ClientRegistry(session, principal).possible_duplicates(
        client_in.org_unit_id, client_in.birth_year, client_in.sex.value, name_index, given_index)
    visible = {c.id for c in found if await ClientRepository(session, principal).find(c.id) is not None}
    candidates = []
    for c in found:
        shown_name = c.full_name if c.id in visible and may_identify(principal) else None
        if shown_name:
            await audit.record(session, principal, "read", RESOURCE, c.id, fields=["full_name"],
                               org_unit_id=c.org_unit_id)
        candidates.append(DuplicateCandidate(
            id=c.id, code=c.code, sex=c.sex, birth_year=c.birth_year,
            match="same_name" if c.name_index == name_index else "same_given_name", full_name=shown_name))
    return candidates


async def create(session: AsyncSession, principal: Principal, *, client_in: ClientCreate) -> Client:
    await org_units.require_unit_in_scope(session, principal, client_in.org_unit_id)
    await _check_establishment(session, principal, client_in.establishment_id)
    name_index, given_index = _indexes(client_in.full_name)
    if not client_in.allow_duplicate:
        candidates = await _duplicates(session, principal, client_in, name_index, given_index)
        if candidates:
            raise Conflict(
                "This person may already be registered. Link the contact to an existing code, or send "
                "allow_duplicate=true to register a new person.",
                extra={"candidates": [c.model_dump(mode="json") for c in candidates]},
            )
    data = client_in.model_dump(exclude={"allow_duplicate"})
    data["consent_share_with_providers"] = bool(data["consent_share_with_providers"])
    client = Client(**data, code=await _unique_code(session, principal), name_index=name_index,
                    given_name_index=given_index, created_by=principal.id)
    session.add(client)
    await session.flush()
    await audit.record(session, principal, "create", RESOURCE, client.id,
                       fields=sorted(k for k, v in data.items() if v not in (None, False)),
                       org_unit_id=client.org_unit_id)
    return client


async def update(
    session: AsyncSession, principal: Principal, client_id: uuid.UUID, *, client_in: ClientUpdate,
    if_match: str | None,
) -> Client:
    client = await get(session, principal, client_id)
    check_precondition(if_match, client.id, client.version, client_in.version)
    changes = client_in.model_dump(exclude_unset=True, exclude={"version"})
    for required in ("sex", "group", "org_unit_id", "consent_share_with_providers"):
        if required in changes and changes[required] is None:
            raise Unprocessable.field(["body", required], "may not be null")
    if any(f in changes for f in PROTECTED_FIELDS) and not may_identify(principal):
        raise Unprocessable.field(["body", "full_name"], "Your role may not record identities.")
    if "org_unit_id" in changes:
        await org_units.require_unit_in_scope(session, principal, changes["org_unit_id"])
    if "establishment_id" in changes:
        await _check_establishment(session, principal, changes["establishment_id"])
    for field, value in changes.items():
        setattr(client, field, value.value if hasattr(value, "value") else value)
    if client.consent_data_processing_on is None:
        given = [f for f in PROTECTED_FIELDS if f in changes and changes[f]]
        if given:
            raise Unprocessable.field(["body", given[0]], "Recording identity needs consent_data_processing_on.")
        # Consent withdrawn: the identity goes, the pseudonymous record stays.
        for field in PROTECTED_FIELDS:
            setattr(client, field, None)
        client.consent_share_with_providers = False
    client.name_index, client.given_name_index = _indexes(client.full_name)
    await session.flush()
    await audit.record(session, principal, "update", RESOURCE, client.id, fields=sorted(changes),
                       org_unit_id=client.org_unit_id)
    return client


async def _registered(session: AsyncSession, client_id: uuid.UUID) -> Client:
    client = await ClientRegistry(session, SYSTEM).find(client_id)
    if client is None:
        raise NotFound("No such client.")
    return client


async def needs_legal_basis_to_share(session: AsyncSession, client_id: uuid.UUID) -> bool:
    """A (possible) trafficking victim who has not consented to sharing with providers."""
    client = await _registered(session, client_id)
    return client.group == ClientGroup.trafficking_victim and not client.consent_share_with_providers


async def shared_with_provider(
    session: AsyncSession, principal: Principal, client_id: uuid.UUID, *, referral_id: uuid.UUID
) -> SharedClient:
    """The provider's view of the person referred to it: code, sex, age group and group; name and phone
    only with consent to share. Victim status is never shown to providers."""
    client = await _registered(session, client_id)
    consented = bool(client.consent_share_with_providers and client.consent_data_processing_on)
    shared = SharedClient(
        code=client.code, sex=client.sex, age_group=age_group(client.birth_year, date.today().year),
        group=None if client.group == ClientGroup.trafficking_victim else client.group,
        full_name=client.full_name if consented else None, phone=client.phone if consented else None,
    )
    fields = [f for f in ("full_name", "phone") if getattr(shared, f)]
    if fields:
        await audit.record(session, principal, "read", RESOURCE, client.id, fields=fields,
                           org_unit_id=client.org_unit_id)
    return shared


async def mark_protected_victim(session: AsyncSession, principal: Principal, client: Client) -> None:
    """Opening a victim case (even under identification) puts the person in the most restricted class."""
    if client.group != ClientGroup.trafficking_victim:
        client.group = ClientGroup.trafficking_victim.value
        await session.flush()
        await audit.record(session, principal, "update", RESOURCE, client.id, fields=["group"],
                           org_unit_id=client.org_unit_id)


async def list_identified(
    session: AsyncSession, principal: Principal, flt: ClientFilter, cursor: str | None, limit: int
) -> Page[ClientRead | ClientIdentityRead]:
    """A page of clients for an export: with identity for roles that may see it (each person's read audited
    with the fields returned), without it for everyone else."""
    unit_paths = await org_units.filter_paths(session, flt.org_unit)
    rows, next_cursor = await ClientRepository(session, principal).list_entities(flt, unit_paths, cursor, limit)
    names = await org_units.names(session, {c.org_unit_id for c in rows})
    items: list[ClientRead | ClientIdentityRead] = []
    for client in rows:
        if not may_identify(principal):
            items.append(ClientRead.model_validate(client).model_copy(update=_base(client, names)))
            continue
        items.append(ClientIdentityRead.model_validate(client).model_copy(update=_base(client, names)))
        fields = [f for f in PROTECTED_FIELDS if getattr(client, f)]
        if fields:
            await audit.record(session, principal, "export", RESOURCE, client.id, fields=fields,
                               org_unit_id=client.org_unit_id)
    return Page[ClientRead | ClientIdentityRead](items=items, next_cursor=next_cursor)
