from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import BigInteger, CheckConstraint, Date, ForeignKey, Index, String, Text, Uuid
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
from donghanh.core.crypto import Encrypted


class CaseStatus(StrEnum):
    under_identification = "under_identification"
    identified = "identified"
    received = "received"
    supported = "supported"
    reintegrated = "reintegrated"
    closed = "closed"


class Source(StrEnum):
    hotline_111 = "hotline_111"
    police = "police"
    border_guard = "border_guard"
    self_reported = "self_reported"
    repatriated = "repatriated"
    ngo = "ngo"
    other = "other"


class Exploitation(StrEnum):
    sexual = "sexual"
    forced_labour = "forced_labour"
    forced_marriage = "forced_marriage"
    organ_removal = "organ_removal"
    surrogacy = "surrogacy"
    other = "other"
    unknown = "unknown"


class VictimCase(IdMixin, TimestampMixin, VersionedMixin, CreatedByMixin, OrgScoped, Base):
    """A (possible) victim of trafficking. A person under identification is protected exactly as a
    confirmed victim (Law 53/2024 Art. 3(10))."""

    __tablename__ = "victim_case"

    client_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("client.id"), index=True)
    reported_on: Mapped[date] = mapped_column(Date)
    identified_on: Mapped[date | None] = mapped_column(Date)
    received_on: Mapped[date | None] = mapped_column(Date)
    reintegrated_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    closed_reason: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(20))
    exploitation: Mapped[str] = mapped_column(String(20), default=Exploitation.unknown.value)
    exploitation_country: Mapped[str | None] = mapped_column(String(2))
    citizenship: Mapped[str] = mapped_column(String(2), default="VN")
    status: Mapped[str] = mapped_column(String(24), default=CaseStatus.under_identification.value)
    intake_notes: Mapped[str | None] = mapped_column(Encrypted("victim_case.intake_notes"))

    __table_args__ = (Index("ix_victim_case_org_unit_identified_on", "org_unit_id", "identified_on"),)


class VictimSupport(IdMixin, TimestampMixin, CreatedByMixin, OrgScoped, Base):
    __tablename__ = "victim_support"

    victim_case_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("victim_case.id"), index=True)
    support_type: Mapped[str] = mapped_column(String(40))
    provided_on: Mapped[date] = mapped_column(Date)
    amount_vnd: Mapped[int] = mapped_column(BigInteger, default=0)
    provider_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("organisation.id"))
    note: Mapped[str | None] = mapped_column(Encrypted("victim_support.note"))

    __table_args__ = (CheckConstraint("amount_vnd >= 0", name="amount_non_negative"),)


class VictimCaseEvent(IdMixin, Base):
    __tablename__ = "victim_case_event"

    victim_case_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("victim_case.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor_name: Mapped[str] = mapped_column(String(150))
    from_status: Mapped[str | None] = mapped_column(String(24))
    to_status: Mapped[str] = mapped_column(String(24))
    note: Mapped[str | None] = mapped_column(Encrypted("victim_case_event.note"))
