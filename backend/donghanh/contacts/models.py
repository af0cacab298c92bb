from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from donghanh.core.base import Base, IdMixin, OrgScoped, TimestampMixin, VersionedMixin
from donghanh.core.crypto import Encrypted
from donghanh.core.errors import register_constraint


class Place(StrEnum):
    establishment = "establishment"
    hotspot = "hotspot"
    community = "community"
    online = "online"
    office = "office"


class Topic(StrEnum):
    labour_rights = "labour_rights"
    social_insurance = "social_insurance"
    health_hiv_sti = "health_hiv_sti"
    gbv = "gbv"
    trafficking_risk = "trafficking_risk"
    legal = "legal"
    other = "other"


class Material(StrEnum):
    leaflets = "leaflets"
    condoms = "condoms"
    lubricants = "lubricants"
    booklets = "booklets"
    cards = "cards"
    other = "other"


class OutreachContact(IdMixin, TimestampMixin, VersionedMixin, OrgScoped, Base):
    """One meeting in the field. `client_id` is empty for an anonymous contact, which still counts."""

    __tablename__ = "outreach_contact"

    contacted_on: Mapped[date] = mapped_column(Date)
    peer_group_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("peer_group.id"), index=True)
    recorded_by: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("user_account.id"), index=True)
    client_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("client.id"), index=True)
    establishment_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("establishment.id"), index=True)
    place: Mapped[str] = mapped_column(String(16))
    first_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    materials: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    needs: Mapped[list[str]] = mapped_column(JSON, default=list)
    notes: Mapped[str | None] = mapped_column(Encrypted("outreach_contact.notes"))
    external_id: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (
        # A unit's contacts by date, and in the list's keyset order: a scoped page is chosen from this index
        # alone (SQLite sorts the matching index entries, not the rows; see pagination.page_then_columns).
        Index("ix_outreach_contact_org_unit_keyset", "org_unit_id", "contacted_on", "created_at", "id"),
        Index("uq_outreach_contact_external_id", "org_unit_id", "external_id", unique=True),
        # An import's upsert looks contacts up by external_id in every unit the caller sees, not one unit.
        Index("ix_outreach_contact_external_id", "external_id"),
        # The list's keyset order (contacted_on, created_at, id), newest first: a page is an index range scan
        # filtered by the scope's unit semi-join instead of a sort of the whole subtree's contacts.
        Index("ix_outreach_contact_keyset", "contacted_on", "created_at", "id"),
    )

    @property
    def created_by(self) -> uuid.UUID:
        return self.recorded_by


register_constraint("uq_outreach_contact_external_id", 409, "external_id",
                    "Another contact in this unit already has this external_id.",
                    sqlite="outreach_contact.org_unit_id, outreach_contact.external_id")
