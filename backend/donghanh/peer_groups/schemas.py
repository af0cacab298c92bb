from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from donghanh.peer_groups.models import MemberRole, PeerGroupKind


class PeerGroupCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=2, max_length=200)
    kind: PeerGroupKind
    org_unit_id: uuid.UUID
    established_on: date | None = None
    active: bool = True
    external_id: str | None = Field(None, max_length=100, description="Id in your own register (imports).")


class PeerGroupUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str | None = Field(None, min_length=2, max_length=200)
    kind: PeerGroupKind | None = None
    established_on: date | None = None
    active: bool | None = None
    version: int | None = None


class PeerGroupRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    kind: PeerGroupKind
    org_unit_id: uuid.UUID
    established_on: date | None
    active: bool
    members_active: int = 0
    external_id: str | None = None
    version: int
    created_at: datetime
    updated_at: datetime


class PeerGroupFilter(BaseModel):
    q: str | None = Field(None, max_length=100)
    kind: PeerGroupKind | None = None
    active: bool | None = None
    org_unit: uuid.UUID | None = None


class _MemberDates(BaseModel):
    @model_validator(mode="after")
    def _left_after_joined(self) -> Self:
        joined, left = getattr(self, "joined_on", None), getattr(self, "left_on", None)
        if joined and left and left < joined:
            raise ValueError("left_on must not be before joined_on")
        return self


class MemberCreate(_MemberDates):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    full_name: str = Field(min_length=2, max_length=150)
    phone: str | None = Field(None, max_length=40, pattern=r"^[0-9 +().-]{3,40}$")
    member_role: MemberRole = MemberRole.member
    joined_on: date | None = None
    left_on: date | None = None
    user_id: uuid.UUID | None = Field(None, description="Link the membership to a user account.")
    external_id: str | None = Field(None, max_length=100, description="Id in your own register (imports).")


class MemberUpdate(_MemberDates):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    full_name: str | None = Field(None, min_length=2, max_length=150)
    phone: str | None = Field(None, max_length=40, pattern=r"^[0-9 +().-]{3,40}$")
    member_role: MemberRole | None = None
    joined_on: date | None = None
    left_on: date | None = None
    user_id: uuid.UUID | None = None
    version: int | None = None


class MemberRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    peer_group_id: uuid.UUID
    full_name: str
    phone: str | None
    member_role: MemberRole
    joined_on: date | None
    left_on: date | None
    user_id: uuid.UUID | None
    external_id: str | None = None
    version: int
