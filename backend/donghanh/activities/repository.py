from __future__ import annotations

from donghanh.activities import policy as _policy  # noqa: F401  (scope rules ride with the repository)
from donghanh.activities.models import Activity
from donghanh.activities.schemas import ActivityFilter
from donghanh.core.pagination import SortKey
from donghanh.core.repository import ScopedRepository

SORT_KEYS = [SortKey(Activity.starts_on, "starts_on", descending=True), SortKey(Activity.id, "id", descending=True)]


class ActivityRepository(ScopedRepository[Activity]):
    model = Activity
    not_found_detail = "No such activity."

    async def list(  # noqa: A003
        self, flt: ActivityFilter, unit_paths: tuple[str, ...] | None, cursor: str | None, limit: int
    ) -> tuple[list[Activity], str | None]:
        stmt = self.select(within=unit_paths)
        if flt.kind:
            stmt = stmt.where(Activity.kind == flt.kind)
        if flt.peer_group:
            stmt = stmt.where(Activity.peer_group_id == flt.peer_group)
        if flt.since:
            stmt = stmt.where(Activity.starts_on >= flt.since)
        if flt.until:
            stmt = stmt.where(Activity.starts_on <= flt.until)
        return await self.page(stmt, SORT_KEYS, "-starts_on", cursor, limit)
