from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.core import audit
from donghanh.core.errors import NotFound, Unprocessable
from donghanh.core.permissions import Permission
from donghanh.core.principal import Principal
from donghanh.core.suppression import hide, suppress_breakdown
from donghanh.indicators.engine import INDICATORS, Scope, compute
from donghanh.indicators.periods import parse_period
from donghanh.indicators.schemas import IndicatorDefinition, IndicatorReport, IndicatorValue
from donghanh.org_units import service as org_units

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


async def report(session: AsyncSession, principal: Principal, *, org_unit: uuid.UUID, period: str,
                 by: str | None, codes: str | None, k: int) -> IndicatorReport:
    parsed = parse_period(period)
    dimensions = tuple(_list_param(by, ALL_DIMENSIONS, "by"))
    wanted = _list_param(codes, list(INDICATORS), "indicators") or list(INDICATORS)
    unit = await org_units.require_unit(session, org_unit, "org_unit")
    if not org_units.in_scope(unit, principal):
        raise NotFound("No administrative unit with this id in your area.")
    paths = await org_units.scope_paths(session, unit)
    results = await compute(session, Scope(principal, paths, parsed), wanted, dimensions)
    # Roles that may read individual records see exact figures; the others get small cells hidden.
    exact = principal.can(Permission.clients_read)
    values = []
    for code in wanted:
        definition, result = INDICATORS[code], results[code]
        value = result.value
        breakdown = {dim: cells for dim, cells in result.breakdown.items() if dim in definition.dimensions}
        if not exact and isinstance(value, int) and not code.endswith("_vnd"):
            value = hide(value, k)
            breakdown = {dim: suppress_breakdown(cells, k) for dim, cells in breakdown.items()}
        values.append(IndicatorValue(code=code, label_vi=definition.label_vi, label_en=definition.label_en,
                                     value=value, breakdown=breakdown))
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
    exact = principal.can(Permission.clients_read)
    return {code: (hide(r.value, k) if not exact and isinstance(r.value, int) and not code.endswith("_vnd")
                   else r.value) for code, r in results.items()}
