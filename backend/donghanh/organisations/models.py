from __future__ import annotations

import uuid
from enum import StrEnum

from sqlalchemy import JSON, Boolean, ForeignKey, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from donghanh.core.base import Base, CreatedByMixin, IdMixin, TimestampMixin, VersionedMixin
from donghanh.core.vocabulary import ServiceType  # noqa: F401  (re-exported)


class OrganisationKind(StrEnum):
    social_affairs_office = "social_affairs_office"
    health_department = "health_department"
    police = "police"
    health_center = "health_center"
    women_union = "women_union"
    culture_office = "culture_office"
    legal_aid_center = "legal_aid_center"
    vocational_school = "vocational_school"
    social_policy_bank = "social_policy_bank"
    social_work_center = "social_work_center"
    ngo = "ngo"
    peer_group = "peer_group"
    other = "other"


class Organisation(IdMixin, TimestampMixin, VersionedMixin, CreatedByMixin, Base):
    """An agency. Organisations are reference data (who does what, where), not individual-level data."""

    __tablename__ = "organisation"

    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))
    org_unit_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("org_unit.id"), index=True)
    address: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    services: Mapped[list[str]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Service-directory details: what the plans ask offices to list for peer educators and clients.
    description: Mapped[str | None] = mapped_column(Text)
    opening_hours: Mapped[str | None] = mapped_column(String(300))
    eligibility: Mapped[str | None] = mapped_column(Text)
    website: Mapped[str | None] = mapped_column(String(300))
    name_search: Mapped[str] = mapped_column(String(200), index=True)
