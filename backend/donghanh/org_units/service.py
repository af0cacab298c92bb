from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.core import audit
from donghanh.core.errors import Conflict, NotFound, Unprocessable
from donghanh.core.pagination import Page
from donghanh.core.principal import Principal
from donghanh.core.scoping import minimal_prefixes
from donghanh.core.text import fold
from donghanh.org_units import repository
from donghanh.org_units.models import OrgUnit
from donghanh.org_units.schemas import OrgUnitCreate, OrgUnitFilter, OrgUnitRead, OrgUnitUpdate


def _read(unit: OrgUnit, parent_name: str | None) -> OrgUnitRead:
    return OrgUnitRead.model_validate(unit).model_copy(update={"parent_name": parent_name})


async def list(  # noqa: A001
    session: AsyncSession, principal: Principal, flt: OrgUnitFilter, cursor: str | None, limit: int
) -> Page[OrgUnitRead]:
    rows, next_cursor = await repository.list_units(session, flt, cursor, limit, principal.scope_paths)
    return Page[OrgUnitRead](items=[_read(u, p) for u, p in rows], next_cursor=next_cursor)


async def get(session: AsyncSession, unit_id: uuid.UUID) -> OrgUnitRead:
    found = await repository.get_with_parent_name(session, unit_id)
    if found is None:
        raise NotFound("No such administrative unit.")
    return _read(*found)


async def require_unit(session: AsyncSession, unit_id: uuid.UUID, field: str = "org_unit_id",
                       where: str = "body") -> OrgUnit:
    """A referenced unit in a request body (or, with where="query", a query parameter): unknown is a 422
    naming the field."""
    unit = await repository.get(session, unit_id)
    if unit is None:
        raise Unprocessable.field([where, field], "No administrative unit with this id.")
    return unit


def in_scope(unit: OrgUnit, principal: Principal) -> bool:
    return principal.is_system or any(unit.path.startswith(p) for p in principal.scope_paths)


async def require_unit_in_scope(
    session: AsyncSession, principal: Principal, unit_id: uuid.UUID, *, field: str = "org_unit_id",
    on: date | None = None,
) -> OrgUnit:
    """A unit named in a body must exist, lie in the caller's scope (a hidden one is reported exactly like
    a missing one) and be in force on the given day (today by default)."""
    unit = await require_unit(session, unit_id, field)
    if not in_scope(unit, principal):
        raise Unprocessable.field(["body", field], "No administrative unit with this id.")
    day = on or date.today()
    if unit.valid_to is not None and unit.valid_to < day:
        raise Unprocessable.field(
            ["body", field], f"{unit.name} was dissolved on {unit.valid_to}; choose a unit in force on {day}."
        )
    if unit.valid_from is not None and unit.valid_from > day:
        raise Unprocessable.field(["body", field], f"{unit.name} only exists from {unit.valid_from}.")
    return unit


async def filter_paths(session: AsyncSession, unit_id: uuid.UUID | None) -> tuple[str, ...] | None:
    """The subtree behind an `org_unit` list filter — the unit's path and those of the legacy units merged
    into it, so pre-reform records stay listed under their successor (None when no filter was given; 422
    if the unit is unknown)."""
    return await scope_paths_of(session, unit_id, "org_unit", "query") if unit_id else None


async def find_by_code(session: AsyncSession, code: str) -> OrgUnit:
    units = await repository.by_code(session, code, current_only=True) or await repository.by_code(
        session, code, current_only=False
    )
    if not units:
        raise NotFound(f"No administrative unit with code {code!r}.")
    if len(units) > 1:
        candidates = ", ".join(f"{u.name} ({u.level}, {u.path})" for u in units)
        raise Unprocessable.field(["org_unit"], f"Code {code!r} is ambiguous: {candidates}.")
    return units[0]


_scope_cache: dict[uuid.UUID, tuple[str, ...]] = {}


async def scope_paths(session: AsyncSession, unit: OrgUnit) -> tuple[str, ...]:
    """A unit's own subtree plus the legacy units that were merged into it (2025 reform)."""
    cached = _scope_cache.get(unit.id)
    if cached is not None:
        return cached
    paths = {unit.path, *await repository.successor_paths_into(session, unit.path)}
    result = minimal_prefixes(paths)
    _scope_cache[unit.id] = result
    return result


async def scope_paths_of(session: AsyncSession, unit_id: uuid.UUID, field: str = "org_unit_id",
                         where: str = "body") -> tuple[str, ...]:
    """scope_paths() of a unit known by its id, without reading the unit again once its paths are known
    (an unknown id is a 422 naming the field, as require_unit says)."""
    cached = _scope_cache.get(unit_id)
    if cached is not None:
        return cached
    return await scope_paths(session, await require_unit(session, unit_id, field, where))


def clear_scope_cache() -> None:
    _scope_cache.clear()


_CHILD_LEVEL = {"province": {"district", "commune"}, "district": {"commune"}, "commune": set()}


async def create(session: AsyncSession, principal: Principal, *, unit_in: OrgUnitCreate) -> OrgUnitRead:
    parent = await require_unit(session, unit_in.parent_id, "parent_id") if unit_in.parent_id else None
    if parent is None and unit_in.level != "province":
        raise Unprocessable.field(["body", "parent_id"], "Only a province may stand without a parent.")
    if parent is not None and unit_in.level not in _CHILD_LEVEL[parent.level]:
        raise Unprocessable.field(["body", "level"], f"A {unit_in.level} cannot sit under a {parent.level}.")
    path = f"{parent.path if parent else '/'}x{unit_in.code}/"
    if await repository.by_path(session, path) is not None:
        raise Conflict(f"A unit with code {unit_in.code} already exists there.",
                       errors=[{"loc": ["body", "code"], "msg": "already exists under this parent"}])
    unit = OrgUnit(code=unit_in.code, name=unit_in.name, level=unit_in.level, division_type=unit_in.division_type,
                   parent_id=parent.id if parent else None, valid_from=unit_in.valid_from, path=path,
                   name_search=fold(unit_in.name))
    session.add(unit)
    await session.flush()
    await audit.record(session, principal, "create", "org_unit", unit.id, fields=sorted(unit_in.model_fields_set),
                       org_unit_id=unit.id)
    clear_scope_cache()
    return await get(session, unit.id)


async def update(
    session: AsyncSession, principal: Principal, unit_id: uuid.UUID, *, unit_in: OrgUnitUpdate
) -> OrgUnitRead:
    unit = await repository.get(session, unit_id)
    if unit is None:
        raise NotFound("No such administrative unit.")
    changes = unit_in.model_dump(exclude_unset=True)
    if "name" in changes and changes["name"] is None:
        raise Unprocessable.field(["body", "name"], "may not be null")
    if changes.get("successor_id"):
        successor = await require_unit(session, changes["successor_id"], "successor_id")
        if successor.id == unit.id or successor.path.startswith(unit.path):
            raise Unprocessable.field(["body", "successor_id"], "A unit cannot succeed itself or its own part.")
    for field, value in changes.items():
        setattr(unit, field, value)
    if "name" in changes:
        unit.name_search = fold(unit.name)
    await session.flush()
    await audit.record(session, principal, "update", "org_unit", unit.id, fields=sorted(changes), org_unit_id=unit.id)
    clear_scope_cache()
    return await get(session, unit.id)


async def match_in_scope(session: AsyncSession, principal: Principal, text: str) -> list[OrgUnit]:
    """Units a person may mean by `text` (an official code or a name, diacritics-insensitively) within the
    caller's scope; units in force today come first, and a current match hides legacy namesakes."""
    scope = None if principal.is_system else principal.scope_paths
    found = await repository.matching(session, text, scope)
    if not found and text.strip().isdigit():
        for width in (2, 3, 5):  # Excel drops the leading zeros of a code typed as a number
            found = await repository.matching(session, text.strip().zfill(width), scope)
            if found:
                break
    current = [u for u in found if u.is_current]
    return current or found


async def reporting_children(session: AsyncSession, unit: OrgUnit, day: date) -> list[OrgUnit]:
    return await repository.reporting_children(session, unit, day)


async def unit_ids_under(session: AsyncSession, paths: tuple[str, ...]) -> set[uuid.UUID]:
    return await repository.ids_under(session, paths)


async def names(session: AsyncSession, unit_ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    """Unit names for a page of records, in one query."""
    return await repository.names(session, unit_ids)
