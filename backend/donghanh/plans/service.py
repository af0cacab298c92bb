"""Plans with targets, budget lines by funding source, expenditures, execution — money as integer VND."""
from __future__ import annotations

import uuid
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.activities import service as activities
from donghanh.core import audit
from donghanh.core.base import utcnow
from donghanh.core.concurrency import check_precondition
from donghanh.core.errors import Conflict, Unprocessable
from donghanh.core.pagination import Page
from donghanh.core.principal import Principal
from donghanh.indicators import service as indicators
from donghanh.org_units import service as org_units
from donghanh.plans.models import BudgetLine, BudgetRevision, Expenditure, Plan, PlanStatus, PlanTarget
from donghanh.plans.repository import BudgetAggregates, BudgetLineRepository, ExpenditureRepository, PlanRepository
from donghanh.plans.schemas import (
    BudgetLineCreate,
    BudgetLineRead,
    BudgetLineUpdate,
    Execution,
    ExecutionBreakdown,
    ExpenditureCreate,
    ExpenditureFilter,
    ExpenditureRead,
    PlanCreate,
    PlanFilter,
    PlanRead,
    PlanUpdate,
    RevisionRead,
    TargetIn,
    TargetRead,
)


def execution(allocated: int, spent: int) -> Execution:
    rate = None
    if allocated > 0:
        rate = (Decimal(spent) / Decimal(allocated)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    return Execution(allocated_vnd=allocated, spent_vnd=spent, remaining_vnd=allocated - spent, execution_rate=rate)


def _line_read(line: BudgetLine, spent: int) -> BudgetLineRead:
    return BudgetLineRead(id=line.id, plan_id=line.plan_id, code=line.code, title=line.title, category=line.category,
                          funding_source=line.funding_source, version=line.version,
                          **execution(line.allocated_vnd, spent).model_dump())


async def to_read(session: AsyncSession, principal: Principal, plan: Plan) -> PlanRead:
    lines = await BudgetLineRepository(session, principal).with_spent(plan.id)
    targets = await PlanRepository(session, principal).targets(plan.id)
    actual = await indicators.actual_values(session, principal, plan.org_unit_id, plan.year,
                                            [t.indicator for t in targets])
    return PlanRead.model_validate(plan).model_copy(update={
        "targets": [TargetRead(indicator=t.indicator, target_value=t.target_value, note=t.note,
                               actual_value=actual.get(t.indicator),
                               actual_status="computed" if t.indicator in actual else "not_yet_computed")
                    for t in targets],
        "lines": [_line_read(line, spent) for line, spent in lines],
        "totals": execution(sum(line.allocated_vnd for line, _ in lines), sum(spent for _, spent in lines)),
    })


async def list(  # noqa: A001
    session: AsyncSession, principal: Principal, flt: PlanFilter, cursor: str | None, limit: int
) -> Page[PlanRead]:
    unit_paths = await org_units.filter_paths(session, flt.org_unit)
    rows, next_cursor = await PlanRepository(session, principal).list(flt, unit_paths, cursor, limit)
    return Page[PlanRead](items=[await to_read(session, principal, p) for p in rows], next_cursor=next_cursor)


async def get(session: AsyncSession, principal: Principal, plan_id: uuid.UUID) -> Plan:
    return await PlanRepository(session, principal).get(plan_id)


def _targets(session: AsyncSession, plan: Plan, targets: list[TargetIn]) -> None:
    seen = set()
    for index, target in enumerate(targets):
        if target.indicator in seen:
            raise Unprocessable(errors=[{"loc": ["body", "targets", index, "indicator"], "msg": "listed twice"}])
        seen.add(target.indicator)
        session.add(PlanTarget(plan_id=plan.id, indicator=target.indicator, target_value=target.target_value,
                               note=target.note))


async def create(session: AsyncSession, principal: Principal, *, plan_in: PlanCreate) -> Plan:
    await org_units.require_unit_in_scope(session, principal, plan_in.org_unit_id)
    plan = Plan(**plan_in.model_dump(exclude={"targets"}), status=PlanStatus.draft.value, created_by=principal.id)
    session.add(plan)
    await session.flush()
    _targets(session, plan, plan_in.targets)
    await session.flush()
    await audit.record(session, principal, "create", "plan", plan.id, fields=sorted(plan_in.model_fields_set),
                       org_unit_id=plan.org_unit_id)
    return plan


async def update(session: AsyncSession, principal: Principal, plan_id: uuid.UUID, *, plan_in: PlanUpdate,
                 if_match: str | None) -> Plan:
    plan = await get(session, principal, plan_id)
    check_precondition(if_match, plan.id, plan.version, plan_in.version)
    changes = plan_in.model_dump(exclude_unset=True, exclude={"version", "targets"})
    if plan.status == PlanStatus.approved and changes:
        raise Conflict("The plan is approved: its text no longer changes (budget lines change by revision).")
    for key in ("number", "title"):
        if key in changes and changes[key] is None:
            raise Unprocessable.field(["body", key], "may not be null")
    for key, value in changes.items():
        setattr(plan, key, value)
    if plan_in.targets is not None:
        await session.execute(delete(PlanTarget).where(PlanTarget.plan_id == plan.id))
        _targets(session, plan, plan_in.targets)
    plan.updated_at = utcnow()
    await session.flush()
    await audit.record(session, principal, "update", "plan", plan.id, fields=sorted(plan_in.model_fields_set),
                       org_unit_id=plan.org_unit_id)
    return plan


async def approve(session: AsyncSession, principal: Principal, plan_id: uuid.UUID) -> Plan:
    plan = await get(session, principal, plan_id)
    if plan.status == PlanStatus.approved:
        raise Conflict("The plan is already approved.")
    plan.status, plan.approved_at, plan.approved_by = PlanStatus.approved.value, utcnow(), principal.id
    await session.flush()
    await audit.record(session, principal, "approve", "plan", plan.id, fields=["status"], org_unit_id=plan.org_unit_id)
    return plan


# --- budget lines ----------------------------------------------------------------------------------

async def create_line(session: AsyncSession, principal: Principal, *, line_in: BudgetLineCreate) -> BudgetLineRead:
    plan = await PlanRepository(session, principal).find(line_in.plan_id)
    if plan is None:
        raise Unprocessable.field(["body", "plan_id"], "No plan with this id.")
    if plan.status == PlanStatus.approved and not line_in.revision_reason:
        raise Unprocessable.field(["body", "revision_reason"], "The plan is approved: say why this line is added.")
    line = BudgetLine(**line_in.model_dump(exclude={"revision_reason"}), org_unit_id=plan.org_unit_id,
                      created_by=principal.id)
    session.add(line)
    await session.flush()
    if plan.status == PlanStatus.approved:
        session.add(BudgetRevision(budget_line_id=line.id, actor_id=principal.id, actor_name=principal.shown_as,
                                   old_vnd=0, new_vnd=line.allocated_vnd, reason=line_in.revision_reason))
    await audit.record(session, principal, "create", "budget_line", line.id, fields=sorted(line_in.model_fields_set),
                       org_unit_id=line.org_unit_id)
    return _line_read(line, 0)


async def get_line(session: AsyncSession, principal: Principal, line_id: uuid.UUID) -> BudgetLineRead:
    repository = BudgetLineRepository(session, principal)
    line = await repository.get(line_id)
    return _line_read(line, await repository.spent(line.id))


async def update_line(session: AsyncSession, principal: Principal, line_id: uuid.UUID, *,
                      line_in: BudgetLineUpdate, if_match: str | None) -> BudgetLineRead:
    repository = BudgetLineRepository(session, principal)
    line = await repository.get(line_id)
    check_precondition(if_match, line.id, line.version, line_in.version)
    plan = await get(session, principal, line.plan_id)
    changes = line_in.model_dump(exclude_unset=True, exclude={"version", "revision_reason"})
    for key, value in changes.items():
        if value is None:
            raise Unprocessable.field(["body", key], "may not be null")
    if plan.status == PlanStatus.approved:
        if set(changes) - {"allocated_vnd"}:
            raise Conflict("The plan is approved: only a line's amount changes, by recorded revision.")
        if "allocated_vnd" in changes and changes["allocated_vnd"] != line.allocated_vnd:
            if not line_in.revision_reason:
                raise Unprocessable.field(["body", "revision_reason"], "Say why the approved amount changes.")
            session.add(BudgetRevision(budget_line_id=line.id, actor_id=principal.id, actor_name=principal.shown_as,
                                       old_vnd=line.allocated_vnd, new_vnd=changes["allocated_vnd"],
                                       reason=line_in.revision_reason))
    for key, value in changes.items():
        setattr(line, key, getattr(value, "value", value))
    await session.flush()
    await audit.record(session, principal, "update", "budget_line", line.id, fields=sorted(changes),
                       org_unit_id=line.org_unit_id)
    return _line_read(line, await repository.spent(line.id))


async def revisions(session: AsyncSession, principal: Principal, line_id: uuid.UUID) -> list[RevisionRead]:
    repository = BudgetLineRepository(session, principal)
    line = await repository.get(line_id)
    return [RevisionRead.model_validate(r) for r in await repository.revisions(line.id)]


# --- expenditures ----------------------------------------------------------------------------------

async def list_expenditures(session: AsyncSession, principal: Principal, flt: ExpenditureFilter,
                            cursor: str | None, limit: int) -> Page[ExpenditureRead]:
    rows, next_cursor = await ExpenditureRepository(session, principal).list(flt, cursor, limit)
    return Page[ExpenditureRead](items=[ExpenditureRead.model_validate(e) for e in rows], next_cursor=next_cursor)


async def get_expenditure(session: AsyncSession, principal: Principal, expenditure_id: uuid.UUID) -> Expenditure:
    return await ExpenditureRepository(session, principal).get(expenditure_id)


async def _check_activity(session: AsyncSession, principal: Principal, activity_id: uuid.UUID, plan: Plan) -> None:
    activity = await activities.require_visible(session, principal, activity_id, "activity_id")
    unit = await org_units.require_unit(session, plan.org_unit_id)
    where = await org_units.require_unit(session, activity.org_unit_id)
    if not where.path.startswith(unit.path) or activity.starts_on.year != plan.year:
        raise Unprocessable.field(["body", "activity_id"],
                                  f"The activity must take place in {unit.name} in {plan.year}.")


async def create_expenditure(session: AsyncSession, principal: Principal, *,
                             expenditure_in: ExpenditureCreate) -> Expenditure:
    repository = BudgetLineRepository(session, principal)
    line = await repository.lock(expenditure_in.budget_line_id)
    plan = await get(session, principal, line.plan_id)
    if expenditure_in.spent_on.year != plan.year:
        raise Unprocessable.field(["body", "spent_on"], f"The plan covers {plan.year}.")
    if expenditure_in.activity_id is not None:
        await _check_activity(session, principal, expenditure_in.activity_id, plan)
    remaining = line.allocated_vnd - await repository.spent(line.id)
    if expenditure_in.amount_vnd > remaining:
        if not expenditure_in.override_reason:
            raise Conflict(
                f"The line has {remaining:,} VND left; this expenditure is {expenditure_in.amount_vnd:,} VND. "
                "Give override_reason to record it anyway.".replace(",", "."),
                errors=[{"loc": ["body", "amount_vnd"], "msg": "exceeds what the budget line has left"}],
                extra={"remaining_vnd": remaining})
    expenditure = Expenditure(**expenditure_in.model_dump(), org_unit_id=line.org_unit_id, created_by=principal.id)
    if expenditure_in.amount_vnd <= remaining:
        expenditure.override_reason = None  # no override was needed
    session.add(expenditure)
    await session.flush()
    await audit.record(session, principal, "create", "expenditure", expenditure.id,
                       fields=sorted(expenditure_in.model_fields_set), org_unit_id=line.org_unit_id)
    if expenditure.override_reason:
        await audit.record(session, principal, "overspend_override", "budget_line", line.id,
                           fields=["override_reason"], org_unit_id=line.org_unit_id)
    return expenditure


async def breakdown(session: AsyncSession, principal: Principal, *, year: int,
                    org_unit: uuid.UUID | None) -> ExecutionBreakdown:
    aggregates = BudgetAggregates(session, principal, await org_units.filter_paths(session, org_unit))
    by_source = await aggregates.by(BudgetLine.funding_source, year)
    by_category = await aggregates.by(BudgetLine.category, year)
    total_allocated = sum(a for a, _ in by_source.values())
    total_spent = sum(s for _, s in by_source.values())
    return ExecutionBreakdown(
        org_unit_id=org_unit, year=year, total=execution(total_allocated, total_spent),
        by_source={k: execution(a, s) for k, (a, s) in by_source.items()},
        by_category={k: execution(a, s) for k, (a, s) in by_category.items()})


