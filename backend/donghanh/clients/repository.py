from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row, Select, Text, or_, type_coerce

from donghanh.clients import policy as _policy  # noqa: F401  (scope rules ride with the repository)
from donghanh.clients.models import Client
from donghanh.clients.schemas import ClientFilter, ClientRead
from donghanh.core.pagination import SortKey
from donghanh.core.principal import SYSTEM, Principal
from donghanh.core.repository import Filters, ScopedRepository, looked_up
from donghanh.core.scoping import in_subtree
from donghanh.core.text import like_escape
from donghanh.org_units.models import OrgUnit

SORT_KEYS = [SortKey(Client.created_at, "created_at", descending=True), SortKey(Client.id, "id", descending=True)]


def _filters(flt: ClientFilter) -> Filters:
    f = Filters()
    code_prefix = like_escape(flt.q.strip().upper()) + "%" if flt.q else None
    f.value("code_prefix", code_prefix, lambda v: Client.code.like(v, escape="\\"))
    f.value("group", flt.group, lambda v: Client.group == v)
    f.value("sex", flt.sex, lambda v: Client.sex == v)
    f.value("establishment", flt.establishment, lambda v: Client.establishment_id == v)
    return f


class ClientRepository(ScopedRepository[Client]):
    model = Client
    not_found_detail = "No such client."

    async def list(  # noqa: A003
        self, flt: ClientFilter, unit_paths: tuple[str, ...] | None, cursor: str | None, limit: int
    ) -> tuple[list[Row[Any]], str | None]:
        """Rows as ClientRead reads them. Lists never carry identity, so the identity columns are not read
        (nor decrypted), only whether any is filled: names, phones and id numbers are never stored empty
        (their schemas refuse it), notes may be, so notes are read sealed (`notes_sealed`) for the service
        to tell (crypto.KeyRing.holds_text: mostly by their length, without opening them)."""
        c = Client

        def view() -> Select[Any]:
            return self.select(
                *self.read_columns(ClientRead),
                looked_up(OrgUnit.name, OrgUnit.id == c.org_unit_id).label("org_unit_name"),
                or_(c.full_name.is_not(None), c.phone.is_not(None), c.id_number.is_not(None)).label("identified"),
                type_coerce(c.notes, Text).label("notes_sealed"), within=unit_paths,
            )

        return await self.page_rows(("view", unit_paths), view, _filters(flt), SORT_KEYS, "-created_at", cursor,
                                    limit)

    async def list_entities(
        self, flt: ClientFilter, unit_paths: tuple[str, ...] | None, cursor: str | None, limit: int
    ) -> tuple[list[Client], str | None]:
        """Whole clients, identity included (exports, for the roles that may identify)."""
        filters = _filters(flt)
        stmt = filters.apply(self.select(within=unit_paths))
        return await self.page(stmt, SORT_KEYS, "-created_at", cursor, limit, params=filters.params)

    async def codes(self, ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
        if not ids:
            return {}
        rows = await self.session.execute(self.select(Client.id, Client.code).where(Client.id.in_(ids)))
        return {row.id: row.code for row in rows}


class ClientRegistry(ScopedRepository[Client]):
    """Look-ups across the caller's whole unit subtree, ignoring ownership: used for unique codes, duplicate
    detection and linking a contact by the code on a person's card. Returns rows to the service only —
    what reaches the caller is filtered there."""

    model = Client

    def __init__(self, session, principal: Principal) -> None:  # type: ignore[no-untyped-def]
        super().__init__(session, SYSTEM)
        self.caller = principal

    async def code_taken(self, code: str) -> bool:
        stmt = self.select(Client.id).where(Client.code == code)
        return (await self.session.execute(stmt)).first() is not None

    async def by_code_in_caller_units(self, code: str) -> Client | None:
        stmt = self.select().where(Client.code == code.strip().upper(), in_subtree(Client.org_unit_id, self.caller))
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def possible_duplicates(
        self, org_unit_id: uuid.UUID, birth_year: int | None, sex: str, name_index: str | None,
        given_name_index: str | None, exclude: uuid.UUID | None = None,
    ) -> list[Client]:
        if name_index is None:
            return []
        stmt = self.select().where(
            Client.org_unit_id == org_unit_id, Client.sex == sex, Client.birth_year == birth_year,
            or_(Client.name_index == name_index, Client.given_name_index == given_name_index),
            in_subtree(Client.org_unit_id, self.caller),
        )
        if exclude is not None:
            stmt = stmt.where(Client.id != exclude)
        return list((await self.session.execute(stmt.limit(10))).scalars().all())
