from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from donghanh.core import dates
from donghanh.core.dates import IsoDate
from donghanh.plans.models import BudgetCategory, FundingSource, PlanStatus

# Money is an integer number of VND everywhere: JSON integers only (a float or a string is refused).
MoneyVnd = Annotated[int, Field(ge=0, le=10**13, strict=True, description="Integer VND")]
PositiveVnd = Annotated[int, Field(gt=0, le=10**13, strict=True, description="Integer VND")]

INDICATORS = (
    "establishments_total", "establishments_with_commitment", "inspections", "inspections_with_violations",
    "people_reached", "people_with_needs", "people_referred", "referral_rate", "referrals_completed",
    "referral_completion_rate", "median_days_to_completion", "victims_identified", "victims_supported",
    "activities", "participants", "peer_groups_active", "peer_group_members", "budget_allocated_vnd",
    "budget_spent_vnd", "budget_execution_rate",
)


def _not_future(value: date | None) -> date | None:
    if value is not None and value > dates.today():
        raise ValueError("must not be in the future")
    return value


class TargetIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    indicator: str = Field(description="An indicator of PRODUCT.md §3, e.g. referral_rate",
                           json_schema_extra={"enum": list(INDICATORS)})
    target_value: Decimal = Field(ge=0, max_digits=20, decimal_places=4,
                                  description="A count, an amount in VND, or a rate (0.5 = 50%).")
    note: str | None = Field(None, max_length=500)

    @field_validator("indicator")
    @classmethod
    def _known(cls, value: str) -> str:
        if value not in INDICATORS:
            raise ValueError(f"unknown indicator; one of: {', '.join(INDICATORS)}")
        return value


class PlanCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    org_unit_id: uuid.UUID
    year: int = Field(ge=2010, le=2100, strict=True)
    number: str = Field(min_length=1, max_length=60, examples=["149/KH-UBND"])
    title: str = Field(min_length=3, max_length=500)
    issued_on: date | None = None
    legal_basis: str | None = Field(None, max_length=4000)
    targets: list[TargetIn] = Field(default_factory=list, max_length=40)

    _issued = field_validator("issued_on")(_not_future)


class PlanUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    number: str | None = Field(None, min_length=1, max_length=60)
    title: str | None = Field(None, min_length=3, max_length=500)
    issued_on: date | None = None
    legal_basis: str | None = Field(None, max_length=4000)
    targets: list[TargetIn] | None = Field(None, max_length=40)
    version: int | None = None


class TargetRead(BaseModel):
    indicator: str
    target_value: Decimal
    note: str | None
    actual_value: Decimal | int | str | None = Field(
        None, description="The indicator's value for the plan's unit and year ('<5' where hidden; null if none).")
    actual_status: Literal["computed", "not_yet_computed"] = "not_yet_computed"


class Execution(BaseModel):
    allocated_vnd: int
    spent_vnd: int
    remaining_vnd: int
    execution_rate: Decimal | None = Field(description="spent / allocated, 4 decimals; null when nothing allocated")


class BudgetLineRead(Execution):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    plan_id: uuid.UUID
    code: str
    title: str
    category: BudgetCategory
    funding_source: FundingSource
    version: int


class PlanRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    org_unit_id: uuid.UUID
    year: int
    number: str
    title: str
    issued_on: date | None
    legal_basis: str | None
    status: PlanStatus
    approved_at: datetime | None
    targets: list[TargetRead] = Field(default_factory=list)
    lines: list[BudgetLineRead] = Field(default_factory=list)
    totals: Execution | None = None
    version: int
    created_at: datetime
    updated_at: datetime


class PlanFilter(BaseModel):
    year: int | None = Field(None, ge=2010, le=2100)
    status: PlanStatus | None = None
    org_unit: uuid.UUID | None = None


class BudgetLineCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    plan_id: uuid.UUID
    code: str = Field(min_length=1, max_length=30)
    title: str = Field(min_length=2, max_length=300)
    category: BudgetCategory
    funding_source: FundingSource
    allocated_vnd: MoneyVnd
    revision_reason: str | None = Field(None, max_length=2000, description="Required once the plan is approved.")


class BudgetLineUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    code: str | None = Field(None, min_length=1, max_length=30)
    title: str | None = Field(None, min_length=2, max_length=300)
    category: BudgetCategory | None = None
    funding_source: FundingSource | None = None
    allocated_vnd: MoneyVnd | None = None
    revision_reason: str | None = Field(None, max_length=2000,
                                        description="Required to change the amount of an approved plan's line.")
    version: int | None = None


class RevisionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    at: datetime
    actor_name: str
    old_vnd: int
    new_vnd: int
    reason: str


class ExpenditureCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    budget_line_id: uuid.UUID
    spent_on: date
    amount_vnd: PositiveVnd
    description: str = Field(min_length=2, max_length=500)
    activity_id: uuid.UUID | None = None
    voucher_no: str | None = Field(None, max_length=60)
    override_reason: str | None = Field(
        None, max_length=2000, description="Needed when the amount exceeds what the line has left (audited).")
    external_id: str | None = Field(None, max_length=100, description="Id in your own register (imports).")

    _spent = field_validator("spent_on")(_not_future)


class ExpenditureRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    budget_line_id: uuid.UUID
    spent_on: date
    amount_vnd: int
    description: str
    activity_id: uuid.UUID | None
    voucher_no: str | None
    override_reason: str | None
    external_id: str | None = None
    created_at: datetime
    created_by: uuid.UUID | None


class ExpenditureFilter(BaseModel):
    plan: uuid.UUID | None = None
    budget_line: uuid.UUID | None = None
    since: IsoDate | None = None
    until: IsoDate | None = None


class ExecutionBreakdown(BaseModel):
    """Execution of the plans of an area and year, by funding source and by category (aggregates only)."""

    org_unit_id: uuid.UUID | None
    year: int
    total: Execution
    by_source: dict[str, Execution]
    by_category: dict[str, Execution]
