from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from donghanh.core.dates import IsoDateTime


class AuditEventRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    seq: int
    at: datetime
    actor_type: str
    actor_id: uuid.UUID | None
    actor_name: str
    action: str
    resource: str
    resource_id: str | None
    fields: list[str]
    ip: str | None
    request_id: str | None
    org_unit_id: uuid.UUID | None
    hash: str


class AuditEventFilter(BaseModel):
    actor: uuid.UUID | None = None
    action: str | None = Field(None, max_length=40)
    resource: str | None = Field(None, max_length=60)
    resource_id: str | None = Field(None, max_length=64)
    since: IsoDateTime | None = None
    until: IsoDateTime | None = None
