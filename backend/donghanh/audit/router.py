from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query

from donghanh.audit import service
from donghanh.audit.schemas import AuditEventFilter, AuditEventRead
from donghanh.core.errors import problems
from donghanh.core.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page
from donghanh.core.permissions import Permission, Require
from donghanh.core.principal import Principal
from donghanh.core.routing import DomainRouter
from donghanh.db import SessionDep

router = DomainRouter(prefix="/audit-events", tags=["audit"])


@router.get("", response_model=Page[AuditEventRead], responses=problems())
async def list_audit_events(
    session: SessionDep,
    principal: Annotated[Principal, Depends(Require(Permission.audit_read))],
    flt: Annotated[AuditEventFilter, Query()],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> Page[AuditEventRead]:
    return await service.list(session, principal, flt, cursor, limit)
