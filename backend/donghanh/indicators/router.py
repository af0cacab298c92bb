from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query

from donghanh.config import SettingsDep
from donghanh.core.errors import problems
from donghanh.core.permissions import Permission, Require
from donghanh.core.principal import Principal
from donghanh.core.routing import DomainRouter
from donghanh.db import SessionDep
from donghanh.indicators import service
from donghanh.indicators.params import PeriodQuery, UnitQuery
from donghanh.indicators.schemas import IndicatorDefinition, IndicatorReport

router = DomainRouter(prefix="/indicators", tags=["indicators"])
Reader = Annotated[Principal, Depends(Require(Permission.indicators_read))]


@router.get("", response_model=IndicatorReport, responses=problems())
async def indicators(
    session: SessionDep,
    settings: SettingsDep,
    principal: Reader,
    org_unit: UnitQuery,
    period: PeriodQuery,
    by: Annotated[str | None, Query(max_length=200, description="e.g. sex,age_group,group")] = None,
    indicators: Annotated[str | None, Query(max_length=1000, description="Codes, comma-separated; all if empty")]
    = None,
) -> IndicatorReport:
    """The indicators of PRODUCT.md §3 for a subtree and a period, with the requested breakdowns."""
    return await service.report(session, principal, org_unit=org_unit, period=period, by=by, codes=indicators,
                                k=settings.small_cell_threshold)


@router.get("/definitions", response_model=list[IndicatorDefinition], responses=problems())
async def indicator_definitions(_: Reader) -> list[IndicatorDefinition]:
    return service.definitions()
