from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from pydantic import BaseModel, Field

Cell = int | str  # a count, or "<5" / "suppressed" for aggregate-only readers


class IndicatorDefinition(BaseModel):
    code: str
    label_vi: str
    label_en: str
    definition: str
    dimensions: list[str] = Field(description="What `by` may break it down by.")


class IndicatorValue(BaseModel):
    code: str
    label_vi: str
    label_en: str
    value: Decimal | int | str | None = Field(
        description="Counts and VND are integers; rates are decimals (0.5 = 50%); '<5' where hidden.")
    breakdown: dict[str, dict[str, Cell]] = Field(default_factory=dict)


class IndicatorReport(BaseModel):
    org_unit_id: uuid.UUID
    period: str
    since: date
    until: date
    suppressed: bool = Field(description="True when small cells are hidden (roles without individual access).")
    indicators: list[IndicatorValue]
