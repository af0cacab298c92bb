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
