"""Transactional outbox: events are rows written in the same transaction as the change they describe, so
an event exists exactly when its change committed. Delivery (webhooks) reads them afterwards."""
from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Integer, String, Uuid
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from donghanh.core.base import Base, UTCDateTime, utcnow

# SQLite only auto-increments an INTEGER PRIMARY KEY; PostgreSQL gets a bigint identity.
_SerialId = BigInteger().with_variant(Integer(), "sqlite")


class OutboxEvent(Base):
    __tablename__ = "outbox_event"

    id: Mapped[int] = mapped_column(_SerialId, primary_key=True, autoincrement=True)
    event_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True, default=uuid.uuid4)
    event_type: Mapped[str] = mapped_column(String(60))
    aggregate_type: Mapped[str] = mapped_column(String(40))
    aggregate_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    # The organisation whose subscribers receive it.
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


async def emit(
    session: AsyncSession,
    event_type: str,
    *,
    aggregate_type: str,
    aggregate_id: uuid.UUID,
    organisation_id: uuid.UUID | None,
    data: dict[str, Any],
) -> OutboxEvent:
    event = OutboxEvent(event_type=event_type, aggregate_type=aggregate_type, aggregate_id=aggregate_id,
                        organisation_id=organisation_id, payload={})
    session.add(event)
    await session.flush()
    event.payload = {"id": str(event.event_id), "type": event_type, "created_at": event.created_at.isoformat(),
                     "data": data}
    await session.flush()
    return event
