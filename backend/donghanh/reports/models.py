"""Periodic reports sent up the hierarchy: prepared from the records, frozen at submission, approved or
returned by the level above (PRODUCT.md §2 Report)."""
from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, String, Text, UniqueConstraint, Uuid
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


class ReportStatus(StrEnum):
    draft = "draft"
    submitted = "submitted"
    approved = "approved"
    returned = "returned"


class ReportAction(StrEnum):
    submit = "submit"
    approve = "approve"
    return_ = "return"


class Report(IdMixin, TimestampMixin, VersionedMixin, CreatedByMixin, OrgScoped, Base):
    __tablename__ = "report"

    period: Mapped[str] = mapped_column(String(10))
    period_kind: Mapped[str] = mapped_column(String(16))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default=ReportStatus.draft.value)
    comment: Mapped[str | None] = mapped_column(Text)
    # Every indicator with every breakdown, exact, as computed at submission: {code: {value, breakdown}}.
    frozen_values: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    frozen_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    submitted_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reviewed_by: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    review_comment: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        UniqueConstraint("org_unit_id", "period", name="uq_report_org_unit_period"),
        Index("ix_report_status_due_on", "status", "due_on"),
    )


class ReportEvent(IdMixin, Base):
    """The report's history: who submitted, approved or returned it, when, and what they wrote."""

    __tablename__ = "report_event"

    report_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("report.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    action: Mapped[str] = mapped_column(String(16))
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    comment: Mapped[str | None] = mapped_column(Text)
    actor_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    actor_name: Mapped[str] = mapped_column(String(200))


register_constraint("uq_report_org_unit_period", 409, "period", "This unit already has a report for this period.",
                    sqlite="report.org_unit_id, report.period")
