from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Boolean, Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from donghanh.core.base import Base, IdMixin, TimestampMixin, UTCDateTime


class JobStatus(StrEnum):
    queued = "queued"
    running = "running"
    succeeded = "succeeded"  # committed (or a dry run that ran to the end)
    rejected = "rejected"  # rows had errors: nothing was written
    failed = "failed"  # the run broke off (a bug or the server stopped): nothing was written


class ImportJob(IdMixin, TimestampMixin, Base):
    """A large import run in the background. Not individual-level data: only its starter reads it."""

    __tablename__ = "import_job"

    resource: Mapped[str] = mapped_column(String(40))
    filename: Mapped[str | None] = mapped_column(String(255))
    dry_run: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16), default=JobStatus.queued.value)
    rows_total: Mapped[int] = mapped_column(Integer, default=0)
    rows_done: Mapped[int] = mapped_column(Integer, default=0)
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_by: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    actor_type: Mapped[str] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(2), default="vi")
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
