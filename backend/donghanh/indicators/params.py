"""The query parameters every aggregate route shares: where (a unit's subtree) and when (a period)."""
from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Query

UnitQuery = Annotated[uuid.UUID, Query(description="A unit of your area; its whole subtree is counted.")]
PeriodQuery = Annotated[str, Query(max_length=10, description="2026-06, 2026Q2, 2026S1 or 2026")]
