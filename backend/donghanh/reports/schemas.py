from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from donghanh.indicators.schemas import Cell, IndicatorValue
from donghanh.reports.models import ReportAction, ReportStatus


class ReportCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    org_unit_id: uuid.UUID
    period: str = Field(max_length=10, examples=["2026Q2"], description="2026-06, 2026Q2, 2026S1 or 2026")
    comment: str | None = Field(None, max_length=8000)


class ReportUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    comment: str | None = Field(None, max_length=8000)
    version: int | None = Field(None, description="The version you read; alternative to If-Match.")


class ReportTransition(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    action: ReportAction
    comment: str | None = Field(None, max_length=8000, description="Required when returning a report.")


class ReportFilter(BaseModel):
    org_unit: uuid.UUID | None = Field(None, description="Reports of this unit and the units below it.")
    period: str | None = Field(None, max_length=10)
    status: ReportStatus | None = None
    overdue: bool | None = Field(None, description="Only reports past their due date and not yet submitted.")


class ReportEventRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    at: datetime
    action: str
    from_status: str | None
    to_status: str
    comment: str | None
    actor_name: str


class ReportSummary(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    org_unit_id: uuid.UUID
    org_unit_name: str = ""
    period: str
    period_kind: str
    period_start: date
    period_end: date
    due_on: date
    overdue: bool = False
    status: ReportStatus
    comment: str | None
    submitted_at: datetime | None
    reviewed_at: datetime | None
    review_comment: str | None
    version: int
    created_at: datetime
    updated_at: datetime


class ReportRead(ReportSummary):
    values_frozen: bool = Field(description="True once submitted: the values below no longer follow the records.")
    frozen_at: datetime | None
    suppressed: bool = Field(description="True when small cells are hidden (roles without individual access).")
    values: list[IndicatorValue]
    history: list[ReportEventRead]
    can_submit: bool = False
    can_review: bool = False


class ExpectedReport(BaseModel):
    """A unit expected to report for the period, with its report if there is one."""

    org_unit_id: uuid.UUID
    org_unit_name: str
    org_unit_code: str
    due_on: date
    report_id: uuid.UUID | None
    status: ReportStatus | Literal["missing"]
    overdue: bool
    days_overdue: int


class Overdue(BaseModel):
    org_unit_id: uuid.UUID
    period: str
    as_of: date
    due_on: date
    expected: int = Field(description="Units expected to report.")
    submitted: int = Field(description="Of those, submitted or approved.")
    units: list[ExpectedReport]


class ConsolidatedValue(BaseModel):
    code: str
    label_vi: str
    label_en: str
    additive: bool = Field(description="False for distinct people and medians, which do not add up across units.")
    consolidated: Decimal | int | str | None = Field(description="The sum of the children's approved reports.")
    live: Decimal | int | str | None = Field(description="The figure computed now from the records.")
    difference: int | None = Field(description="live − consolidated, for additive indicators with all reports in.")
    by_unit: dict[str, Cell | Decimal | None] = Field(default_factory=dict,
                                                      description="Each child's approved figure, by unit id.")


class ConsolidationUnit(BaseModel):
    org_unit_id: uuid.UUID
    name: str
    code: str
    report_id: uuid.UUID | None
    status: ReportStatus | Literal["missing"]


class Consolidation(BaseModel):
    org_unit_id: uuid.UUID
    org_unit_name: str
    period: str
    suppressed: bool
    units: list[ConsolidationUnit]
    complete: bool = Field(description="Every child's report is approved.")
    reconciles: bool = Field(description="Complete, and every additive indicator equals the live figure.")
    own_records: dict[str, Decimal | int | str | None] = Field(
        description="Records attached to the unit itself (not to a child): part of the live figure, "
                    "in no child's report.")
    indicators: list[ConsolidatedValue]


class ReconciliationSide(BaseModel):
    units: list[ConsolidationUnit]
    values: dict[str, dict[str, Cell | Decimal | None]] = Field(description="indicator → unit id → value")
    unattributed: dict[str, int] = Field(
        description="Records under the unit that no unit of this side covers, counted so the sides add up.")
    totals: dict[str, int]


class Reconciliation(BaseModel):
    """A period before the 2025 reform counted along the legacy units and along the current ones."""

    org_unit_id: uuid.UUID
    period: str
    suppressed: bool
    total: dict[str, int] = Field(description="The unit's own figure for each additive indicator.")
    legacy: ReconciliationSide
    current: ReconciliationSide
    reconciles: bool
