from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Header, Query, Request, Response
from fastapi.responses import JSONResponse

from donghanh.core.concurrency import IdempotencyKey, etag_for, idempotent
from donghanh.core.errors import problems
from donghanh.core.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page
from donghanh.core.permissions import Permission, Require
from donghanh.core.principal import Principal
from donghanh.core.routing import DomainRouter
from donghanh.db import SessionDep
from donghanh.plans import export, service
from donghanh.plans.schemas import (
    BudgetLineCreate,
    BudgetLineRead,
    BudgetLineUpdate,
    ExecutionBreakdown,
    ExpenditureCreate,
    ExpenditureFilter,
    ExpenditureRead,
    PlanCreate,
    PlanFilter,
    PlanRead,
    PlanUpdate,
    RevisionRead,
)

plans_router = DomainRouter(prefix="/plans", tags=["plans"])
lines_router = DomainRouter(prefix="/budget-lines", tags=["plans"])
expenditures_router = DomainRouter(prefix="/expenditures", tags=["plans"])
execution_router = DomainRouter(prefix="/budget-execution", tags=["plans"])
Reader = Annotated[Principal, Depends(Require(Permission.plans_read))]
Writer = Annotated[Principal, Depends(Require(Permission.plans_write))]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Cursor = Annotated[str | None, Query(max_length=500)]
IfMatch = Annotated[str | None, Header(alias="If-Match")]


@plans_router.get("", response_model=Page[PlanRead], responses=problems())
async def list_plans(session: SessionDep, principal: Reader, flt: Annotated[PlanFilter, Query()],
                     limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None) -> Page[PlanRead]:
    return await service.list(session, principal, flt, cursor, limit)


@plans_router.post("", status_code=201, response_model=PlanRead, responses=problems())
async def create_plan(request: Request, session: SessionDep, principal: Writer, plan_in: PlanCreate,
                      idempotency_key: IdempotencyKey = None) -> JSONResponse:
    async def produce() -> tuple[int, PlanRead, dict[str, str]]:
        plan = await service.create(session, principal, plan_in=plan_in)
        return 201, await service.to_read(session, principal, plan), {"ETag": etag_for(plan.id, plan.version)}

    return await idempotent(session, principal, request, idempotency_key, plan_in, produce)


@plans_router.get("/{plan_id}", response_model=PlanRead, responses=problems())
async def get_plan(plan_id: uuid.UUID, session: SessionDep, principal: Reader, response: Response) -> PlanRead:
    """The plan with its targets, budget lines and their execution (allocated, spent, remaining, rate)."""
    plan = await service.get(session, principal, plan_id)
    response.headers["ETag"] = etag_for(plan.id, plan.version)
    return await service.to_read(session, principal, plan)


@plans_router.patch("/{plan_id}", response_model=PlanRead, responses=problems(409, 412, 428))
async def update_plan(plan_id: uuid.UUID, plan_in: PlanUpdate, session: SessionDep, principal: Writer,
                      response: Response, if_match: IfMatch = None) -> PlanRead:
    plan = await service.update(session, principal, plan_id, plan_in=plan_in, if_match=if_match)
    response.headers["ETag"] = etag_for(plan.id, plan.version)
    return await service.to_read(session, principal, plan)


@plans_router.post("/{plan_id}/approve", response_model=PlanRead, responses=problems(409))
async def approve_plan(
    plan_id: uuid.UUID, session: SessionDep,
    principal: Annotated[Principal, Depends(Require(Permission.plans_approve))],
) -> PlanRead:
    """After approval a line's amount changes only through a recorded revision."""
    plan = await service.approve(session, principal, plan_id)
    return await service.to_read(session, principal, plan)


@plans_router.get("/{plan_id}/export.xlsx", responses=problems())
async def export_plan(plan_id: uuid.UUID, session: SessionDep, principal: Reader) -> Response:
    plan = await service.to_read(session, principal, await service.get(session, principal, plan_id))
    spent = await service.list_expenditures(session, principal, ExpenditureFilter(plan=plan_id), None, MAX_LIMIT)
    filename = f"ke-hoach-{plan.year}-{plan_id.hex[:8]}.xlsx"
    return Response(export.workbook(plan, spent.items),
                    media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@lines_router.post("", status_code=201, response_model=BudgetLineRead, responses=problems(409))
async def create_budget_line(session: SessionDep, principal: Writer, line_in: BudgetLineCreate) -> BudgetLineRead:
    return await service.create_line(session, principal, line_in=line_in)


@lines_router.get("/{line_id}", response_model=BudgetLineRead, responses=problems())
async def get_budget_line(line_id: uuid.UUID, session: SessionDep, principal: Reader) -> BudgetLineRead:
    return await service.get_line(session, principal, line_id)


@lines_router.patch("/{line_id}", response_model=BudgetLineRead, responses=problems(409, 412, 428))
async def update_budget_line(line_id: uuid.UUID, line_in: BudgetLineUpdate, session: SessionDep, principal: Writer,
                             if_match: IfMatch = None) -> BudgetLineRead:
    return await service.update_line(session, principal, line_id, line_in=line_in, if_match=if_match)


@lines_router.get("/{line_id}/revisions", response_model=list[RevisionRead], responses=problems())
async def budget_line_revisions(line_id: uuid.UUID, session: SessionDep, principal: Reader) -> list[RevisionRead]:
    return await service.revisions(session, principal, line_id)


@expenditures_router.get("", response_model=Page[ExpenditureRead], responses=problems())
async def list_expenditures(session: SessionDep, principal: Reader, flt: Annotated[ExpenditureFilter, Query()],
                            limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None) -> Page[ExpenditureRead]:
    return await service.list_expenditures(session, principal, flt, cursor, limit)


@expenditures_router.post("", status_code=201, response_model=ExpenditureRead, responses=problems(409))
async def create_expenditure(
    request: Request, session: SessionDep, principal: Writer, expenditure_in: ExpenditureCreate,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    """Beyond what the line has left the answer is 409, unless `override_reason` says why (audited)."""

    async def produce() -> tuple[int, ExpenditureRead, dict[str, str]]:
        expenditure = await service.create_expenditure(session, principal, expenditure_in=expenditure_in)
        return 201, ExpenditureRead.model_validate(expenditure), {}

    return await idempotent(session, principal, request, idempotency_key, expenditure_in, produce)


@expenditures_router.get("/{expenditure_id}", response_model=ExpenditureRead, responses=problems())
async def get_expenditure(expenditure_id: uuid.UUID, session: SessionDep, principal: Reader) -> ExpenditureRead:
    return ExpenditureRead.model_validate(await service.get_expenditure(session, principal, expenditure_id))


@execution_router.get("", response_model=ExecutionBreakdown, responses=problems())
async def budget_execution(
    session: SessionDep,
    principal: Annotated[Principal, Depends(Require(Permission.budget_execution_read))],
    year: Annotated[int, Query(ge=2010, le=2100)],
    org_unit: Annotated[uuid.UUID | None, Query()] = None,
) -> ExecutionBreakdown:
    """Allocation, spending and execution rate of the area's plans for a year, by source and category."""
    return await service.breakdown(session, principal, year=year, org_unit=org_unit)
