from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.audit.repository import AuditEventRepository
from donghanh.audit.schemas import AuditEventFilter, AuditEventRead
from donghanh.core import audit
from donghanh.core.errors import Unprocessable
from donghanh.core.pagination import Page
from donghanh.core.principal import Principal


async def list(  # noqa: A001
    session: AsyncSession, principal: Principal, flt: AuditEventFilter, cursor: str | None, limit: int
) -> Page[AuditEventRead]:
    for name in ("since", "until"):
        value = getattr(flt, name)
        if value is not None and value.tzinfo is None:
            raise Unprocessable.field(["query", name], "Give a time zone, e.g. 2026-11-01T00:00:00+07:00.")
    # The log as it stands: events still waiting for the sequencer are chained first, so none is missing.
    await audit.chain_all(session)
    rows, next_cursor = await AuditEventRepository(session, principal).list(flt, cursor, limit)
    page = Page[AuditEventRead](items=[AuditEventRead.model_validate(e) for e in rows], next_cursor=next_cursor)
    # Reading the log is itself audited (after the read, so the page does not contain its own event).
    await audit.record(session, principal, "list", "audit_event", None, org_unit_id=principal.org_unit_id)
    return page


async def verify(session: AsyncSession) -> audit.ChainReport:
    return await audit.verify_chain(session)
