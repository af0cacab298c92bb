from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from donghanh.core.base import Base, CreatedByMixin, IdMixin, OrgScoped, TimestampMixin, VersionedMixin
from donghanh.core.errors import register_constraint


class ActivityKind(StrEnum):
    training = "training"
    communication_event = "communication_event"
    tripartite_dialogue = "tripartite_dialogue"
    group_meeting = "group_meeting"
    workshop = "workshop"
    review_conference = "review_conference"
    other = "other"


class Activity(IdMixin, TimestampMixin, VersionedMixin, CreatedByMixin, OrgScoped, Base):
    __tablename__ = "activity"

    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(300))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    organiser_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("organisation.id"), index=True)
    peer_group_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("peer_group.id"), index=True)
    # Linked once plans and budget lines exist; kept as a plain id until then.
    budget_line_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    participants_total: Mapped[int] = mapped_column(Integer, default=0)
    participants_female: Mapped[int] = mapped_column(Integer, default=0)
    materials: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    location: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    external_id: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (
        Index("uq_activity_external_id", "org_unit_id", "external_id", unique=True),
        CheckConstraint("participants_female >= 0 AND participants_female <= participants_total",
                        name="participants_consistent"),
        Index("ix_activity_org_unit_starts_on", "org_unit_id", "starts_on"),
    )


register_constraint("uq_activity_external_id", 409, "external_id",
                    "Another activity in this unit already has this external_id.",
                    sqlite="activity.org_unit_id, activity.external_id")
