from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Date, ForeignKey, Index, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from donghanh.core.base import (
    Base,
    CreatedByMixin,
    IdMixin,
    OrgScoped,
    TimestampMixin,
    UTCDateTime,
    VersionedMixin,
    utcnow,
)
from donghanh.core.errors import register_constraint


class ReferralStatus(StrEnum):
    draft = "draft"
    sent = "sent"
    accepted = "accepted"
    declined = "declined"
    completed = "completed"
    not_completed = "not_completed"
    cancelled = "cancelled"


class Referral(IdMixin, TimestampMixin, VersionedMixin, CreatedByMixin, OrgScoped, Base):
    __tablename__ = "referral"

    client_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("client.id"), index=True)
    contact_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("outreach_contact.id"), index=True)
    service_type: Mapped[str] = mapped_column(String(40))
    from_organisation_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("organisation.id"))
    to_organisation_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("organisation.id"), index=True)
    reason: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default=ReferralStatus.draft.value)
    follow_up_due_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str | None] = mapped_column(Text)
    decline_reason: Mapped[str | None] = mapped_column(Text)
    # Required to send without consent for a trafficking victim or a person under identification.
    legal_basis: Mapped[str | None] = mapped_column(String(300))
    legal_basis_reason: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    external_id: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (
        Index("uq_referral_external_id", "org_unit_id", "external_id", unique=True),
        Index("ix_referral_status_follow_up", "status", "follow_up_due_on"),
        Index("ix_referral_to_org_status", "to_organisation_id", "status"),
        Index("ix_referral_keyset", "created_at", "id"),  # the list's keyset order
    )


class ReferralEvent(IdMixin, Base):
    """Append-only history of a referral's status: who, when, from → to, and why."""

    __tablename__ = "referral_event"

    referral_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("referral.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor_type: Mapped[str] = mapped_column(String(16))
    actor_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    actor_name: Mapped[str] = mapped_column(String(150))
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text)


register_constraint("uq_referral_external_id", 409, "external_id",
                    "Another referral in this unit already has this external_id.",
                    sqlite="referral.org_unit_id, referral.external_id")
