"""The query parameters every aggregate route shares: where (a unit's subtree) and when (a period)."""
from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Query

UnitQuery = Annotated[uuid.UUID, Query(description="A unit of your area; its whole subtree is counted.")]
# The pattern only documents what `parse_period` accepts (years 2000-2100); the refusal and its message are its.
PERIOD_PATTERN = r"^\s*(20[0-9]{2}|2100)(-(0[1-9]|1[0-2])|Q[1-4]|S[12])?\s*$"
PeriodQuery = Annotated[str, Query(max_length=10, description="2026-06, 2026Q2, 2026S1 or 2026",
                                   json_schema_extra={"pattern": PERIOD_PATTERN})]
