from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from donghanh.activities.models import ActivityKind
from donghanh.contacts.models import Material
from donghanh.core.dates import IsoDate

Count = Annotated[int, Field(ge=0, le=1_000_000, strict=True)]


class _ActivityChecks(BaseModel):
    @model_validator(mode="after")
    def _consistent(self) -> Self:
        starts, ends = getattr(self, "starts_on", None), getattr(self, "ends_on", None)
        if starts and ends and ends < starts:
            raise ValueError("ends_on must not be before starts_on")
        total, female = getattr(self, "participants_total", None), getattr(self, "participants_female", None)
        if total is not None and female is not None and female > total:
            raise ValueError("participants_female cannot exceed participants_total")
        return self


class ActivityCreate(_ActivityChecks):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    kind: ActivityKind
    title: str = Field(min_length=2, max_length=300)
    starts_on: date
    ends_on: date | None = None
    org_unit_id: uuid.UUID
    organiser_id: uuid.UUID | None = None
    peer_group_id: uuid.UUID | None = None
    participants_total: Count = 0
    participants_female: Count = 0
    materials: dict[Material, Count] = Field(default_factory=dict)
    location: str | None = Field(None, max_length=300)
    description: str | None = Field(None, max_length=4000)
    external_id: str | None = Field(None, max_length=100, description="Id in your own register (imports).")


class ActivityUpdate(_ActivityChecks):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    kind: ActivityKind | None = None
    title: str | None = Field(None, min_length=2, max_length=300)
    starts_on: date | None = None
    ends_on: date | None = None
    organiser_id: uuid.UUID | None = None
    peer_group_id: uuid.UUID | None = None
    participants_total: Count | None = None
    participants_female: Count | None = None
    materials: dict[Material, Count] | None = None
    location: str | None = Field(None, max_length=300)
    description: str | None = Field(None, max_length=4000)
    version: int | None = None


class ActivityRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    kind: ActivityKind
    title: str
    starts_on: date
    ends_on: date | None
    org_unit_id: uuid.UUID
    organiser_id: uuid.UUID | None
    peer_group_id: uuid.UUID | None
    budget_line_id: uuid.UUID | None
    participants_total: int
    participants_female: int
    materials: dict[Material, int]
    location: str | None
    description: str | None
    external_id: str | None = None
    version: int
    created_at: datetime
    updated_at: datetime
    created_by: uuid.UUID | None


class ActivityFilter(BaseModel):
    kind: ActivityKind | None = None
    org_unit: uuid.UUID | None = None
    peer_group: uuid.UUID | None = None
    since: IsoDate | None = None
    until: IsoDate | None = None
