from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from donghanh.core.base import Base, CreatedByMixin, IdMixin, TimestampMixin, UTCDateTime, VersionedMixin, utcnow


class ApiClient(IdMixin, TimestampMixin, VersionedMixin, CreatedByMixin, Base):
    """A partner system acting for one organisation, with a fixed set of scopes."""

    __tablename__ = "api_client"

    name: Mapped[str] = mapped_column(String(200))
    client_id: Mapped[str] = mapped_column(String(64), unique=True)
    organisation_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("organisation.id"), index=True)
    scopes: Mapped[list[str]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ApiClientSecret(IdMixin, Base):
    """Secrets are shown once and stored as SHA-256 (they are 256-bit random, so no slow hash is needed).
    Several may be valid at once while a partner rolls over to a new one."""

    __tablename__ = "api_client_secret"

    api_client_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("api_client.id"), index=True)
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hint: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
