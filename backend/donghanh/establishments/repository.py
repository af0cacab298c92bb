from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row, Select

from donghanh.core.errors import NotFound
from donghanh.core.pagination import SortKey
from donghanh.core.repository import ScopedRepository, looked_up
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

    def filtered(self, flt: EstablishmentFilter, unit_paths: tuple[str, ...] | None, *entities: Any) -> Select[Any]:
        stmt = self.select(*entities, within=unit_paths)
        if flt.type:
            stmt = stmt.where(Establishment.type == flt.type)
        if flt.status:
            stmt = stmt.where(Establishment.status == flt.status)
        if flt.risk_level:
            stmt = stmt.where(Establishment.risk_level == flt.risk_level)
        if flt.has_commitment is True:
            stmt = stmt.where(Establishment.commitment_signed_on.is_not(None))
        elif flt.has_commitment is False:
            stmt = stmt.where(Establishment.commitment_signed_on.is_(None))
        if flt.q and fold(flt.q):
            for word in fold(flt.q).split()[:8]:
                stmt = stmt.where(Establishment.search_text.like("%" + like_escape(word) + "%", escape="\\"))
        return stmt

    async def list(  # noqa: A003
        self, flt: EstablishmentFilter, unit_paths: tuple[str, ...] | None, cursor: str | None, limit: int
    ) -> tuple[list[Row[Any]], str | None]:
        """Rows as EstablishmentRead reads them, with their unit's name."""
        stmt = self.filtered(flt, unit_paths, *self.read_columns(EstablishmentRead), looked_up(
            OrgUnit.name, OrgUnit.id == Establishment.org_unit_id).label("org_unit_name"))
        return await self.page_rows(stmt, SORTS[flt.sort], flt.sort.value, cursor, limit)


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
