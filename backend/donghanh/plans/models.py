from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import BigInteger, CheckConstraint, Date, ForeignKey, Index, Integer, Numeric, String, Text, Uuid
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


class PlanStatus(StrEnum):
    draft = "draft"
    approved = "approved"


class BudgetCategory(StrEnum):
    peer_groups = "peer_groups"
    communication_dialogue = "communication_dialogue"
    service_connection = "service_connection"
    inspection_capacity = "inspection_capacity"
    victim_support = "victim_support"
    training = "training"
    management = "management"
    other = "other"


class FundingSource(StrEnum):
    central = "central"
    provincial = "provincial"
    district = "district"
    commune = "commune"
    international = "international"
    socialised = "socialised"


class Plan(IdMixin, TimestampMixin, VersionedMixin, CreatedByMixin, OrgScoped, Base):
    __tablename__ = "plan"

    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(60))
    title: Mapped[str] = mapped_column(String(500))
    issued_on: Mapped[date | None] = mapped_column(Date)
    legal_basis: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default=PlanStatus.draft.value)
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    approved_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)

    __table_args__ = (Index("ix_plan_org_unit_year", "org_unit_id", "year"),)


class PlanTarget(IdMixin, Base):
    __tablename__ = "plan_target"

    plan_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    indicator: Mapped[str] = mapped_column(String(60))
    # Counts, VND amounts and rates (0.5 = 50%) alike; exact decimal, never a float.
    target_value: Mapped[Decimal] = mapped_column(Numeric(20, 4))
    note: Mapped[str | None] = mapped_column(Text)


class BudgetLine(IdMixin, TimestampMixin, VersionedMixin, CreatedByMixin, OrgScoped, Base):
    __tablename__ = "budget_line"

    plan_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("plan.id"), index=True)
    code: Mapped[str] = mapped_column(String(30))
    title: Mapped[str] = mapped_column(String(300))
    category: Mapped[str] = mapped_column(String(32))
    funding_source: Mapped[str] = mapped_column(String(20))
    allocated_vnd: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (
        CheckConstraint("allocated_vnd >= 0", name="allocated_non_negative"),
        Index("uq_budget_line_plan_code", "plan_id", "code", unique=True),
    )


class BudgetRevision(IdMixin, Base):
    """How an approved plan's line changed: who, when, old → new amount, why. Append-only."""

    __tablename__ = "budget_revision"

    budget_line_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("budget_line.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    actor_name: Mapped[str] = mapped_column(String(150))
    old_vnd: Mapped[int] = mapped_column(BigInteger)
    new_vnd: Mapped[int] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(Text)


class Expenditure(IdMixin, TimestampMixin, CreatedByMixin, OrgScoped, Base):
    __tablename__ = "expenditure"

    budget_line_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("budget_line.id"), index=True)
    spent_on: Mapped[date] = mapped_column(Date)
    amount_vnd: Mapped[int] = mapped_column(BigInteger)
    description: Mapped[str] = mapped_column(String(500))
    activity_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("activity.id"), index=True)
    voucher_no: Mapped[str | None] = mapped_column(String(60))
    # Set when the amount went past what the line had left: someone decided that, and why.
    override_reason: Mapped[str | None] = mapped_column(Text)
    external_id: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (
        CheckConstraint("amount_vnd > 0", name="amount_positive"),
        Index("uq_expenditure_external_id", "org_unit_id", "external_id", unique=True),
    )


register_constraint("uq_budget_line_plan_code", 409, "code", "This plan already has a budget line with this code.",
                    sqlite="budget_line.plan_id, budget_line.code")


register_constraint("uq_expenditure_external_id", 409, "external_id",
                    "Another expenditure in this unit already has this external_id.",
                    sqlite="expenditure.org_unit_id, expenditure.external_id")
