from __future__ import annotations

import uuid

from sqlalchemy import select

from donghanh.contacts import policy as _policy  # noqa: F401  (scope rules ride with the repository)
from donghanh.contacts.models import OutreachContact
from donghanh.contacts.schemas import ContactFilter
from donghanh.core.pagination import SortKey
from donghanh.core.repository import ScopedRepository
from donghanh.establishments.models import Establishment
from donghanh.peer_groups.models import PeerGroup
from donghanh.users.models import User

SORT_KEYS = [
    SortKey(OutreachContact.contacted_on, "contacted_on", descending=True),
    SortKey(OutreachContact.created_at, "created_at", descending=True),
    SortKey(OutreachContact.id, "id", descending=True),
]


class ContactRepository(ScopedRepository[OutreachContact]):
    model = OutreachContact
    not_found_detail = "No such contact."

    async def list(  # noqa: A003
        self, flt: ContactFilter, unit_paths: tuple[str, ...] | None, me: uuid.UUID | None, cursor: str | None,
        limit: int,
    ) -> tuple[list[OutreachContact], str | None]:
        c = OutreachContact
        stmt = self.select(within=unit_paths)
        if flt.client:
            stmt = stmt.where(c.client_id == flt.client)
        if flt.peer_group:
            stmt = stmt.where(c.peer_group_id == flt.peer_group)
        if flt.establishment:
            stmt = stmt.where(c.establishment_id == flt.establishment)
        if flt.place:
            stmt = stmt.where(c.place == flt.place)
        if flt.first_contact is not None:
            stmt = stmt.where(c.first_contact.is_(flt.first_contact))
        if flt.anonymous is True:
            stmt = stmt.where(c.client_id.is_(None))
        elif flt.anonymous is False:
            stmt = stmt.where(c.client_id.is_not(None))
        if flt.since:
            stmt = stmt.where(c.contacted_on >= flt.since)
        if flt.until:
            stmt = stmt.where(c.contacted_on <= flt.until)
        if flt.mine and me is not None:
            stmt = stmt.where(c.recorded_by == me)
        return await self.page(stmt, SORT_KEYS, "-contacted_on", cursor, limit)

    async def display_names(self, contacts: list[OutreachContact]) -> dict[str, dict[uuid.UUID, str]]:
        """Names of what the (already scoped) contacts point at: establishments, groups, recorders.
        Only display names are read; the rows they name are not returned."""
        wanted = {
            "establishment": (Establishment, Establishment.name, {c.establishment_id for c in contacts}),
            "peer_group": (PeerGroup, PeerGroup.name, {c.peer_group_id for c in contacts}),
            "user": (User, User.full_name, {c.recorded_by for c in contacts}),
        }
        out: dict[str, dict[uuid.UUID, str]] = {}
        for key, (model, name, ids) in wanted.items():
            ids = {i for i in ids if i is not None}
            if not ids:
                out[key] = {}
                continue
            stmt = select(model.id, name).where(model.id.in_(ids)).execution_options(donghanh_scoped=True)
            out[key] = {row[0]: row[1] for row in (await self.session.execute(stmt)).all()}
        return out
