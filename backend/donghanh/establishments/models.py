from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from donghanh.core.base import Base, CreatedByMixin, IdMixin, OrgScoped, TimestampMixin, VersionedMixin


class EstablishmentType(StrEnum):
    karaoke = "karaoke"
    massage_sauna = "massage_sauna"
    bar_club = "bar_club"
    hotel_guesthouse = "hotel_guesthouse"
    restaurant = "restaurant"
    cafe = "cafe"
    beauty_spa = "beauty_spa"
    other = "other"


class EstablishmentStatus(StrEnum):
    active = "active"
    suspended = "suspended"
    closed = "closed"


class RiskLevel(StrEnum):
    low = "low"
    medium = "medium"
    high = "high"


class ViolationCode(StrEnum):
    unlicensed = "unlicensed"
    expired_license = "expired_license"
    underage_worker = "underage_worker"
    no_labour_contract = "no_labour_contract"
    unpaid_wages = "unpaid_wages"
    prostitution = "prostitution"
    drugs = "drugs"
    fire_safety = "fire_safety"
    hygiene = "hygiene"
    other = "other"


class Establishment(IdMixin, TimestampMixin, VersionedMixin, CreatedByMixin, OrgScoped, Base):
    __tablename__ = "establishment"

    name: Mapped[str] = mapped_column(String(200))
    type: Mapped[str] = mapped_column(String(32))
    address: Mapped[str | None] = mapped_column(String(300))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    owner_name: Mapped[str | None] = mapped_column(String(150))
    business_registration_no: Mapped[str | None] = mapped_column(String(50))
    license_no: Mapped[str | None] = mapped_column(String(50))
    license_expires_on: Mapped[date | None] = mapped_column(Date)
    workers_female: Mapped[int] = mapped_column(Integer, default=0)
    workers_male: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16), default=EstablishmentStatus.active.value)
    commitment_signed_on: Mapped[date | None] = mapped_column(Date)
    risk_level: Mapped[str] = mapped_column(String(8), default=RiskLevel.medium.value)
    external_id: Mapped[str | None] = mapped_column(String(100), unique=True)
    # Folded name, address and owner: the diacritics-insensitive search target.
    search_text: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (
        CheckConstraint("workers_female >= 0 AND workers_male >= 0", name="workers_non_negative"),
        Index("ix_establishment_org_unit_id_created_at", "org_unit_id", "created_at"),
        Index("ix_establishment_keyset_name", "name", "id"),  # the list's default keyset order
    )


class Inspection(IdMixin, TimestampMixin, VersionedMixin, CreatedByMixin, OrgScoped, Base):
    """org_unit_id repeats the establishment's, so inspections scope with one indexed predicate."""

    __tablename__ = "inspection"

    establishment_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("establishment.id"), index=True)
    inspected_on: Mapped[date] = mapped_column(Date)
    team: Mapped[list[str]] = mapped_column(JSON, default=list)
    findings: Mapped[str | None] = mapped_column(Text)
    violations: Mapped[list[str]] = mapped_column(JSON, default=list)
    fine_amount_vnd: Mapped[int] = mapped_column(BigInteger, default=0)
    follow_up: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (CheckConstraint("fine_amount_vnd >= 0", name="fine_non_negative"),)
