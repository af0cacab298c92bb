from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from donghanh.core.base import Base, CreatedByMixin, IdMixin, OrgScoped, TimestampMixin, VersionedMixin
from donghanh.core.crypto import BlindIndex, Encrypted
from donghanh.core.errors import register_constraint


class ClientGroup(StrEnum):
    establishment_worker = "establishment_worker"
    sex_worker = "sex_worker"
    trafficking_victim = "trafficking_victim"
    at_risk = "at_risk"


PROTECTED_FIELDS = ("full_name", "phone", "id_number", "notes")


class Client(IdMixin, TimestampMixin, VersionedMixin, CreatedByMixin, OrgScoped, Base):
    """A person served. `code` is pseudonymous (random, never derived from the name); identity fields are
    encrypted and read only by roles allowed to see identities, each read audited."""

    __tablename__ = "client"

    code: Mapped[str] = mapped_column(String(16), unique=True)
    sex: Mapped[str] = mapped_column(String(8))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    group: Mapped[str] = mapped_column(String(32))
    ethnicity: Mapped[str | None] = mapped_column(String(60))
    establishment_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("establishment.id"), index=True)
    full_name: Mapped[str | None] = mapped_column(Encrypted("client.full_name"))
    phone: Mapped[str | None] = mapped_column(Encrypted("client.phone"))
    id_number: Mapped[str | None] = mapped_column(Encrypted("client.id_number"))
    notes: Mapped[str | None] = mapped_column(Encrypted("client.notes"))
    # Keyed hashes of the folded name, so possible duplicates are found without decrypting anyone.
    name_index: Mapped[str | None] = mapped_column(BlindIndex, index=True)
    given_name_index: Mapped[str | None] = mapped_column(BlindIndex)
    consent_data_processing_on: Mapped[date | None] = mapped_column(Date)
    consent_share_with_providers: Mapped[bool] = mapped_column(Boolean, default=False)
    # The id of the row in the office's own register (imports upsert by it); unique within a unit.
    external_id: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (
        Index("ix_client_match", "org_unit_id", "birth_year", "sex"),
        Index("uq_client_external_id", "org_unit_id", "external_id", unique=True),
        Index("ix_client_keyset", "created_at", "id"),  # the list's keyset order
    )


register_constraint("uq_client_external_id", 409, "external_id",
                    "Another client in this unit already has this external_id.",
                    sqlite="client.org_unit_id, client.external_id")
