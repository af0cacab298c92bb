from __future__ import annotations

import csv
import io
import uuid
from datetime import date
from typing import Annotated, Literal

from fastapi import Depends, Header, Query, Request, Response
from fastapi.responses import JSONResponse

from donghanh.config import SettingsDep
from donghanh.core.concurrency import IdempotencyKey, etag_for, idempotent
from donghanh.core.errors import problems
from donghanh.core.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page
from donghanh.core.permissions import Permission, Require
from donghanh.core.principal import Principal
from donghanh.core.routing import DomainRouter
from donghanh.db import SessionDep
from donghanh.victim_cases import ctdc, service
from donghanh.victim_cases.schemas import (
    IntakeIn,
    StatisticsRead,
    SupportCreate,
    SupportRead,
    VictimCaseCreate,
    VictimCaseFilter,
    VictimCaseRead,
    VictimCaseUpdate,
    VictimTransitionIn,
)

router = DomainRouter(prefix="/victim-cases", tags=["victim-cases"])
Reader = Annotated[Principal, Depends(Require(Permission.victim_cases_read, hide=True))]
Writer = Annotated[Principal, Depends(Require(Permission.victim_cases_write, hide=True))]


@router.get("/statistics", response_model=StatisticsRead, responses=problems())
async def victim_statistics(
    session: SessionDep,
    settings: SettingsDep,
    principal: Annotated[Principal, Depends(Require(Permission.victim_statistics_read))],
    since: Annotated[date, Query(description="First day of the period.")],
    until: Annotated[date, Query(description="Last day of the period.")],
    org_unit: Annotated[uuid.UUID | None, Query(description="A unit of your area (its subtree).")] = None,
) -> StatisticsRead:
    """Victims identified, received and supported in a period, by sex, age group, exploitation and source,
    and supports with amounts. Aggregate-only roles see counts of 1–4 as "<5"."""
    return await service.statistics(session, principal, org_unit=org_unit, since=since, until=until,
                                    k=settings.small_cell_threshold)


@router.get("/export/ctdc", responses=problems() | {200: {
    "description": "The release: a CSV file, or with `format=json` the records and how they were generalised",
    "content": {"text/csv": {"schema": {"type": "string"}}, "application/json": {"schema": {
        "type": "object", "required": ["k", "suppressed", "generalisations", "records"],
        "properties": {"k": {"type": "integer"}, "suppressed": {"type": "integer"},
                       "generalisations": {"type": "array", "items": {"type": "string"}},
                       "records": {"type": "array", "items": {"type": "object"}}},
    }}}}})
async def export_ctdc(
    session: SessionDep,
    principal: Annotated[Principal, Depends(Require(Permission.victim_cases_export))],
    k: Annotated[int, Query(ge=2, le=50, description="Each released combination occurs at least k times.")] = 5,
    format: Annotated[Literal["csv", "json"], Query()] = "csv",  # noqa: A002
) -> Response:
    """Anonymised case data in the CTDC global data standard, k-anonymous over its quasi-identifiers."""
    release = await service.export_ctdc(session, principal, k=k)
    if format == "json":
        return JSONResponse({"k": release.k, "suppressed": release.suppressed,
                             "generalisations": release.generalisations, "records": release.records})
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(ctdc.COLUMNS))
    writer.writeheader()
    writer.writerows(release.records)
    return Response(buffer.getvalue(), media_type="text/csv; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="donghanh-ctdc-k{k}.csv"',
        "X-Suppressed-Records": str(release.suppressed)})


@router.post("/intake", status_code=201, response_model=VictimCaseRead, responses=problems())
async def intake(
    request: Request, session: SessionDep, principal: Writer, intake_in: IntakeIn,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    """Quick intake (hotline 111, hand-over): opens a case under identification with what is known."""

    async def produce() -> tuple[int, VictimCaseRead, dict[str, str]]:
        case = await service.intake(session, principal, intake_in=intake_in)
        return 201, await service.to_read(session, principal, case), {"ETag": etag_for(case.id, case.version)}

    return await idempotent(session, principal, request, idempotency_key, intake_in, produce)


@router.get("", response_model=Page[VictimCaseRead], responses=problems())
async def list_victim_cases(
    session: SessionDep, principal: Reader, flt: Annotated[VictimCaseFilter, Query()],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> Page[VictimCaseRead]:
    return await service.list(session, principal, flt, cursor, limit)


@router.post("", status_code=201, response_model=VictimCaseRead, responses=problems())
async def create_victim_case(
    request: Request, session: SessionDep, principal: Writer, case_in: VictimCaseCreate,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    async def produce() -> tuple[int, VictimCaseRead, dict[str, str]]:
        case = await service.create(session, principal, case_in=case_in)
        return 201, await service.to_read(session, principal, case), {"ETag": etag_for(case.id, case.version)}

    return await idempotent(session, principal, request, idempotency_key, case_in, produce)


@router.get("/{case_id:uuid}", response_model=VictimCaseRead, responses=problems())
async def get_victim_case(case_id: uuid.UUID, session: SessionDep, principal: Reader,
                          response: Response) -> VictimCaseRead:
    case = await service.get(session, principal, case_id)
    response.headers["ETag"] = etag_for(case.id, case.version)
    return await service.to_read(session, principal, case)


@router.patch("/{case_id:uuid}", response_model=VictimCaseRead, responses=problems(412, 428))
async def update_victim_case(
    case_id: uuid.UUID, case_in: VictimCaseUpdate, session: SessionDep, principal: Writer, response: Response,
    if_match: Annotated[str | None, Header(alias="If-Match")] = None,
) -> VictimCaseRead:
    case = await service.update(session, principal, case_id, case_in=case_in, if_match=if_match)
    response.headers["ETag"] = etag_for(case.id, case.version)
    return await service.to_read(session, principal, case)


@router.post("/{case_id:uuid}/transitions", response_model=VictimCaseRead, responses=problems(409))
async def transition_victim_case(
    case_id: uuid.UUID, transition_in: VictimTransitionIn, session: SessionDep, principal: Writer
) -> VictimCaseRead:
    case = await service.transition(session, principal, case_id, transition_in=transition_in)
    return await service.to_read(session, principal, case)


@router.post("/{case_id:uuid}/supports", status_code=201, response_model=SupportRead, responses=problems(409))
async def add_support(
    case_id: uuid.UUID, request: Request, session: SessionDep, principal: Writer, support_in: SupportCreate,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    async def produce() -> tuple[int, SupportRead, dict[str, str]]:
        support = await service.add_support(session, principal, case_id, support_in=support_in)
        return 201, SupportRead.model_validate(support), {}

    return await idempotent(session, principal, request, idempotency_key, support_in, produce)
