"""Leadership's view: the headline indicators, the referral cascade against the plan's target, a monthly
trend and a comparison across the units below — the same definitions as the reports, small cells hidden
for aggregate-only roles (including cells a total would give away)."""
from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.core import audit
from donghanh.core.principal import Principal
from donghanh.core.suppression import suppress_breakdown
from donghanh.dashboard.schemas import Cascade, CascadeStep, Dashboard, Figure, TrendPoint, UnitRow
from donghanh.indicators import service as indicators
from donghanh.indicators.engine import INDICATORS, rate
from donghanh.indicators.periods import parse_period
from donghanh.org_units import service as org_units
from donghanh.plans.models import Plan, PlanTarget

CARDS = ["people_reached", "people_with_needs", "people_referred", "referral_rate", "referrals_completed",
         "victims_supported", "establishments_total", "budget_execution_rate"]
CASCADE = ["people_reached", "people_with_needs", "people_referred", "referrals_completed"]
TREND = ["people_reached", "people_referred", "referrals_completed"]
BY_UNIT = ["people_reached", "people_with_needs", "people_referred", "referrals_completed"]
DEFAULT_REFERRAL_TARGET = Decimal("0.5")  # the program's 50% target (PRODUCT.md §1)


async def _referral_target(session: AsyncSession, unit_id: uuid.UUID, year: int) -> tuple[Decimal, str]:
    stmt = (select(PlanTarget.target_value).join(Plan, Plan.id == PlanTarget.plan_id)
            .where(Plan.org_unit_id == unit_id, Plan.year == year, PlanTarget.indicator == "referral_rate")
            .order_by(Plan.status, Plan.created_at.desc()).limit(1).execution_options(donghanh_scoped=True))
    value = await session.scalar(stmt)
    return (Decimal(value), "plan") if value is not None else (DEFAULT_REFERRAL_TARGET, "default")


def _twelve_months(end: date) -> list[str]:
    months, year, month = [], end.year, end.month
    for _ in range(12):
        months.append(f"{year}-{month:02d}")
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months[::-1]


def _hidden(series: dict[str, int], exact: bool, k: int) -> dict[str, Figure]:
    return dict(series) if exact else dict(suppress_breakdown(series, k))


async def dashboard(session: AsyncSession, principal: Principal, *, org_unit: uuid.UUID, period: str,
                    k: int) -> Dashboard:
    parsed = parse_period(period)
    unit = await indicators.unit_in_scope(session, principal, org_unit)
    exact = indicators.exact_for(principal)
    results = await indicators.figures(session, unit, parsed, sorted(set(CARDS) | set(CASCADE)))
    cards = [indicators.present(code, results[code], exact=exact, k=k) for code in CARDS]
    shown = {card.code: card.value for card in cards}
    for code in CASCADE:
        shown.setdefault(code, indicators.present(code, results[code], exact=exact, k=k).value)
    target, source = await _referral_target(session, unit.id, parsed.end.year)
    cascade = Cascade(
        steps=[CascadeStep(code=c, label_vi=INDICATORS[c].label_vi, label_en=INDICATORS[c].label_en, value=shown[c])
               for c in CASCADE],
        referral_rate=results["referral_rate"].value, referral_rate_target=target,  # type: ignore[arg-type]
        target_source=source)

    months = _twelve_months(parsed.end)
    monthly = await indicators.figures_each(session, [(unit, parse_period(m)) for m in months], TREND)
    series = {code: {m: int(figures[code].value or 0) for m, figures in zip(months, monthly, strict=True)}
              for code in TREND}
    # Each series is hidden like a breakdown, so no month can be recovered from the others and a total.
    trend_cells = {code: _hidden(series[code], exact, k) for code in TREND}
    trend = [TrendPoint(month=m, values={code: trend_cells[code][m] for code in TREND}) for m in months]

    children = await org_units.reporting_children(session, unit, parsed.end)
    per_child = await indicators.figures_each(session, [(c, parsed) for c in children], BY_UNIT)
    columns = {code: {str(c.id): int(figures[code].value or 0) for c, figures in zip(children, per_child, strict=True)}
               for code in BY_UNIT}
    unit_cells = {code: _hidden(columns[code], exact, k) for code in BY_UNIT}
    rows = []
    for child in children:
        values = {code: unit_cells[code][str(child.id)] for code in BY_UNIT}
        values["referral_rate"] = rate(columns["people_referred"][str(child.id)],
                                       columns["people_with_needs"][str(child.id)]) if exact else None
        rows.append(UnitRow(org_unit_id=child.id, name=child.name, code=child.code, values=values))
    await audit.record(session, principal, "dashboard", "indicator", None, org_unit_id=unit.id)
    return Dashboard(org_unit_id=unit.id, org_unit_name=unit.name, period=parsed.code, suppressed=not exact,
                     cards=cards, cascade=cascade, trend_indicators=TREND, trend=trend,
                     unit_indicators=[*BY_UNIT, "referral_rate"], by_unit=rows)
