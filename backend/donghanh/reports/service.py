"""Reports up the hierarchy: draft (live figures) → submitted (figures frozen) → approved, or returned
with a comment and submitted again. Only the level above reviews; parents consolidate their children."""
from __future__ import annotations

import calendar
import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.config import Settings
from donghanh.core import audit
from donghanh.core.base import utcnow
from donghanh.core.concurrency import check_precondition
from donghanh.core.errors import Conflict, Forbidden, Unprocessable
from donghanh.core.pagination import Page
from donghanh.core.permissions import Permission
from donghanh.core.principal import Principal
from donghanh.core.suppression import Cell, hide, suppress_breakdown
from donghanh.indicators import service as indicators
from donghanh.indicators.engine import DERIVED, INDICATORS, is_additive, rate
from donghanh.indicators.periods import REPORTING_TZ, Period, parse_period
from donghanh.indicators.service import ALL_DIMENSIONS
from donghanh.org_units import service as org_units
from donghanh.org_units.models import OrgUnit
from donghanh.reports.models import Report, ReportAction, ReportEvent, ReportStatus
from donghanh.reports.repository import ReportRepository
from donghanh.reports.schemas import (
    ConsolidatedValue,
    Consolidation,
    ConsolidationUnit,
    ExpectedReport,
    Overdue,
    Reconciliation,
    ReconciliationSide,
    ReportCreate,
    ReportEventRead,
    ReportFilter,
    ReportRead,
    ReportSummary,
    ReportTransition,
    ReportUpdate,
)

OPEN = (ReportStatus.draft.value, ReportStatus.returned.value)  # still with the reporting unit
IN = (ReportStatus.submitted.value, ReportStatus.approved.value)  # handed in
REFORM_DAY = date(2025, 7, 1)


def today_in_vietnam() -> date:
    return datetime.now(REPORTING_TZ).date()


def due_date(period: Period, settings: Settings) -> date:
    """PRODUCT.md §1: monthly by the 5th of the next month, quarterly and six-monthly by the 10th of the
    period's last month, yearly by 10 December (each configurable)."""
    end = period.end
    if period.kind == "month":
        year, month = (end.year + 1, 1) if end.month == 12 else (end.year, end.month + 1)
        return date(year, month, settings.report_due_day_monthly)
    if period.kind == "year":
        return date(end.year, settings.report_due_annual_month, settings.report_due_annual_day)
    day = min(settings.report_due_day_quarterly, calendar.monthrange(end.year, end.month)[1])
    return date(end.year, end.month, day)


def _is_overdue(status: str | None, due_on: date, as_of: date) -> bool:
    return (status is None or status in OPEN) and as_of > due_on


def submits(principal: Principal, unit: OrgUnit) -> bool:
    """A unit's own staff prepare and submit its report (its legacy predecessors' too); the level above
    reviews it and does not hand it in on the unit's behalf."""
    return principal.can(Permission.reports_write) and (principal.is_system or unit.path in principal.scope_paths)


def reviews(principal: Principal, unit: OrgUnit) -> bool:
    """The level above: a unit strictly inside the reviewer's area, never the reviewer's own unit (nor a
    legacy unit merged into it)."""
    return (principal.can(Permission.reports_approve) and org_units.in_scope(unit, principal)
            and unit.path not in principal.scope_paths)


def _summary(report: Report, unit_name: str | None, as_of: date) -> ReportSummary:
    return ReportSummary.model_validate(report).model_copy(update={
        "org_unit_name": unit_name or "", "overdue": _is_overdue(report.status, report.due_on, as_of)})


async def list(  # noqa: A001
    session: AsyncSession, principal: Principal, flt: ReportFilter, cursor: str | None, limit: int
) -> Page[ReportSummary]:
    unit_paths = await org_units.filter_paths(session, flt.org_unit)
    period = parse_period(flt.period, ["query", "period"]).code if flt.period else None
    as_of = today_in_vietnam()
    rows, next_cursor = await ReportRepository(session, principal).list(flt, period, unit_paths, as_of, cursor, limit)
    units = await org_units.names(session, {r.org_unit_id for r in rows})
    return Page[ReportSummary](items=[_summary(r, units.get(r.org_unit_id), as_of) for r in rows],
                               next_cursor=next_cursor)


async def get(session: AsyncSession, principal: Principal, report_id: uuid.UUID) -> Report:
    return await ReportRepository(session, principal).get(report_id)


async def to_read(session: AsyncSession, principal: Principal, report: Report, k: int) -> ReportRead:
    unit = await org_units.require_unit(session, report.org_unit_id)
    period = parse_period(report.period)
    frozen = report.frozen_values is not None and report.status in IN
    results = (indicators.from_json(report.frozen_values) if frozen and report.frozen_values is not None
               else await indicators.figures(session, unit, period, by=tuple(ALL_DIMENSIONS)))
    exact = indicators.exact_for(principal)
    history = await ReportRepository(session, principal).history(report.id)
    summary = _summary(report, unit.name, today_in_vietnam())
    await audit.record(session, principal, "read", "report", report.id, org_unit_id=report.org_unit_id)
    return ReportRead(
        **summary.model_dump(), values_frozen=frozen, frozen_at=report.frozen_at if frozen else None,
        suppressed=not exact, values=[indicators.present(code, results[code], exact=exact, k=k) for code in INDICATORS],
        history=[ReportEventRead.model_validate(e) for e in history],
        can_submit=report.status in OPEN and submits(principal, unit),
        can_review=report.status == ReportStatus.submitted and reviews(principal, unit)
        and report.submitted_by != principal.id,
    )


async def create(session: AsyncSession, principal: Principal, *, report_in: ReportCreate,
                 settings: Settings) -> Report:
    period = parse_period(report_in.period, ["body", "period"])
    unit = await org_units.require_unit(session, report_in.org_unit_id)
    if not org_units.in_scope(unit, principal):
        raise Unprocessable.field(["body", "org_unit_id"], "No administrative unit with this id.")
    if unit.valid_to is not None and unit.valid_to < period.start:
        raise Unprocessable.field(["body", "period"], f"{unit.name} was dissolved on {unit.valid_to}: it reports "
                                                      "only for periods before that; use its successor.")
    if period.start > today_in_vietnam():
        raise Unprocessable.field(["body", "period"], "The period has not started yet.")
    report = Report(org_unit_id=unit.id, period=period.code, period_kind=period.kind, period_start=period.start,
                    period_end=period.end, due_on=due_date(period, settings), status=ReportStatus.draft.value,
                    comment=report_in.comment, created_by=principal.id)
    session.add(report)
    await session.flush()
    session.add(ReportEvent(report_id=report.id, at=report.created_at, action="create", from_status=None,
                            to_status=report.status, comment=report_in.comment, actor_id=principal.id,
                            actor_name=principal.shown_as))
    await audit.record(session, principal, "create", "report", report.id, fields=sorted(report_in.model_fields_set),
                       org_unit_id=unit.id)
    return report


async def update(session: AsyncSession, principal: Principal, report_id: uuid.UUID, *, report_in: ReportUpdate,
                 if_match: str | None) -> Report:
    report = await get(session, principal, report_id)
    check_precondition(if_match, report.id, report.version, report_in.version)
    if not submits(principal, await org_units.require_unit(session, report.org_unit_id)):
        raise Forbidden("Only the unit's own staff edit its report.")
    if report.status not in OPEN:
        raise Conflict(f"The report is {report.status}: its content no longer changes.")
    if "comment" in report_in.model_fields_set:
        report.comment = report_in.comment
    report.updated_at = utcnow()
    await session.flush()
    await audit.record(session, principal, "update", "report", report.id, fields=["comment"],
                       org_unit_id=report.org_unit_id)
    return report


_ALLOWED = {ReportAction.submit: OPEN, ReportAction.approve: (ReportStatus.submitted.value,),
            ReportAction.return_: (ReportStatus.submitted.value,)}
_TARGET = {ReportAction.submit: ReportStatus.submitted, ReportAction.approve: ReportStatus.approved,
           ReportAction.return_: ReportStatus.returned}


async def transition(session: AsyncSession, principal: Principal, report_id: uuid.UUID, *,
                     transition_in: ReportTransition, if_match: str | None) -> Report:
    report = await get(session, principal, report_id)
    if if_match is not None:  # optional here: a transition is checked against the status, not the fields
        check_precondition(if_match, report.id, report.version, None)
    action = transition_in.action
    if action == ReportAction.return_ and not transition_in.comment:
        raise Unprocessable.field(["body", "comment"], "Say what must be corrected when returning a report.")
    if report.status not in _ALLOWED[action]:
        raise Conflict(f"A {report.status} report cannot be {_TARGET[action].value}.")
    unit = await org_units.require_unit(session, report.org_unit_id)
    now = utcnow()
    if action == ReportAction.submit:
        if not submits(principal, unit):
            raise Forbidden("Only the unit's own staff submit its report; the level above reviews it.")
        results = await indicators.figures(session, unit, parse_period(report.period), by=tuple(ALL_DIMENSIONS))
        report.frozen_values, report.frozen_at = indicators.to_json(results), now
        report.submitted_at, report.submitted_by = now, principal.id
        report.reviewed_at = report.reviewed_by = None
        if transition_in.comment:
            report.comment = transition_in.comment
    else:
        if not reviews(principal, unit):
            raise Forbidden("Only the level above this unit approves or returns its report.")
        if report.submitted_by == principal.id:
            raise Forbidden("You submitted this report; someone else at the level above reviews it.")
        report.reviewed_at, report.reviewed_by, report.review_comment = now, principal.id, transition_in.comment
    before, report.status = report.status, _TARGET[action].value
    report.updated_at = now
    session.add(ReportEvent(report_id=report.id, at=now, action=action.value, from_status=before,
                            to_status=report.status, comment=transition_in.comment, actor_id=principal.id,
                            actor_name=principal.shown_as))
    await session.flush()
    await audit.record(session, principal, action.value, "report", report.id, fields=["status"],
                       org_unit_id=report.org_unit_id)
    return report


# --- the level above: who is late, what adds up ---------------------------------------------------------

async def _children_reports(session: AsyncSession, principal: Principal, unit: OrgUnit,
                            period: Period) -> tuple[list[OrgUnit], dict[uuid.UUID, Report]]:
    children = await org_units.reporting_children(session, unit, period.end)
    reports = await ReportRepository(session, principal).for_units({c.id for c in children}, period.code)
    return children, {r.org_unit_id: r for r in reports}


async def overdue(session: AsyncSession, principal: Principal, *, org_unit: uuid.UUID, period: str,
                  as_of: date | None, settings: Settings) -> Overdue:
    parsed = parse_period(period)
    unit = await indicators.unit_in_scope(session, principal, org_unit)
    day = as_of or today_in_vietnam()
    due_on = due_date(parsed, settings)
    children, reports = await _children_reports(session, principal, unit, parsed)
    rows = []
    for child in children:
        report = reports.get(child.id)
        status = report.status if report else None
        late = _is_overdue(status, due_on, day)
        rows.append(ExpectedReport(org_unit_id=child.id, org_unit_name=child.name, org_unit_code=child.code,
                                   due_on=due_on, report_id=report.id if report else None,
                                   status=status or "missing", overdue=late,
                                   days_overdue=(day - due_on).days if late else 0))
    rows.sort(key=lambda r: (not r.overdue, r.org_unit_name))
    return Overdue(org_unit_id=unit.id, period=parsed.code, as_of=day, due_on=due_on, expected=len(rows),
                   submitted=sum(1 for r in rows if r.status in IN), units=rows)


def _add(a: int | Decimal | None, b: object) -> int | None:
    if isinstance(b, int) and not isinstance(b, bool):
        return (a or 0) + b  # type: ignore[return-value, operator]
    return a  # type: ignore[return-value]


async def consolidation(session: AsyncSession, principal: Principal, *, org_unit: uuid.UUID, period: str,
                        k: int) -> Consolidation:
    """The children's approved reports added up, next to the live figure of the unit, so the level above
    sees at once whether the reports it approved still agree with the records."""
    parsed = parse_period(period)
    unit = await indicators.unit_in_scope(session, principal, org_unit)
    children, reports = await _children_reports(session, principal, unit, parsed)
    approved = {uid: indicators.from_json(r.frozen_values) for uid, r in reports.items()
                if r.status == ReportStatus.approved and r.frozen_values is not None}
    live = await indicators.figures(session, unit, parsed)
    own = await _own_records(session, unit, children, parsed)
    complete = bool(children) and len(approved) == len(children)
    exact = indicators.exact_for(principal)
    values, reconciles = [], complete
    totals: dict[str, int | Decimal | None] = {}
    for code, definition in INDICATORS.items():
        # Offices add up people too (a person reached in two communes then counts twice); the check below
        # holds only for the truly additive figures.
        additive = is_additive(code) or code.startswith("people_")
        consolidated: int | Decimal | None = None
        per_unit: dict[str, int | Decimal | None] = {}
        for child in children:
            if child.id in approved:
                value = approved[child.id][code].value
                per_unit[str(child.id)] = value
                consolidated = _add(consolidated, value) if additive else None
        live_value = live[code].value
        difference = None
        if is_additive(code) and complete and isinstance(live_value, int):
            expected = (consolidated or 0) + int(own[code].value or 0) if code in own else consolidated or 0
            difference = live_value - expected
            reconciles = reconciles and difference == 0
        totals[code] = consolidated
        shown_units: dict[str, Cell | Decimal | None] = dict(per_unit)
        if not exact and indicators.is_count(code, live_value):
            counts = {u: v for u, v in per_unit.items() if isinstance(v, int)}
            shown_units.update(suppress_breakdown(counts, k))
            consolidated = hide(consolidated, k) if isinstance(consolidated, int) else consolidated  # type: ignore
            live_value = hide(live_value, k)  # type: ignore[arg-type]
            if difference:  # a non-zero gap between two figures is itself a small count
                difference = None
        values.append(ConsolidatedValue(code=code, label_vi=definition.label_vi, label_en=definition.label_en,
                                        additive=is_additive(code), consolidated=consolidated, live=live_value,
                                        difference=difference, by_unit=shown_units))
    for item in values:  # rates of the consolidated report follow from its summed parts
        if item.code in DERIVED:
            numerator, denominator = DERIVED[item.code]
            item.consolidated = rate(totals.get(numerator), totals.get(denominator))
    await audit.record(session, principal, "consolidate", "report", None, org_unit_id=unit.id)
    return Consolidation(
        org_unit_id=unit.id, org_unit_name=unit.name, period=parsed.code, suppressed=not exact,
        units=[ConsolidationUnit(org_unit_id=c.id, name=c.name, code=c.code,
                                 report_id=reports[c.id].id if c.id in reports else None,
                                 status=reports[c.id].status if c.id in reports else "missing") for c in children],
        complete=complete, reconciles=reconciles,
        own_records={code: (r.value if exact or not indicators.is_count(code, r.value) else hide(r.value, k))  # type: ignore
                     for code, r in own.items()},
        indicators=values)


ADDITIVE = [code for code in INDICATORS if is_additive(code)]


async def _own_records(session: AsyncSession, unit: OrgUnit, children: list[OrgUnit],
                       period: Period) -> dict[str, indicators.Result]:
    """Figures of records under the unit that none of the children covers (kept at the unit itself, or on
    a legacy unit that merged into the province rather than into one commune)."""
    under = await org_units.unit_ids_under(session, await org_units.scope_paths(session, unit))
    for child in children:
        under -= await org_units.unit_ids_under(session, await org_units.scope_paths(session, child))
    return await indicators.figures_of_units(session, under, period, ADDITIVE)


async def _side(session: AsyncSession, units: list[OrgUnit], parent: OrgUnit, period: Period) -> ReconciliationSide:
    values: dict[str, dict[str, Cell | Decimal | None]] = {code: {} for code in ADDITIVE}
    totals = dict.fromkeys(ADDITIVE, 0)
    for unit in units:
        results = await indicators.figures(session, unit, period, ADDITIVE)
        for code in ADDITIVE:
            value = results[code].value
            values[code][str(unit.id)] = value
            totals[code] += int(value or 0)
    rest = await _own_records(session, parent, units, period)
    unattributed = {code: int(rest[code].value or 0) for code in ADDITIVE}
    return ReconciliationSide(
        units=[ConsolidationUnit(org_unit_id=u.id, name=u.name, code=u.code, report_id=None, status="missing")
               for u in units],
        values=values, unattributed=unattributed, totals={c: totals[c] + unattributed[c] for c in ADDITIVE})


async def reconciliation(session: AsyncSession, principal: Principal, *, org_unit: uuid.UUID,
                         period: str) -> Reconciliation:
    """A period before the 2025 reform counted twice — along the legacy units that existed then and along
    the current units that took them over — and both totals checked against the unit's own figure."""
    parsed = parse_period(period)
    if parsed.start >= REFORM_DAY:
        raise Unprocessable.field(["query", "period"], "Only periods before 2025-07-01 have legacy units.")
    unit = await indicators.unit_in_scope(session, principal, org_unit)
    legacy_children = await org_units.reporting_children(session, unit, min(parsed.end, date(2025, 6, 30)))
    current_children = await org_units.reporting_children(session, unit, max(today_in_vietnam(), REFORM_DAY))
    total = await indicators.figures(session, unit, parsed, ADDITIVE)
    legacy = await _side(session, legacy_children, unit, parsed)
    current = await _side(session, current_children, unit, parsed)
    totals = {code: int(total[code].value or 0) for code in ADDITIVE}
    await audit.record(session, principal, "reconcile", "report", None, org_unit_id=unit.id)
    return Reconciliation(org_unit_id=unit.id, period=parsed.code, suppressed=False, total=totals, legacy=legacy,
                          current=current, reconciles=legacy.totals == totals == current.totals)
