from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, case, distinct, extract, func, select

from donghanh.clients.models import Client
from donghanh.core.pagination import SortKey
from donghanh.core.principal import SYSTEM, Principal
from donghanh.core.repository import ScopedRepository
from donghanh.core.scoping import in_subtree, subtree_of_unit
from donghanh.victim_cases import policy as _policy  # noqa: F401  (scope rules ride with the repository)
from donghanh.victim_cases.models import VictimCase, VictimCaseEvent, VictimSupport
from donghanh.victim_cases.schemas import VictimCaseFilter

SORT_KEYS = [SortKey(VictimCase.reported_on, "reported_on", descending=True),
             SortKey(VictimCase.id, "id", descending=True)]


class VictimCaseRepository(ScopedRepository[VictimCase]):
    model = VictimCase
    not_found_detail = "No such case."

    async def list(  # noqa: A003
        self, flt: VictimCaseFilter, unit_paths: tuple[str, ...] | None, cursor: str | None, limit: int
    ) -> tuple[list[VictimCase], str | None]:
        stmt = self.select(within=unit_paths)
        if flt.status:
            stmt = stmt.where(VictimCase.status == flt.status)
        if flt.source:
            stmt = stmt.where(VictimCase.source == flt.source)
        if flt.exploitation:
            stmt = stmt.where(VictimCase.exploitation == flt.exploitation)
        if flt.since:
            stmt = stmt.where(VictimCase.reported_on >= flt.since)
        if flt.until:
            stmt = stmt.where(VictimCase.reported_on <= flt.until)
        return await self.page(stmt, SORT_KEYS, "-reported_on", cursor, limit)

    async def supports(self, case_id: uuid.UUID) -> list[VictimSupport]:
        stmt = (select(VictimSupport).where(VictimSupport.victim_case_id == case_id)
                .order_by(VictimSupport.provided_on, VictimSupport.created_at)
                .execution_options(donghanh_scoped=True))  # the case itself was fetched through scope
        return list((await self.session.execute(stmt)).scalars().all())

    async def history(self, case_id: uuid.UUID) -> list[VictimCaseEvent]:
        stmt = select(VictimCaseEvent).where(VictimCaseEvent.victim_case_id == case_id).order_by(
            VictimCaseEvent.at, VictimCaseEvent.id)
        return list((await self.session.execute(stmt)).scalars().all())


def _age_group(year_of: Any) -> Any:
    age = extract("year", year_of) - Client.birth_year
    return case(
        (Client.birth_year.is_(None), "unknown"), (age < 16, "<16"), (age < 18, "16-17"), (age < 25, "18-24"),
        (age < 35, "25-34"), else_="35+")


class VictimStatistics(ScopedRepository[VictimCase]):
    """Aggregates over the caller's unit subtree. Rows never leave: only counts and sums do, so roles that
    may not read a case (viewers) can still be given suppressed totals. Runs as SYSTEM with the caller's
    subtree as an explicit filter."""

    model = VictimCase

    def __init__(self, session: Any, principal: Principal, unit_paths: tuple[str, ...] | None) -> None:
        super().__init__(session, SYSTEM)
        self.caller = principal
        self.unit_paths = unit_paths

    def _where(self, stmt: Select[Any], column: Any) -> Select[Any]:
        stmt = stmt.where(in_subtree(column, self.caller))
        return stmt.where(subtree_of_unit(column, self.unit_paths)) if self.unit_paths else stmt

    async def count(self, date_column: Any, since: date, until: date) -> int:
        stmt = self._where(self.select(func.count(VictimCase.id)), VictimCase.org_unit_id)
        return await self.session.scalar(stmt.where(date_column >= since, date_column <= until)) or 0

    async def identified_by(self, since: date, until: date) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        dims = {"sex": Client.sex, "age_group": _age_group(VictimCase.identified_on),
                "exploitation": VictimCase.exploitation, "source": VictimCase.source}
        for name, dim in dims.items():
            stmt = (self.select(dim.label("k"), func.count(VictimCase.id))
                    .join(Client, Client.id == VictimCase.client_id)
                    .where(VictimCase.identified_on >= since, VictimCase.identified_on <= until)
                    .group_by(dim))
            rows = (await self.session.execute(self._where(stmt, VictimCase.org_unit_id))).all()
            out[name] = {str(k): n for k, n in rows}
        return out

    async def supported(self, since: date, until: date) -> int:
        stmt = (self.select(func.count(distinct(VictimSupport.victim_case_id))).select_from(VictimCase)
                .join(VictimSupport, VictimSupport.victim_case_id == VictimCase.id)
                .where(and_(VictimSupport.provided_on >= since, VictimSupport.provided_on <= until)))
        return await self.session.scalar(self._where(stmt, VictimCase.org_unit_id)) or 0

    async def supports_by_type(self, since: date, until: date) -> dict[str, tuple[int, int]]:
        stmt = (self.select(VictimSupport.support_type, func.count(distinct(VictimSupport.victim_case_id)),
                            func.coalesce(func.sum(VictimSupport.amount_vnd), 0))
                .select_from(VictimCase).join(VictimSupport, VictimSupport.victim_case_id == VictimCase.id)
                .where(VictimSupport.provided_on >= since, VictimSupport.provided_on <= until)
                .group_by(VictimSupport.support_type))
        rows = (await self.session.execute(self._where(stmt, VictimCase.org_unit_id))).all()
        return {t: (int(n), int(amount)) for t, n, amount in rows}

    async def export_rows(self) -> list[Any]:
        stmt = (self.select(Client.sex, Client.birth_year, VictimCase.reported_on, VictimCase.identified_on,
                            VictimCase.citizenship, VictimCase.exploitation, VictimCase.exploitation_country,
                            VictimCase.source)
                .select_from(VictimCase).join(Client, Client.id == VictimCase.client_id)
                .where(VictimCase.status != "under_identification"))
        return list((await self.session.execute(self._where(stmt, VictimCase.org_unit_id))).all())
