from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select

from donghanh.core.pagination import SortKey
from donghanh.core.repository import ScopedRepository
from donghanh.reports import policy as _policy  # noqa: F401  (scope rules ride with the repository)
from donghanh.reports.models import Report, ReportEvent, ReportStatus
from donghanh.reports.schemas import ReportFilter

REPORT_SORT = [SortKey(Report.due_on, "due_on", descending=True), SortKey(Report.id, "id", descending=True)]
_OPEN = (ReportStatus.draft.value, ReportStatus.returned.value)


class ReportRepository(ScopedRepository[Report]):
    model = Report
    not_found_detail = "No such report."

    async def list(  # noqa: A003
        self, flt: ReportFilter, period: str | None, unit_paths: tuple[str, ...] | None, as_of: date,
        cursor: str | None, limit: int,
    ) -> tuple[list[Report], str | None]:
        stmt = self.select(within=unit_paths)
        if period:
            stmt = stmt.where(Report.period == period)
        if flt.status:
            stmt = stmt.where(Report.status == flt.status)
        if flt.overdue is True:
            stmt = stmt.where(Report.status.in_(_OPEN), Report.due_on < as_of)
        elif flt.overdue is False:
            stmt = stmt.where(~(Report.status.in_(_OPEN) & (Report.due_on < as_of)))
        return await self.page(stmt, REPORT_SORT, "-due_on", cursor, limit)

    async def for_units(self, unit_ids: set[uuid.UUID], period: str) -> list[Report]:
        if not unit_ids:
            return []
        stmt = self.select().where(Report.org_unit_id.in_(unit_ids), Report.period == period)
        return [*(await self.session.execute(stmt)).scalars().all()]

    async def history(self, report_id: uuid.UUID) -> list[ReportEvent]:
        stmt = select(ReportEvent).where(ReportEvent.report_id == report_id).order_by(ReportEvent.at, ReportEvent.id)
        return [*(await self.session.execute(stmt)).scalars().all()]
