from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.core.errors import NotFound, Unprocessable
from donghanh.core.pagination import Page
from donghanh.org_units import repository
from donghanh.org_units.models import OrgUnit
from donghanh.org_units.schemas import OrgUnitFilter, OrgUnitRead


def _read(unit: OrgUnit, parent_name: str | None) -> OrgUnitRead:
    return OrgUnitRead.model_validate(unit).model_copy(update={"parent_name": parent_name})


async def list(session: AsyncSession, flt: OrgUnitFilter, cursor: str | None, limit: int) -> Page[OrgUnitRead]:  # noqa: A001
    rows, next_cursor = await repository.list_units(session, flt, cursor, limit)
    return Page[OrgUnitRead](items=[_read(u, p) for u, p in rows], next_cursor=next_cursor)


async def get(session: AsyncSession, unit_id: uuid.UUID) -> OrgUnitRead:
    found = await repository.get_with_parent_name(session, unit_id)
    if found is None:
        raise NotFound("No such administrative unit.")
    return _read(*found)


async def require_unit(session: AsyncSession, unit_id: uuid.UUID, field: str = "org_unit_id") -> OrgUnit:
    """A referenced unit in a request body: unknown is a 422 naming the field."""
    unit = await repository.get(session, unit_id)
    if unit is None:
        raise Unprocessable.field(["body", field], "No administrative unit with this id.")
    return unit


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


def minimal_prefixes(paths: set[str]) -> tuple[str, ...]:
    """Drop every path already covered by a shorter prefix, so scope predicates stay small."""
    kept: list[str] = []
    for path in sorted(paths, key=len):
        if not any(path.startswith(k) for k in kept):
            kept.append(path)
    return tuple(sorted(kept))


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


def clear_scope_cache() -> None:
    _scope_cache.clear()
