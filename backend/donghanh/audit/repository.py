from __future__ import annotations

from donghanh.audit import policy as _policy  # noqa: F401  (scope rules ride with the repository)
from donghanh.audit.schemas import AuditEventFilter
from donghanh.core.audit import AuditEvent
from donghanh.core.pagination import SortKey
from donghanh.core.repository import ScopedRepository

SORT_KEYS = [SortKey(AuditEvent.seq, "seq", descending=True)]


class AuditEventRepository(ScopedRepository[AuditEvent]):
    model = AuditEvent

    async def list(  # noqa: A003
        self, flt: AuditEventFilter, cursor: str | None, limit: int
    ) -> tuple[list[AuditEvent], str | None]:
        stmt = self.select()
        if flt.actor:
            stmt = stmt.where(AuditEvent.actor_id == flt.actor)
        if flt.action:
            stmt = stmt.where(AuditEvent.action == flt.action)
        if flt.resource:
            stmt = stmt.where(AuditEvent.resource == flt.resource)
        if flt.resource_id:
            stmt = stmt.where(AuditEvent.resource_id == flt.resource_id)
        if flt.since:
            stmt = stmt.where(AuditEvent.at >= flt.since)
        if flt.until:
            stmt = stmt.where(AuditEvent.at < flt.until)
        return await self.page(stmt, SORT_KEYS, "-seq", cursor, limit)
