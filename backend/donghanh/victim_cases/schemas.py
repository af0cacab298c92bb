from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from donghanh.core import dates
from donghanh.core.dates import IsoDate
from donghanh.core.vocabulary import AgeGroup, ServiceType, Sex
from donghanh.victim_cases.models import CaseStatus, Exploitation, Source

Country = Annotated[str, Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2, e.g. CN, KH, LA")]
MoneyVnd = Annotated[int, Field(ge=0, le=10**11, strict=True, description="Integer VND")]


def _not_future(value: date | None) -> date | None:
    if value is not None and value > dates.today():
        raise ValueError("must not be in the future")
    return value


class IntakeIn(BaseModel):
    """Hotline 111 or a border-guard hand-over: the minimum known, the person stays pseudonymous."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    reported_on: date
    source: Source = Source.hotline_111
    org_unit_id: uuid.UUID
    sex: Sex = Sex.unknown
    birth_year: int | None = Field(None, ge=1920, le=2030, strict=True)
    exploitation: Exploitation = Exploitation.unknown
    exploitation_country: Country | None = None
    citizenship: Country = "VN"
    intake_notes: str | None = Field(None, max_length=4000, description="Encrypted; what the caller said.")

    _date = field_validator("reported_on")(_not_future)


class VictimCaseCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    client_id: uuid.UUID
    reported_on: date
    source: Source
    identified_on: date | None = Field(None, description="Set to open the case as identified.")
    exploitation: Exploitation = Exploitation.unknown
    exploitation_country: Country | None = None
    citizenship: Country = "VN"
    intake_notes: str | None = Field(None, max_length=4000)

    _dates = field_validator("reported_on", "identified_on")(_not_future)


class VictimCaseUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    source: Source | None = None
    exploitation: Exploitation | None = None
    exploitation_country: Country | None = None
    citizenship: Country | None = None
    intake_notes: str | None = Field(None, max_length=4000)
    version: int | None = None


class VictimTransitionIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    to: CaseStatus
    on: date = Field(default_factory=date.today, description="The day it happened.")
    reason: str | None = Field(None, max_length=2000)

    _on = field_validator("on")(_not_future)

    @model_validator(mode="after")
    def _closing_needs_a_reason(self) -> Self:
        if self.to == CaseStatus.closed and not self.reason:
            raise ValueError("reason: say why the case is closed")
        return self


class SupportCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    support_type: ServiceType
    provided_on: date
    amount_vnd: MoneyVnd = 0
    provider_id: uuid.UUID | None = None
    note: str | None = Field(None, max_length=2000)

    _date = field_validator("provided_on")(_not_future)


class SupportRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    support_type: ServiceType
    provided_on: date
    amount_vnd: int
    provider_id: uuid.UUID | None
    note: str | None
    created_at: datetime


class CaseEventRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    at: datetime
    actor_name: str
    from_status: CaseStatus | None
    to_status: CaseStatus
    note: str | None


class VictimCaseRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    client_id: uuid.UUID
    client_code: str | None = None
    sex: Sex | None = None
    age_group: AgeGroup | None = None
    org_unit_id: uuid.UUID
    reported_on: date
    identified_on: date | None
    received_on: date | None
    reintegrated_on: date | None
    closed_on: date | None
    closed_reason: str | None
    source: Source
    exploitation: Exploitation
    exploitation_country: str | None
    citizenship: str
    status: CaseStatus
    intake_notes: str | None
    allowed_transitions: list[CaseStatus] = Field(default_factory=list)
    supports: list[SupportRead] = Field(default_factory=list)
    supports_total_vnd: int = 0
    history: list[CaseEventRead] = Field(default_factory=list)
    version: int
    created_at: datetime
    updated_at: datetime


class VictimCaseFilter(BaseModel):
    status: CaseStatus | None = None
    source: Source | None = None
    exploitation: Exploitation | None = None
    org_unit: uuid.UUID | None = None
    since: IsoDate | None = Field(None, description="Reported on or after.")
    until: IsoDate | None = Field(None, description="Reported on or before.")


Cell = int | str  # a count, or "<5" where a small cell is suppressed


class StatisticsRead(BaseModel):
    org_unit_id: uuid.UUID | None
    since: date
    until: date
    suppressed: bool = Field(description="Small cells are shown as '<k' for roles without individual access.")
    identified: Cell
    received: Cell
    supported: Cell
    identified_by: dict[str, dict[str, Cell]] = Field(
        description="Identified victims by sex, age_group, exploitation and source.")
    supports_by_type: dict[str, dict[str, Cell]] = Field(
        description="Per support type: `cases` (distinct victims) and `amount_vnd`.")
