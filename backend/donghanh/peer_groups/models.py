from __future__ import annotations

import uuid
from datetime import date
from enum import StrEnum

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from donghanh.core.base import Base, CreatedByMixin, IdMixin, OrgScoped, TimestampMixin, VersionedMixin
from donghanh.core.crypto import Encrypted
from donghanh.core.errors import register_constraint


class PeerGroupKind(StrEnum):
    worker_group = "worker_group"
    peer_group = "peer_group"
    self_help_group = "self_help_group"
    club = "club"


class MemberRole(StrEnum):
    leader = "leader"
    deputy = "deputy"
    core_member = "core_member"
    peer_educator = "peer_educator"
    collaborator = "collaborator"
    member = "member"


class PeerGroup(IdMixin, TimestampMixin, VersionedMixin, CreatedByMixin, OrgScoped, Base):
    __tablename__ = "peer_group"

    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(32))
    established_on: Mapped[date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    name_search: Mapped[str] = mapped_column(String(200))
    external_id: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (Index("uq_peer_group_external_id", "org_unit_id", "external_id", unique=True),)


class PeerGroupMember(IdMixin, TimestampMixin, VersionedMixin, CreatedByMixin, OrgScoped, Base):
    """Members are often workers or sex workers themselves: their names and phones are encrypted."""

    __tablename__ = "peer_group_member"

    peer_group_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("peer_group.id"), index=True)
    full_name: Mapped[str] = mapped_column(Encrypted("peer_group_member.full_name"))
    phone: Mapped[str | None] = mapped_column(Encrypted("peer_group_member.phone"))
    member_role: Mapped[str] = mapped_column(String(32))
    joined_on: Mapped[date | None] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date)
    user_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("user_account.id"), index=True)
    external_id: Mapped[str | None] = mapped_column(String(100))

    __table_args__ = (
        Index("ix_peer_group_member_group_role", "peer_group_id", "member_role"),
        Index("uq_peer_group_member_external_id", "peer_group_id", "external_id", unique=True),
    )


register_constraint("uq_peer_group_external_id", 409, "external_id",
                    "Another peer group in this unit already has this external_id.",
                    sqlite="peer_group.org_unit_id, peer_group.external_id")
register_constraint("uq_peer_group_member_external_id", 409, "external_id",
                    "Another member of this group already has this external_id.",
                    sqlite="peer_group_member.peer_group_id, peer_group_member.external_id")
