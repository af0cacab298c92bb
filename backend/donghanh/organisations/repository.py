from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.core.pagination import SortKey, apply_keyset, next_cursor
from donghanh.core.scoping import subtree_of_unit
from donghanh.core.text import fold, like_escape
from donghanh.organisations.models import Organisation
from donghanh.organisations.schemas import OrganisationFilter

SORT_KEYS = [SortKey(Organisation.name_search, "name_search"), SortKey(Organisation.id, "id")]


async def list_organisations(
    session: AsyncSession, flt: OrganisationFilter, unit_paths: tuple[str, ...] | None, cursor: str | None, limit: int
) -> tuple[list[Organisation], str | None]:
    stmt = select(Organisation)
    if flt.q and fold(flt.q):
        stmt = stmt.where(Organisation.name_search.like("%" + like_escape(fold(flt.q)) + "%", escape="\\"))
    if flt.kind:
        stmt = stmt.where(Organisation.kind == flt.kind)
    if flt.active is not None:
        stmt = stmt.where(Organisation.active.is_(flt.active))
    if unit_paths:
        stmt = stmt.where(subtree_of_unit(Organisation.org_unit_id, unit_paths))
    stmt = apply_keyset(stmt, SORT_KEYS, "name", cursor, limit if not flt.service else 10 * limit)
    rows = list((await session.execute(stmt)).scalars().all())
    if flt.service:
        # services is a small JSON list; filtered here to stay portable across SQLite and PostgreSQL.
        rows = [o for o in rows if flt.service in (o.services or [])]
    return next_cursor(rows, SORT_KEYS, "name", limit)


async def get(session: AsyncSession, organisation_id: uuid.UUID) -> Organisation | None:
    return await session.get(Organisation, organisation_id)
