from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from fastapi import Depends, Header, Query, Request, Response
from fastapi.responses import JSONResponse

from donghanh.config import SettingsDep
from donghanh.core import audit
from donghanh.core.concurrency import IdempotencyKey, etag_for, idempotent
from donghanh.core.errors import problems
from donghanh.core.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page
from donghanh.core.permissions import Permission, Require
from donghanh.core.principal import Principal
from donghanh.core.routing import DomainRouter
from donghanh.db import SessionDep
from donghanh.indicators.params import PeriodQuery, UnitQuery
from donghanh.reports import export, service
from donghanh.reports.schemas import (
    Consolidation,
    Overdue,
    Reconciliation,
    ReportCreate,
    ReportFilter,
    ReportRead,
    ReportSummary,
    ReportTransition,
    ReportUpdate,
)

router = DomainRouter(prefix="/reports", tags=["reports"])
Reader = Annotated[Principal, Depends(Require(Permission.reports_read))]
Writer = Annotated[Principal, Depends(Require(Permission.reports_write))]
Reporter = Annotated[Principal, Depends(Require(Permission.reports_write, Permission.reports_approve, any_of=True))]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Cursor = Annotated[str | None, Query(max_length=500)]
IfMatch = Annotated[str | None, Header(alias="If-Match")]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx(content: bytes, filename: str) -> Response:
    return Response(content, media_type=XLSX, headers={"Content-Disposition": f'attachment; filename="{filename}"',
                                                       "Cache-Control": "no-store"})


@router.get("", response_model=Page[ReportSummary], responses=problems())
async def list_reports(session: SessionDep, principal: Reader, flt: Annotated[ReportFilter, Query()],
                       limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None) -> Page[ReportSummary]:
    """Reports of your area, latest due first; `overdue=true` lists those past due and not yet submitted."""
    return await service.list(session, principal, flt, cursor, limit)


@router.post("", status_code=201, response_model=ReportRead, responses=problems(409))
async def create_report(request: Request, session: SessionDep, settings: SettingsDep, principal: Writer,
                        report_in: ReportCreate,
                        idempotency_key: IdempotencyKey = None) -> JSONResponse:
    """Open a unit's report for a period: a draft whose figures follow the records until it is submitted."""
    async def produce() -> tuple[int, ReportRead, dict[str, str]]:
        report = await service.create(session, principal, report_in=report_in, settings=settings)
        read = await service.to_read(session, principal, report, settings.small_cell_threshold)
        return 201, read, {"ETag": etag_for(report.id, report.version)}

    return await idempotent(session, principal, request, idempotency_key, report_in, produce)


@router.get("/overdue", response_model=Overdue, responses=problems())
async def overdue_reports(session: SessionDep, settings: SettingsDep, principal: Reader, org_unit: UnitQuery,
                          period: PeriodQuery,
                          as_of: Annotated[date | None, Query(description="Default: today in Vietnam")] = None,
                          ) -> Overdue:
    """Every unit that reports to `org_unit` for the period, late ones first."""
    return await service.overdue(session, principal, org_unit=org_unit, period=period, as_of=as_of,
                                 settings=settings)


@router.get("/consolidation", response_model=Consolidation, responses=problems())
async def consolidated_report(session: SessionDep, settings: SettingsDep, principal: Reader, org_unit: UnitQuery,
                              period: PeriodQuery) -> Consolidation:
    """The children's approved reports added up, checked against the unit's live figures."""
    return await service.consolidation(session, principal, org_unit=org_unit, period=period,
                                       k=settings.small_cell_threshold)


@router.get("/consolidation.xlsx", response_class=Response, responses=problems())
async def consolidated_report_xlsx(session: SessionDep, settings: SettingsDep, principal: Reader,
                                   org_unit: UnitQuery, period: PeriodQuery) -> Response:
    consolidated = await service.consolidation(session, principal, org_unit=org_unit, period=period,
                                               k=settings.small_cell_threshold)
    await audit.record(session, principal, "export", "report", None, org_unit_id=org_unit)
    return _xlsx(export.consolidation_workbook(consolidated), f"bao-cao-tong-hop-{consolidated.period}.xlsx")


@router.get("/reconciliation", response_model=Reconciliation, responses=problems())
async def reconcile_reform(session: SessionDep, principal: Reporter, org_unit: UnitQuery,
                           period: PeriodQuery) -> Reconciliation:
    """A period before 2025-07-01 counted along the legacy units and along the current ones."""
    return await service.reconciliation(session, principal, org_unit=org_unit, period=period)


@router.get("/{report_id:uuid}", response_model=ReportRead, responses=problems())
async def get_report(report_id: uuid.UUID, session: SessionDep, settings: SettingsDep, principal: Reader,
                     response: Response) -> ReportRead:
    report = await service.get(session, principal, report_id)
    response.headers["ETag"] = etag_for(report.id, report.version)
    return await service.to_read(session, principal, report, settings.small_cell_threshold)


@router.patch("/{report_id:uuid}", response_model=ReportRead, responses=problems(409, 412, 428))
async def update_report(report_id: uuid.UUID, report_in: ReportUpdate, session: SessionDep, settings: SettingsDep,
                        principal: Writer, response: Response, if_match: IfMatch = None) -> ReportRead:
    """Edit the comments of a draft or returned report."""
    report = await service.update(session, principal, report_id, report_in=report_in, if_match=if_match)
    response.headers["ETag"] = etag_for(report.id, report.version)
    return await service.to_read(session, principal, report, settings.small_cell_threshold)


@router.post("/{report_id:uuid}/transitions", response_model=ReportRead, responses=problems(403, 409, 412))
async def transition_report(report_id: uuid.UUID, transition_in: ReportTransition, session: SessionDep,
                            settings: SettingsDep, principal: Reporter, response: Response,
                            if_match: IfMatch = None) -> ReportRead:
    """`submit` freezes the figures; the level above then `approve`s or `return`s it with a comment."""
    report = await service.transition(session, principal, report_id, transition_in=transition_in,
                                      if_match=if_match)
    response.headers["ETag"] = etag_for(report.id, report.version)
    return await service.to_read(session, principal, report, settings.small_cell_threshold)


@router.get("/{report_id:uuid}/export.xlsx", response_class=Response, responses=problems())
async def export_report(report_id: uuid.UUID, session: SessionDep, settings: SettingsDep,
                        principal: Reader) -> Response:
    report = await service.get(session, principal, report_id)
    read = await service.to_read(session, principal, report, settings.small_cell_threshold)
    await audit.record(session, principal, "export", "report", report.id, org_unit_id=report.org_unit_id)
    return _xlsx(export.report_workbook(read), f"bao-cao-{read.period}-{report_id.hex[:8]}.xlsx")
