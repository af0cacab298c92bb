from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from donghanh.organisations.models import OrganisationKind, ServiceType

Name = Field(min_length=2, max_length=200)


class OrganisationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Name
    kind: OrganisationKind
    org_unit_id: uuid.UUID
    address: str | None = Field(None, max_length=300)
    phone: str | None = Field(None, max_length=40, pattern=r"^[0-9 +().-]{3,40}$")
    email: EmailStr | None = None
    services: list[ServiceType] = Field(default_factory=list, max_length=20)
    description: str | None = Field(None, max_length=2000)
    opening_hours: str | None = Field(None, max_length=300, examples=["Thứ 2–Thứ 6, 7:30–17:00"])
    eligibility: str | None = Field(None, max_length=2000)
    website: str | None = Field(None, max_length=300, pattern=r"^https?://")
    active: bool = True


class OrganisationUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(None, min_length=2, max_length=200)
    kind: OrganisationKind | None = None
    org_unit_id: uuid.UUID | None = None
    address: str | None = Field(None, max_length=300)
    phone: str | None = Field(None, max_length=40, pattern=r"^[0-9 +().-]{3,40}$")
    email: EmailStr | None = None
    services: list[ServiceType] | None = Field(None, max_length=20)
    description: str | None = Field(None, max_length=2000)
    opening_hours: str | None = Field(None, max_length=300, examples=["Thứ 2–Thứ 6, 7:30–17:00"])
    eligibility: str | None = Field(None, max_length=2000)
    website: str | None = Field(None, max_length=300, pattern=r"^https?://")
    active: bool | None = None
    version: int | None = Field(None, description="The version you edited (alternative to If-Match).")


class OrganisationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    kind: OrganisationKind
    org_unit_id: uuid.UUID
    address: str | None
    phone: str | None
    email: str | None
    services: list[ServiceType]
    description: str | None
    opening_hours: str | None
    eligibility: str | None
    website: str | None
    active: bool
    version: int
    created_at: datetime
    updated_at: datetime


class OrganisationFilter(BaseModel):
    q: str | None = Field(None, max_length=100)
    kind: OrganisationKind | None = None
    service: ServiceType | None = None
    org_unit: uuid.UUID | None = Field(None, description="Organisations located in this unit's subtree.")
    active: bool | None = None
