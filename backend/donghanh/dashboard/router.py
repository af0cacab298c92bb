from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from donghanh.config import SettingsDep
from donghanh.core.errors import problems
from donghanh.core.permissions import Permission, Require
from donghanh.core.principal import Principal
from donghanh.core.routing import DomainRouter
from donghanh.dashboard import service
from donghanh.dashboard.schemas import Dashboard
from donghanh.db import SessionDep
from donghanh.indicators.params import PeriodQuery, UnitQuery

router = DomainRouter(prefix="/dashboard", tags=["indicators"])
Reader = Annotated[Principal, Depends(Require(Permission.indicators_read))]


@router.get("", response_model=Dashboard, responses=problems())
async def dashboard(
    session: SessionDep,
    settings: SettingsDep,
    principal: Reader,
    org_unit: UnitQuery,
    period: PeriodQuery,
) -> Dashboard:
    """Indicator cards, the referral cascade against the target, a monthly trend and the units below."""
    return await service.dashboard(session, principal, org_unit=org_unit, period=period,
                                   k=settings.small_cell_threshold)
