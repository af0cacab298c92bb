from __future__ import annotations

import uuid
from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from donghanh.org_units.models import Level


class OrgUnitRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    code: str
    name: str
    level: Level
    division_type: str | None
    parent_id: uuid.UUID | None
    parent_name: str | None = None
    valid_from: date | None
    valid_to: date | None
    successor_id: uuid.UUID | None
    path: str


class OrgUnitSummary(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    code: str
    name: str
    level: Level
    path: str


class OrgUnitFilter(BaseModel):
    parent: uuid.UUID | None = Field(None, description="Only the direct children of this unit.")
    level: Level | None = None
    current: bool | None = Field(None, description="true: units in force today; false: legacy units only.")
    q: str | None = Field(None, max_length=100, description="Name search ignoring diacritics and case.")
    code: str | None = Field(None, max_length=16)
    in_scope: bool | None = Field(None, description="true: only units inside your own scope (for pickers).")


class OrgUnitCreate(BaseModel):
    """A unit the packaged data does not hold yet (a new merger decision, a special zone)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    code: str = Field(min_length=1, max_length=16, pattern=r"^[0-9A-Za-z-]+$")
    name: str = Field(min_length=2, max_length=200)
    level: Level
    division_type: str | None = Field(None, max_length=40)
    parent_id: uuid.UUID | None = None
    valid_from: date | None = None


class OrgUnitUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str | None = Field(None, min_length=2, max_length=200)
    division_type: str | None = Field(None, max_length=40)
    valid_to: date | None = Field(None, description="The day the unit ceased to exist.")
    successor_id: uuid.UUID | None = Field(None, description="The unit that took it over.")
