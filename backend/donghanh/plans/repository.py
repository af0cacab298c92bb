from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Select, func, select

from donghanh.core.errors import Unprocessable
from donghanh.core.pagination import SortKey
from donghanh.core.principal import SYSTEM, Principal
from donghanh.core.repository import ScopedRepository
from donghanh.core.scoping import in_subtree, subtree_of_unit
from donghanh.plans import policy as _policy  # noqa: F401  (scope rules ride with the repository)
from donghanh.plans.models import BudgetLine, BudgetRevision, Expenditure, Plan, PlanTarget
from donghanh.plans.schemas import ExpenditureFilter, PlanFilter

PLAN_SORT = [SortKey(Plan.year, "year", descending=True), SortKey(Plan.id, "id", descending=True)]
EXPENDITURE_SORT = [SortKey(Expenditure.spent_on, "spent_on", descending=True),
                    SortKey(Expenditure.id, "id", descending=True)]


def spent_per_line() -> Any:
    return (select(Expenditure.budget_line_id.label("line_id"), func.sum(Expenditure.amount_vnd).label("spent"))
            .group_by(Expenditure.budget_line_id).subquery())


class PlanRepository(ScopedRepository[Plan]):
    model = Plan
    not_found_detail = "No such plan."

    async def list(  # noqa: A003
        self, flt: PlanFilter, unit_paths: tuple[str, ...] | None, cursor: str | None, limit: int
    ) -> tuple[list[Plan], str | None]:
        stmt = self.select(within=unit_paths)
        if flt.year:
            stmt = stmt.where(Plan.year == flt.year)
        if flt.status:
            stmt = stmt.where(Plan.status == flt.status)
        return await self.page(stmt, PLAN_SORT, "-year", cursor, limit)

    async def targets(self, plan_id: uuid.UUID) -> list[PlanTarget]:
        stmt = select(PlanTarget).where(PlanTarget.plan_id == plan_id).order_by(PlanTarget.indicator)
        return list((await self.session.execute(stmt)).scalars().all())


class BudgetLineRepository(ScopedRepository[BudgetLine]):
    model = BudgetLine
    not_found_detail = "No such budget line."

    async def with_spent(self, plan_id: uuid.UUID) -> list[tuple[BudgetLine, int]]:
        spent = spent_per_line()
        stmt = (self.select(BudgetLine, func.coalesce(spent.c.spent, 0))
                .outerjoin(spent, spent.c.line_id == BudgetLine.id)
                .where(BudgetLine.plan_id == plan_id).order_by(BudgetLine.code))
        return [(line, int(total)) for line, total in (await self.session.execute(stmt)).all()]

    async def spent(self, line_id: uuid.UUID) -> int:
        expenditures = ExpenditureRepository(self.session, self.principal)
        stmt = expenditures.select(func.coalesce(func.sum(Expenditure.amount_vnd), 0)).where(
            Expenditure.budget_line_id == line_id)
        return int(await self.session.scalar(stmt) or 0)

    async def lock(self, line_id: uuid.UUID) -> BudgetLine:
        """The line, locked for the rest of the transaction: two expenditures checked at once must not both
        see the same remaining amount (FOR UPDATE on PostgreSQL; SQLite transactions are serial)."""
        stmt = self.select().where(BudgetLine.id == line_id).with_for_update()
        line = (await self.session.execute(stmt)).scalar_one_or_none()
        if line is None:
            raise Unprocessable.field(["body", "budget_line_id"], "No budget line with this id.")
        return line

    async def revisions(self, line_id: uuid.UUID) -> list[BudgetRevision]:
        stmt = select(BudgetRevision).where(BudgetRevision.budget_line_id == line_id).order_by(BudgetRevision.at)
        return list((await self.session.execute(stmt)).scalars().all())


class ExpenditureRepository(ScopedRepository[Expenditure]):
    model = Expenditure
    not_found_detail = "No such expenditure."

    async def list(  # noqa: A003
        self, flt: ExpenditureFilter, cursor: str | None, limit: int
    ) -> tuple[list[Expenditure], str | None]:
        stmt = self.select()
        if flt.budget_line:
            stmt = stmt.where(Expenditure.budget_line_id == flt.budget_line)
        if flt.plan:
            lines = select(BudgetLine.id).where(BudgetLine.plan_id == flt.plan)
            stmt = stmt.where(Expenditure.budget_line_id.in_(lines))
        if flt.since:
            stmt = stmt.where(Expenditure.spent_on >= flt.since)
        if flt.until:
            stmt = stmt.where(Expenditure.spent_on <= flt.until)
        return await self.page(stmt, EXPENDITURE_SORT, "-spent_on", cursor, limit)


class BudgetAggregates(ScopedRepository[BudgetLine]):
    """Allocated and spent summed over the caller's area: totals only, so aggregate roles (viewers) may
    read them. Runs as SYSTEM with the caller's subtree as an explicit filter."""

    model = BudgetLine

    def __init__(self, session: Any, principal: Principal, unit_paths: tuple[str, ...] | None) -> None:
        super().__init__(session, SYSTEM)
        self.caller, self.unit_paths = principal, unit_paths

    def _scoped(self, stmt: Select[Any], year: int) -> Select[Any]:
        stmt = stmt.join(Plan, Plan.id == BudgetLine.plan_id).where(Plan.year == year,
                                                                     in_subtree(BudgetLine.org_unit_id, self.caller))
        return stmt.where(subtree_of_unit(BudgetLine.org_unit_id, self.unit_paths)) if self.unit_paths else stmt

    async def by(self, column: Any, year: int) -> dict[str, tuple[int, int]]:
        spent = spent_per_line()
        stmt = (self.select(column, func.sum(BudgetLine.allocated_vnd), func.coalesce(func.sum(spent.c.spent), 0))
                .outerjoin(spent, spent.c.line_id == BudgetLine.id).group_by(column))
        rows = (await self.session.execute(self._scoped(stmt, year))).all()
        return {str(key): (int(allocated or 0), int(spent_total or 0)) for key, allocated, spent_total in rows}
