from __future__ import annotations

import uuid
from decimal import Decimal

from pydantic import BaseModel, Field

from donghanh.indicators.schemas import Cell, IndicatorValue

Figure = Cell | Decimal | None


class CascadeStep(BaseModel):
    code: str
    label_vi: str
    label_en: str
    value: Figure


class Cascade(BaseModel):
    steps: list[CascadeStep] = Field(description="Reached → with needs → referred → completed.")
    referral_rate: Decimal | None
    referral_rate_target: Decimal
    target_source: str = Field(description="`plan` when the unit's plan for the year sets it, else `default` (50%).")


class TrendPoint(BaseModel):
    month: str
    values: dict[str, Figure]


class UnitRow(BaseModel):
    org_unit_id: uuid.UUID
    name: str
    code: str
    values: dict[str, Figure]


class Dashboard(BaseModel):
    org_unit_id: uuid.UUID
    org_unit_name: str
    period: str
    suppressed: bool
    cards: list[IndicatorValue]
    cascade: Cascade
    trend_indicators: list[str]
    trend: list[TrendPoint] = Field(description="The twelve months ending with the period, oldest first.")
    unit_indicators: list[str]
    by_unit: list[UnitRow] = Field(description="The units reporting to this one (communes of a province, …).")
