from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row, Select

from donghanh.core.errors import NotFound
from donghanh.core.pagination import SortKey
from donghanh.core.repository import Filters, ScopedRepository, looked_up
from donghanh.core.text import fold, like_escape
from donghanh.establishments import policy as _policy  # noqa: F401  (scope rules ride with the repository)
from donghanh.establishments.models import Establishment, Inspection
from donghanh.establishments.schemas import EstablishmentFilter, EstablishmentRead, EstablishmentSort
from donghanh.org_units.models import OrgUnit

SORTS: dict[EstablishmentSort, list[SortKey]] = {
    EstablishmentSort.name: [SortKey(Establishment.name, "name"), SortKey(Establishment.id, "id")],
    EstablishmentSort.newest: [
        SortKey(Establishment.created_at, "created_at", descending=True),
        SortKey(Establishment.id, "id", descending=True),
    ],
    EstablishmentSort.recently_updated: [
        SortKey(Establishment.updated_at, "updated_at", descending=True),
        SortKey(Establishment.id, "id", descending=True),
    ],
}


class EstablishmentRepository(ScopedRepository[Establishment]):
    model = Establishment
    not_found_detail = "No such establishment."

    async def list(  # noqa: A003
        self, flt: EstablishmentFilter, unit_paths: tuple[str, ...] | None, cursor: str | None, limit: int
    ) -> tuple[list[Row[Any]], str | None]:
        """Rows as EstablishmentRead reads them, with their unit's name."""
        e = Establishment
        f = Filters()
        f.value("type", flt.type, lambda v: e.type == v)
        f.value("status", flt.status, lambda v: e.status == v)
        f.value("risk_level", flt.risk_level, lambda v: e.risk_level == v)
        if flt.has_commitment is not None:
            f.case("has_commitment", flt.has_commitment, lambda: e.commitment_signed_on.is_not(None)
                   if flt.has_commitment else e.commitment_signed_on.is_(None))
        for i, word in enumerate(fold(flt.q).split()[:8] if flt.q else []):
            f.value(f"word_{i}", "%" + like_escape(word) + "%", lambda v: e.search_text.like(v, escape="\\"))

        def view() -> Select[Any]:
            return self.select(*self.read_columns(EstablishmentRead), looked_up(
                OrgUnit.name, OrgUnit.id == e.org_unit_id).label("org_unit_name"), within=unit_paths)

        return await self.page_rows(("view", unit_paths), view, f, SORTS[flt.sort], flt.sort.value, cursor, limit)


class InspectionRepository(ScopedRepository[Inspection]):
    model = Inspection
    not_found_detail = "No such inspection."

    async def for_establishment(
        self, establishment_id: uuid.UUID, cursor: str | None, limit: int
    ) -> tuple[list[Inspection], str | None]:
        keys = [SortKey(Inspection.inspected_on, "inspected_on", descending=True),
                SortKey(Inspection.id, "id", descending=True)]
        stmt = self.select().where(Inspection.establishment_id == establishment_id)
        return await self.page(stmt, keys, "-inspected_on", cursor, limit)

    async def get_in(self, establishment_id: uuid.UUID, inspection_id: uuid.UUID) -> Inspection:
        stmt = self.select().where(Inspection.id == inspection_id, Inspection.establishment_id == establishment_id)
        found = (await self.session.execute(stmt)).scalar_one_or_none()
        if found is None:
            raise NotFound(self.not_found_detail)
        return found
