from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from donghanh.core import dates
from donghanh.establishments.models import EstablishmentStatus, EstablishmentType, RiskLevel, ViolationCode

Latitude = Annotated[float, Field(ge=6.0, le=24.0, description="WGS84; within Viet Nam")]
Longitude = Annotated[float, Field(ge=102.0, le=118.0, description="WGS84; within Viet Nam")]
WorkerCount = Annotated[int, Field(ge=0, le=10000, strict=True)]
MoneyVnd = Annotated[int, Field(ge=0, le=10**12, strict=True, description="Integer VND")]


def _not_in_future(value: date | None) -> date | None:
    if value is not None and value > dates.today():
        raise ValueError("must not be in the future")
    return value


class _EstablishmentFields(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    address: str | None = Field(None, max_length=300)
    latitude: Latitude | None = None
    longitude: Longitude | None = None
    owner_name: str | None = Field(None, max_length=150)
    business_registration_no: str | None = Field(None, max_length=50)
    license_no: str | None = Field(None, max_length=50)
    license_expires_on: date | None = None
    commitment_signed_on: date | None = Field(None, description="When the owner signed the workers'-rights commitment.")

    _commitment_not_future = field_validator("commitment_signed_on")(_not_in_future)

    @model_validator(mode="after")
    def _coordinates_together(self) -> Self:
        fields = self.model_fields_set
        if ("latitude" in fields) != ("longitude" in fields) or (self.latitude is None) != (self.longitude is None):
            raise ValueError("latitude and longitude go together: give both or neither")
        return self


class EstablishmentCreate(_EstablishmentFields):
    name: str = Field(min_length=2, max_length=200)
    type: EstablishmentType
    org_unit_id: uuid.UUID
    workers_female: WorkerCount = 0
    workers_male: WorkerCount = 0
    status: EstablishmentStatus = EstablishmentStatus.active
    risk_level: RiskLevel = RiskLevel.medium
    external_id: str | None = Field(None, max_length=100)


class EstablishmentUpdate(_EstablishmentFields):
    name: str | None = Field(None, min_length=2, max_length=200)
    type: EstablishmentType | None = None
    org_unit_id: uuid.UUID | None = None
    workers_female: WorkerCount | None = None
    workers_male: WorkerCount | None = None
    status: EstablishmentStatus | None = None
    risk_level: RiskLevel | None = None
    external_id: str | None = Field(None, max_length=100)
    version: int | None = Field(None, description="The version you edited (alternative to If-Match).")


class EstablishmentRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    type: EstablishmentType
    address: str | None
    org_unit_id: uuid.UUID
    org_unit_name: str | None = None
    latitude: float | None
    longitude: float | None
    owner_name: str | None
    business_registration_no: str | None
    license_no: str | None
    license_expires_on: date | None
    workers_female: int
    workers_male: int
    status: EstablishmentStatus
    commitment_signed_on: date | None
    risk_level: RiskLevel
    external_id: str | None
    version: int
    created_at: datetime
    updated_at: datetime
    created_by: uuid.UUID | None


class EstablishmentSort(StrEnum):
    name = "name"
    newest = "-created_at"
    recently_updated = "-updated_at"


class EstablishmentFilter(BaseModel):
    org_unit: uuid.UUID | None = Field(None, description="Only establishments in this unit's subtree.")
    type: EstablishmentType | None = None
    status: EstablishmentStatus | None = None
    risk_level: RiskLevel | None = None
    has_commitment: bool | None = None
    q: str | None = Field(None, max_length=100, description="Name, address or owner; ignores diacritics and case.")
    sort: EstablishmentSort = EstablishmentSort.name


class InspectionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    inspected_on: date
    team: list[uuid.UUID] = Field(default_factory=list, max_length=20, description="Organisations in the team.")
    findings: str | None = Field(None, max_length=5000)
    violations: list[ViolationCode] = Field(default_factory=list, max_length=20)
    fine_amount_vnd: MoneyVnd = 0
    follow_up: str | None = Field(None, max_length=2000)

    _not_future = field_validator("inspected_on")(_not_in_future)


class InspectionUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    inspected_on: date | None = None
    team: list[uuid.UUID] | None = Field(None, max_length=20)
    findings: str | None = Field(None, max_length=5000)
    violations: list[ViolationCode] | None = Field(None, max_length=20)
    fine_amount_vnd: MoneyVnd | None = None
    follow_up: str | None = Field(None, max_length=2000)
    version: int | None = None

    _not_future = field_validator("inspected_on")(_not_in_future)


class InspectionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    establishment_id: uuid.UUID
    org_unit_id: uuid.UUID
    inspected_on: date
    team: list[uuid.UUID]
    findings: str | None
    violations: list[ViolationCode]
    fine_amount_vnd: int
    follow_up: str | None
    version: int
    created_at: datetime
    updated_at: datetime
    created_by: uuid.UUID | None
