from __future__ import annotations

import builtins
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from donghanh.clients import service as clients
from donghanh.clients.models import Client
from donghanh.clients.schemas import ClientCreate
from donghanh.contacts.models import OutreachContact
from donghanh.contacts.repository import ContactRepository
from donghanh.contacts.schemas import ContactCreate, ContactFilter, ContactRead, ContactUpdate
from donghanh.core import audit, bulk
from donghanh.core.base import utcnow
from donghanh.core.concurrency import check_precondition
from donghanh.core.errors import Forbidden, Unprocessable
from donghanh.core.pagination import RowPage, as_dicts
from donghanh.core.principal import Principal
from donghanh.establishments import service as establishments
from donghanh.org_units import service as org_units
from donghanh.org_units.models import OrgUnit
from donghanh.peer_groups import service as peer_groups

RESOURCE = "outreach_contact"


async def to_reads(session: AsyncSession, principal: Principal, contacts: list[OutreachContact]) -> list[ContactRead]:
    """Contacts just read, created or changed, as the caller reads them (flushed, so the view sees them)."""
    rows = await ContactRepository(session, principal).reads([c.id for c in contacts])
    return [ContactRead.model_validate(values) for values in as_dicts(rows)]


async def list(  # noqa: A001
    session: AsyncSession, principal: Principal, flt: ContactFilter, cursor: str | None, limit: int
) -> RowPage[ContactRead]:
    unit_paths = await org_units.filter_paths(session, flt.org_unit)
    rows, next_cursor = await ContactRepository(session, principal).list(flt, unit_paths, principal.id, cursor, limit)
    page = RowPage.of_rows(ContactRead, rows, next_cursor)
    if any(item["notes"] for item in page.items):
        await audit.record(session, principal, "list", RESOURCE, None, fields=["notes"],
                           org_unit_id=principal.org_unit_id)
    return page


async def stream(maker: async_sessionmaker[AsyncSession], principal: Principal, flt: ContactFilter,
                 size: int) -> AsyncIterator[builtins.list[dict[str, Any]]]:
    """Every contact of the list, as its pages hold them, `size` at a time from one statement in one
    transaction: an export's read (PostgreSQL; repository.stream_rows). Reading the notes is audited once, in
    a transaction of its own committed before they leave, since the stream's commits only at its end."""
    async with maker() as session:
        unit_paths = await org_units.filter_paths(session, flt.org_unit)
        audited = False
        async for rows in ContactRepository(session, principal).stream(flt, unit_paths, principal.id, size):
            items = RowPage.of_rows(ContactRead, rows, None).items
            if not audited and any(item["notes"] for item in items):
                async with maker() as audit_session:
                    await audit.record(audit_session, principal, "list", RESOURCE, None, fields=["notes"],
                                       org_unit_id=principal.org_unit_id)
                    await audit_session.commit()
                audited = True
            yield items
        await session.commit()  # nothing to write: the read's end (tests run every session in one transaction)


async def get(session: AsyncSession, principal: Principal, contact_id: uuid.UUID) -> OutreachContact:
    contact = await ContactRepository(session, principal).get(contact_id)
    if contact.notes:
        await audit.record(session, principal, "read", RESOURCE, contact.id, fields=["notes"],
                           org_unit_id=contact.org_unit_id)
    return contact


async def require_visible(
    session: AsyncSession, principal: Principal, contact_id: uuid.UUID, field: str
) -> OutreachContact:
    contact = await ContactRepository(session, principal).find(contact_id)
    if contact is None:
        raise Unprocessable.field(["body", field], "No contact with this id.")
    return contact


async def _remembered(memo: dict[Any, Any] | None, key: Any, check: Callable[[], Awaitable[Any]]) -> Any:
    """A check's answer, asked once per batch (`memo`) for the rows that name the same unit, group or client."""
    if memo is None:
        return await check()
    if key not in memo:
        memo[key] = await check()
    return memo[key]


async def _check_establishment(session: AsyncSession, principal: Principal, establishment_id: uuid.UUID,
                               unit: OrgUnit) -> None:
    establishment = await establishments.require_visible(session, principal, establishment_id, "establishment_id")
    where = await org_units.require_unit(session, establishment.org_unit_id)
    if not where.path.startswith(unit.path):
        raise Unprocessable.field(["body", "establishment_id"],
                                  f"The establishment is in {where.name}, outside {unit.name}.")


async def _client_for(session: AsyncSession, principal: Principal, contact_in: ContactCreate,
                      unit: OrgUnit, memo: dict[Any, Any] | None = None) -> Client | None:
    if contact_in.client_id is not None:
        client_id = contact_in.client_id
        return await _remembered(memo, ("client", client_id), lambda: clients.require_visible(
            session, principal, client_id, "client_id"))
    if contact_in.client_code is not None:
        code = contact_in.client_code
        return await _remembered(memo, ("client_code", code), lambda: clients.find_by_code_for_contact(
            session, principal, code, "client_code"))
    if contact_in.new_client is not None:
        data = contact_in.new_client.model_dump(exclude_unset=True)
        data.setdefault("org_unit_id", unit.id)
        if contact_in.place == "establishment":
            data.setdefault("establishment_id", contact_in.establishment_id)
        try:
            client_in = ClientCreate(**data)
        except ValueError as exc:
            raise Unprocessable.field(["body", "new_client"], str(exc)) from None
        return await clients.create(session, principal, client_in=client_in)
    return None


def _require_person(principal: Principal) -> None:
    if principal.id is None or principal.kind != "user":
        raise Forbidden("Contacts are recorded by people, not by systems.")


async def _checked_values(session: AsyncSession, principal: Principal, contact_in: ContactCreate,
                          memo: dict[Any, Any] | None = None) -> dict[str, Any]:
    """Every check a new contact passes (its unit in the caller's scope and in force on the day, the
    establishment inside that unit, the peer group and the client visible to the caller), then its columns."""
    unit_id, day = contact_in.org_unit_id, contact_in.contacted_on
    unit = await _remembered(memo, ("unit", unit_id, day), lambda: org_units.require_unit_in_scope(
        session, principal, unit_id, on=day))
    if (establishment_id := contact_in.establishment_id) is not None:
        await _remembered(memo, ("establishment", establishment_id, unit.id), lambda: _check_establishment(
            session, principal, establishment_id, unit))
    if (group_id := contact_in.peer_group_id) is not None:
        await _remembered(memo, ("peer_group", group_id), lambda: peer_groups.require_visible(
            session, principal, group_id, "peer_group_id"))
    client = await _client_for(session, principal, contact_in, unit, memo)
    return {
        "contacted_on": contact_in.contacted_on, "org_unit_id": unit.id, "peer_group_id": contact_in.peer_group_id,
        "recorded_by": principal.id, "client_id": client.id if client else None,
        "establishment_id": contact_in.establishment_id, "place": contact_in.place.value,
        "first_contact": contact_in.first_contact or contact_in.new_client is not None,
        "topics": [t.value for t in contact_in.topics],
        "materials": {k.value: v for k, v in contact_in.materials.items()},
        "needs": [n.value for n in contact_in.needs], "notes": contact_in.notes, "external_id": contact_in.external_id,
    }


def _audited_fields(contact_in: ContactCreate) -> list[str]:
    return sorted(contact_in.model_fields_set - {"new_client", "client_code"})


async def create(session: AsyncSession, principal: Principal, *, contact_in: ContactCreate) -> OutreachContact:
    _require_person(principal)
    contact = OutreachContact(**await _checked_values(session, principal, contact_in))
    session.add(contact)
    await session.flush()
    await audit.record(session, principal, "create", RESOURCE, contact.id, fields=_audited_fields(contact_in),
                       org_unit_id=contact.org_unit_id)
    return contact


_MEMO_LIMIT = 20_000  # answers held per memo: a register naming a client a row stays flat in memory


async def create_many(session: AsyncSession, principal: Principal, *, contacts_in: Sequence[ContactCreate],
                      memo: dict[Any, Any] | None = None) -> Sequence[uuid.UUID]:
    """Many contacts at once (imports): each passes create()'s checks — answers remembered within the batch,
    or across the batches of one transaction in `memo` (an import's run: the units, establishments, groups
    and clients it checks are not changed by writing contacts), so a thousand rows of one commune check it
    once — then they are written in one go (COPY on PostgreSQL) and each gets its own audit event. The
    first contact create() would refuse raises as create() would, before anything is written. Contacts
    that register a new client go through create(), one by one."""
    _require_person(principal)
    if memo is None:
        memo = {}
    elif len(memo) > _MEMO_LIMIT:
        memo.clear()
    now = utcnow()
    rows: builtins.list[dict[str, Any]] = []
    ids: builtins.list[uuid.UUID] = []
    audited: builtins.list[tuple[uuid.UUID, uuid.UUID, builtins.list[str]]] = []
    for contact_in in contacts_in:
        if contact_in.new_client is not None:
            ids.append((await create(session, principal, contact_in=contact_in)).id)
            continue
        values = await _checked_values(session, principal, contact_in, memo)
        values.update(id=uuid.uuid4(), created_at=now, updated_at=now, version=1)
        rows.append(values)
        ids.append(values["id"])
        audited.append((values["id"], values["org_unit_id"], _audited_fields(contact_in)))
    if rows:
        await bulk.insert_rows(session, OutreachContact.__table__, rows)
        await audit.record_many(session, principal, "create", RESOURCE, audited)
    return ids


async def update(
    session: AsyncSession, principal: Principal, contact_id: uuid.UUID, *, contact_in: ContactUpdate,
    if_match: str | None,
) -> OutreachContact:
    contact = await ContactRepository(session, principal).get(contact_id)
    check_precondition(if_match, contact.id, contact.version, contact_in.version)
    changes = contact_in.model_dump(exclude_unset=True, exclude={"version"})
    for required in ("contacted_on", "place", "first_contact", "topics", "materials", "needs"):
        if required in changes and changes[required] is None:
            raise Unprocessable.field(["body", required], "may not be null")
    unit = await org_units.require_unit(session, contact.org_unit_id)
    if "contacted_on" in changes:
        await org_units.require_unit_in_scope(session, principal, unit.id, on=changes["contacted_on"],
                                              field="contacted_on")
    if changes.get("establishment_id"):
        await _check_establishment(session, principal, changes["establishment_id"], unit)
    for field, value in changes.items():
        if field == "materials":
            value = {k.value if hasattr(k, "value") else k: v for k, v in value.items()}
        elif field in ("topics", "needs"):
            value = [v.value if hasattr(v, "value") else v for v in value]
        elif hasattr(value, "value"):
            value = value.value
        setattr(contact, field, value)
    if contact.place == "establishment" and contact.establishment_id is None:
        raise Unprocessable.field(["body", "establishment_id"], "A contact at an establishment names it.")
    await session.flush()
    await audit.record(session, principal, "update", RESOURCE, contact.id, fields=sorted(changes),
                       org_unit_id=contact.org_unit_id)
    return contact

