from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum

from sqlalchemy import Date, ForeignKey, Index, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from donghanh.core.base import Base, TimestampMixin


class Level(StrEnum):
    province = "province"
    district = "district"
    commune = "commune"


class OrgUnit(TimestampMixin, Base):
    """An administrative unit, current (since the 2025 reform) or legacy (closed 2025-06-30).

    `path` is a materialised path of segments such as `/p01/w00004/` (current) or
    `/lp01/ld001/lw00001/` (legacy): "in subtree" is an indexed prefix match on both databases."""

    __tablename__ = "org_unit"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    code: Mapped[str] = mapped_column(String(16), index=True)
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(16))
    division_type: Mapped[str | None] = mapped_column(String(40))
    parent_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("org_unit.id"), index=True)
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    successor_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("org_unit.id"), index=True)
    path: Mapped[str] = mapped_column(String(255), unique=True)
    name_search: Mapped[str] = mapped_column(String(200))

    __table_args__ = (
        Index("ix_org_unit_level_valid_to", "level", "valid_to"),
        # LIKE 'prefix%' uses this index on PostgreSQL whatever the database collation.
        Index("ix_org_unit_path_pattern", "path", postgresql_ops={"path": "varchar_pattern_ops"}),
    )

    @property
    def is_current(self) -> bool:
        return self.valid_to is None or self.valid_to >= date.today()
