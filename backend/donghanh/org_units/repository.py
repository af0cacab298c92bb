"""SQL for administrative units. Units are public reference data: readable by every signed-in user."""
from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from donghanh.core.pagination import SortKey, apply_keyset, next_cursor
from donghanh.core.scoping import path_prefix_match
from donghanh.core.text import fold, like_escape
from donghanh.org_units.models import OrgUnit
from donghanh.org_units.schemas import OrgUnitFilter

_parent = aliased(OrgUnit)
SORT_KEYS = [SortKey(OrgUnit.name_search, "name_search"), SortKey(OrgUnit.id, "id")]


def _with_parent_name() -> Select[Any]:
    return select(OrgUnit, _parent.name.label("parent_name")).outerjoin(_parent, OrgUnit.parent_id == _parent.id)


def current_on(day: date) -> Any:
    return or_(OrgUnit.valid_to.is_(None), OrgUnit.valid_to >= day)


async def list_units(
    session: AsyncSession, flt: OrgUnitFilter, cursor: str | None, limit: int, scope_paths: tuple[str, ...] = ()
) -> tuple[list[tuple[OrgUnit, str | None]], str | None]:
    stmt = _with_parent_name()
    if flt.in_scope:
        stmt = stmt.where(path_prefix_match(OrgUnit.path, scope_paths))
    if flt.parent is not None:
        stmt = stmt.where(OrgUnit.parent_id == flt.parent)
    if flt.level is not None:
        stmt = stmt.where(OrgUnit.level == flt.level)
    if flt.current is True:
        stmt = stmt.where(current_on(date.today()))
    elif flt.current is False:
        stmt = stmt.where(OrgUnit.valid_to.is_not(None), OrgUnit.valid_to < date.today())
    if flt.code:
        stmt = stmt.where(OrgUnit.code == flt.code)
    if flt.q and fold(flt.q):
        stmt = stmt.where(OrgUnit.name_search.like("%" + like_escape(fold(flt.q)) + "%", escape="\\"))
    stmt = apply_keyset(stmt, SORT_KEYS, "name", cursor, limit)
    rows = list((await session.execute(stmt)).all())
    page, next_ = next_cursor(rows, SORT_KEYS, "name", limit, obj_of=lambda r: r[0])
    return [(r[0], r[1]) for r in page], next_


async def get_with_parent_name(session: AsyncSession, unit_id: uuid.UUID) -> tuple[OrgUnit, str | None] | None:
    row = (await session.execute(_with_parent_name().where(OrgUnit.id == unit_id))).first()
    return (row[0], row[1]) if row else None


async def get(session: AsyncSession, unit_id: uuid.UUID) -> OrgUnit | None:
    return await session.get(OrgUnit, unit_id)


async def by_code(session: AsyncSession, code: str, *, current_only: bool = True) -> list[OrgUnit]:
    stmt = select(OrgUnit).where(OrgUnit.code == code)
    if current_only:
        stmt = stmt.where(current_on(date.today()))
    return list((await session.execute(stmt.order_by(OrgUnit.path))).scalars().all())


async def successor_paths_into(session: AsyncSession, path: str) -> list[str]:
    """Paths of (legacy) units whose successor lies inside the subtree at `path`."""
    inside = select(OrgUnit.id).where(OrgUnit.path.like(like_escape(path) + "%", escape="\\"))
    stmt = select(OrgUnit.path).where(OrgUnit.successor_id.in_(inside))
    return list((await session.execute(stmt)).scalars().all())


async def by_path(session: AsyncSession, path: str) -> OrgUnit | None:
    return (await session.execute(select(OrgUnit).where(OrgUnit.path == path))).scalar_one_or_none()


async def matching(session: AsyncSession, text: str, scope_paths: tuple[str, ...] | None) -> list[OrgUnit]:
    """Units whose official code is `text`, or whose name is `text` ignoring diacritics and case (with or
    without the "Phường"/"Xã"/"Tỉnh" prefix), inside the given path prefixes (None: anywhere)."""
    folded = fold(text)
    stmt = select(OrgUnit).where(or_(
        OrgUnit.code == text.strip(), OrgUnit.name_search == folded,
        OrgUnit.name_search.like("% " + like_escape(folded), escape="\\"),
    ))
    if scope_paths is not None:
        stmt = stmt.where(path_prefix_match(OrgUnit.path, scope_paths))
    found = list((await session.execute(stmt.order_by(OrgUnit.path).limit(50))).scalars().all())
    by_code = [u for u in found if u.code == text.strip()]
    exact = [u for u in found if u.name_search == folded]
    return by_code or exact or found


async def reporting_children(session: AsyncSession, unit: OrgUnit, day: date) -> list[OrgUnit]:
    """The units that report to `unit` for a period ending on `day`: its children in force that day, or,
    for a period before the 2025 reform, the children of the legacy units of its level merged into it (a
    legacy province into its current province — not the districts, whose successor is the province too)."""
    merged = and_(OrgUnit.successor_id == unit.id, OrgUnit.level == unit.level)
    parents = select(OrgUnit.id).where(or_(OrgUnit.id == unit.id, merged))
    stmt = select(OrgUnit).where(
        OrgUnit.parent_id.in_(parents), current_on(day),
        or_(OrgUnit.valid_from.is_(None), OrgUnit.valid_from <= day),
    ).order_by(OrgUnit.name_search, OrgUnit.code)
    return list((await session.execute(stmt)).scalars().all())


async def ids_under(session: AsyncSession, paths: tuple[str, ...]) -> set[uuid.UUID]:
    stmt = select(OrgUnit.id).where(path_prefix_match(OrgUnit.path, paths))
    return set((await session.execute(stmt)).scalars().all())


async def names(session: AsyncSession, unit_ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    if not unit_ids:
        return {}
    rows = await session.execute(select(OrgUnit.id, OrgUnit.name).where(OrgUnit.id.in_(unit_ids)))
    return {row.id: row.name for row in rows}
