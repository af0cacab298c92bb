from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, BigInteger, Boolean, ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from donghanh.core.base import Base, CreatedByMixin, IdMixin, TimestampMixin, UTCDateTime, utcnow
from donghanh.core.crypto import Encrypted

EVENT_TYPES = ("referral.sent", "referral.status_changed")


class DeliveryStatus(StrEnum):
    pending = "pending"
    delivered = "delivered"
    failed = "failed"  # gave up after the last retry; can be redelivered by hand


class WebhookSubscription(IdMixin, TimestampMixin, CreatedByMixin, Base):
    __tablename__ = "webhook_subscription"

    organisation_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("organisation.id"), index=True)
    url: Mapped[str] = mapped_column(String(500))
    events: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Kept encrypted, not hashed: the server needs it to sign every delivery.
    secret: Mapped[str] = mapped_column(Encrypted("webhook_subscription.secret"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class WebhookDelivery(IdMixin, Base):
    __tablename__ = "webhook_delivery"

    webhook_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("webhook_subscription.id"), index=True)
    outbox_event_id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"),
                                                 ForeignKey("outbox_event.id"), index=True)
    aggregate_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    status: Mapped[str] = mapped_column(String(16), default=DeliveryStatus.pending.value)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_status_code: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(Text)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    __table_args__ = (
        Index("ix_webhook_delivery_due", "status", "next_attempt_at"),
        Index("ix_webhook_delivery_order", "webhook_id", "aggregate_id", "outbox_event_id"),
    )
