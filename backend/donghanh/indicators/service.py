from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.core import audit
from donghanh.core.errors import NotFound, Unprocessable
from donghanh.core.permissions import Permission
from donghanh.core.principal import SYSTEM, Principal
from donghanh.core.suppression import Cell, hide, suppress_breakdown
from donghanh.indicators.engine import INDICATORS, Result, Scope, compute, compute_many
from donghanh.indicators.periods import Period, parse_period
from donghanh.indicators.schemas import IndicatorDefinition, IndicatorReport, IndicatorValue
from donghanh.org_units import service as org_units
from donghanh.org_units.models import OrgUnit

ALL_DIMENSIONS = sorted({d for i in INDICATORS.values() for d in i.dimensions})


def definitions() -> list[IndicatorDefinition]:
    return [IndicatorDefinition(code=i.code, label_vi=i.label_vi, label_en=i.label_en, definition=i.definition,
                                dimensions=list(i.dimensions)) for i in INDICATORS.values()]


def _list_param(raw: str | None, allowed: list[str], name: str) -> list[str]:
    values = [v.strip() for v in (raw or "").split(",") if v.strip()]
    wrong = [v for v in values if v not in allowed]
    if wrong:
        raise Unprocessable.field(["query", name], f"Unknown: {', '.join(wrong)}. Choose from {', '.join(allowed)}.")
    return values


def is_count(code: str, value: object) -> bool:
    """Counts of people or records, the figures small-cell suppression applies to (not VND, not rates)."""
    return isinstance(value, int) and not code.endswith("_vnd")


def present(code: str, result: Result, *, exact: bool, k: int) -> IndicatorValue:
    """One indicator as shown to a reader: exact for roles with individual access; otherwise counts 1..k-1
    become "<k" and a breakdown also hides the cell that its total would give away."""
    definition = INDICATORS[code]
    value = result.value
    breakdown: dict[str, dict[str, Cell]] = {
        dim: dict(cells) for dim, cells in result.breakdown.items() if dim in definition.dimensions}
    if not exact and is_count(code, value):
        value = hide(value, k)  # type: ignore[arg-type]
        breakdown = {dim: suppress_breakdown(cells, k) for dim, cells in result.breakdown.items()
                     if dim in definition.dimensions}
    return IndicatorValue(code=code, label_vi=definition.label_vi, label_en=definition.label_en, value=value,
                          breakdown=breakdown)


def exact_for(principal: Principal) -> bool:
    """Roles that may read individual records see exact figures; the others get small cells hidden."""
    return principal.can(Permission.clients_read)


async def unit_in_scope(session: AsyncSession, principal: Principal, unit_id: uuid.UUID) -> OrgUnit:
    unit = await org_units.require_unit(session, unit_id, "org_unit", "query")
    if not org_units.in_scope(unit, principal):
        raise NotFound("No administrative unit with this id in your area.")
    return unit


async def figures(session: AsyncSession, unit: OrgUnit, period: Period, codes: list[str] | None = None,
                  by: tuple[str, ...] = ()) -> dict[str, Result]:
    """A unit's whole figures (its subtree, legacy units merged into it included), whoever asks: callers
    have already checked the unit is theirs; readers without individual access get them through present()."""
    paths = await org_units.scope_paths(session, unit)
    return await compute(session, Scope(SYSTEM, paths, period), codes or list(INDICATORS), by)


async def figures_of_units(session: AsyncSession, unit_ids: set[uuid.UUID], period: Period,
                           codes: list[str]) -> dict[str, Result]:
    """Figures of records attached to exactly these units."""
    return await compute(session, Scope(SYSTEM, (), period, tuple(sorted(unit_ids))), codes, ())


async def figures_each(session: AsyncSession, targets: list[tuple[OrgUnit, Period]],
                       codes: list[str] | None = None, by: tuple[str, ...] = ()) -> list[dict[str, Result]]:
    """Whole figures (as figures() gives them) of several units or periods — a dashboard's table of units,
    its monthly trend — from the statements of one."""
    scopes = [Scope(SYSTEM, await org_units.scope_paths(session, unit), period) for unit, period in targets]
    return await compute_many(session, scopes, codes or list(INDICATORS), by)


def to_json(results: dict[str, Result]) -> dict[str, dict[str, object]]:
    """Exact figures as JSON (rates as decimal strings), to be frozen in a report."""
    return {code: {"value": str(r.value) if isinstance(r.value, Decimal) else r.value, "breakdown": r.breakdown}
            for code, r in results.items()}


def from_json(data: dict[str, dict[str, object]]) -> dict[str, Result]:
    out = {}
    for code, item in data.items():
        value = item.get("value")
        out[code] = Result(Decimal(value) if isinstance(value, str) else value,  # type: ignore[arg-type]
                           dict(item.get("breakdown") or {}))  # type: ignore[call-overload]
    return out


async def report(session: AsyncSession, principal: Principal, *, org_unit: uuid.UUID, period: str,
                 by: str | None, codes: str | None, k: int) -> IndicatorReport:
    parsed = parse_period(period)
    dimensions = tuple(_list_param(by, ALL_DIMENSIONS, "by"))
    wanted = _list_param(codes, [*INDICATORS], "indicators") or [*INDICATORS]
    unit = await unit_in_scope(session, principal, org_unit)
    paths = await org_units.scope_paths(session, unit)
    results = await compute(session, Scope(principal, paths, parsed), wanted, dimensions)
    exact = exact_for(principal)
    values = [present(code, results[code], exact=exact, k=k) for code in wanted]
    await audit.record(session, principal, "indicators", "indicator", None, org_unit_id=unit.id)
    return IndicatorReport(org_unit_id=unit.id, period=parsed.code, since=parsed.start, until=parsed.end,
                           suppressed=not exact, indicators=values)


async def actual_values(session: AsyncSession, principal: Principal, unit_id: uuid.UUID, year: int, codes: list[str],
                        k: int = 5) -> dict[str, int | Decimal | str | None]:
    """The year's value of each indicator a plan targets, for the plan's unit (hidden as '<k' where small
    for roles without individual access)."""
    known = [c for c in codes if c in INDICATORS]
    if not known:
        return {}
    unit = await org_units.require_unit(session, unit_id)
    paths = await org_units.scope_paths(session, unit)
    results = await compute(session, Scope(principal, paths, parse_period(str(year))), known, ())
    exact = exact_for(principal)
    return {code: (hide(r.value, k) if not exact and is_count(code, r.value) else r.value)  # type: ignore[arg-type]
            for code, r in results.items()}
