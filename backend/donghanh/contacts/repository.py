from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable, Hashable
from typing import Any

from sqlalchemy import Row, Select

from donghanh.clients.models import Client
from donghanh.contacts import policy as _policy  # noqa: F401  (scope rules ride with the repository)
from donghanh.contacts.models import OutreachContact
from donghanh.contacts.schemas import ContactFilter, ContactRead
from donghanh.core.pagination import SortKey
from donghanh.core.repository import Filters, ScopedRepository, looked_up
from donghanh.core.scoping import visible
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

    def _view(self, within: tuple[str, ...] | None = None) -> Select[Any]:
        """The contacts the caller sees, as ContactRead reads them: their columns and, in the same statement,
        the display names of what they point at. A client's code shows only where the caller sees the
        client (its scope rule is the look-up's condition); the names of establishments, groups and
        recorders are only names, and the rows they name are not returned."""
        c = OutreachContact
        return self.select(
            *self.read_columns(ContactRead),
            looked_up(Client.code, Client.id == c.client_id, visible(Client, self.principal)).label("client_code"),
            looked_up(Establishment.name, Establishment.id == c.establishment_id).label("establishment_name"),
            looked_up(PeerGroup.name, PeerGroup.id == c.peer_group_id).label("peer_group_name"),
            looked_up(User.full_name, User.id == c.recorded_by).label("recorded_by_name"),
            within=within,
        )

    def _query(self, flt: ContactFilter, unit_paths: tuple[str, ...] | None,
               me: uuid.UUID | None) -> tuple[Hashable, Callable[[], Select[Any]], Filters]:
        """The list's statement (as page_rows and stream_rows take it): the view and the filters set."""
        c = OutreachContact
        f = Filters()
        f.value("client", flt.client, lambda v: c.client_id == v)
        f.value("peer_group", flt.peer_group, lambda v: c.peer_group_id == v)
        f.value("establishment", flt.establishment, lambda v: c.establishment_id == v)
        f.value("place", flt.place, lambda v: c.place == v)
        if flt.first_contact is not None:
            f.case("first_contact", flt.first_contact, lambda: c.first_contact.is_(flt.first_contact))
        if flt.anonymous is not None:
            f.case("anonymous", flt.anonymous,
                   lambda: c.client_id.is_(None) if flt.anonymous else c.client_id.is_not(None))
        f.value("since", flt.since, lambda v: c.contacted_on >= v)
        f.value("until", flt.until, lambda v: c.contacted_on <= v)
        if flt.mine:
            f.value("mine", me, lambda v: c.recorded_by == v)
        return ("view", unit_paths), lambda: self._view(within=unit_paths), f

    async def list(  # noqa: A003
        self, flt: ContactFilter, unit_paths: tuple[str, ...] | None, me: uuid.UUID | None, cursor: str | None,
        limit: int,
    ) -> tuple[list[Row[Any]], str | None]:
        return await self.page_rows(*self._query(flt, unit_paths, me), SORT_KEYS, "-contacted_on", cursor, limit)

    def stream(self, flt: ContactFilter, unit_paths: tuple[str, ...] | None, me: uuid.UUID | None,
               size: int) -> AsyncIterator[list[Row[Any]]]:
        """The whole list in the order of its first page (an export)."""
        return self.stream_rows(*self._query(flt, unit_paths, me), SORT_KEYS, size)

    async def reads(self, ids: list[uuid.UUID]) -> list[Row[Any]]:
        """The view's rows of the given contacts, in the order given."""
        rows = {row.id: row for row in await self.session.execute(self._view().where(OutreachContact.id.in_(ids)))}
        return [rows[i] for i in ids]
