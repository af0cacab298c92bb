"""Victims of trafficking: intake, identification, reception, supports, statistics and anonymised release."""
from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.clients import service as clients
from donghanh.clients.models import ClientGroup
from donghanh.clients.schemas import ClientCreate
from donghanh.core import audit
from donghanh.core.concurrency import check_precondition
from donghanh.core.errors import Conflict, Unprocessable
from donghanh.core.pagination import Page
from donghanh.core.permissions import Permission
from donghanh.core.principal import Principal
from donghanh.core.suppression import hide, suppress_breakdown
from donghanh.core.vocabulary import Sex, age_group
from donghanh.org_units import service as org_units
from donghanh.organisations import service as organisations
from donghanh.victim_cases import ctdc
from donghanh.victim_cases.models import CaseStatus, VictimCase, VictimCaseEvent, VictimSupport
from donghanh.victim_cases.repository import VictimCaseRepository, VictimStatistics
from donghanh.victim_cases.schemas import (
    CaseEventRead,
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
from donghanh.victim_cases.transitions import DATE_FIELD, allowed_from, is_allowed

RESOURCE = "victim_case"


async def to_read(session: AsyncSession, principal: Principal, case: VictimCase, *,
                  with_details: bool = True) -> VictimCaseRead:
    client = await clients.get(session, principal, case.client_id)
    read = VictimCaseRead.model_validate(case).model_copy(update={
        "client_code": client.code, "sex": Sex(client.sex),
        "age_group": age_group(client.birth_year, (case.identified_on or case.reported_on).year),
        "allowed_transitions": allowed_from(CaseStatus(case.status)),
    })
    if with_details:
        repository = VictimCaseRepository(session, principal)
        supports = await repository.supports(case.id)
        read = read.model_copy(update={
            "supports": [SupportRead.model_validate(s) for s in supports],
            "supports_total_vnd": sum(s.amount_vnd for s in supports),
            "history": [CaseEventRead.model_validate(e) for e in await repository.history(case.id)],
        })
    return read


async def list(  # noqa: A001
    session: AsyncSession, principal: Principal, flt: VictimCaseFilter, cursor: str | None, limit: int
) -> Page[VictimCaseRead]:
    unit_paths = await org_units.filter_paths(session, flt.org_unit)
    rows, next_cursor = await VictimCaseRepository(session, principal).list(flt, unit_paths, cursor, limit)
    await audit.record(session, principal, "list", RESOURCE, None, org_unit_id=principal.org_unit_id)
    items = [await to_read(session, principal, c, with_details=False) for c in rows]
    return Page[VictimCaseRead](items=[i.model_copy(update={"intake_notes": None}) for i in items],
                                next_cursor=next_cursor)


async def get(session: AsyncSession, principal: Principal, case_id: uuid.UUID, *, audited: bool = True) -> VictimCase:
    case = await VictimCaseRepository(session, principal).get(case_id)
    if audited:
        await audit.record(session, principal, "read", RESOURCE, case.id, fields=["intake_notes", "status"],
                           org_unit_id=case.org_unit_id)
    return case


def _event(session: AsyncSession, principal: Principal, case: VictimCase, frm: str | None, note: str | None) -> None:
    session.add(VictimCaseEvent(victim_case_id=case.id, actor_name=principal.shown_as, from_status=frm,
                                to_status=case.status, note=note))


async def _open(session: AsyncSession, principal: Principal, client_id: uuid.UUID, data: dict[str, object],
                identified_on: date | None) -> VictimCase:
    client = await clients.require_visible(session, principal, client_id, "client_id")
    # From now on the person is protected as a victim everywhere (referrals, providers, statistics).
    await clients.mark_protected_victim(session, principal, client)
    case = VictimCase(client_id=client.id, org_unit_id=client.org_unit_id, created_by=principal.id,
                      status=(CaseStatus.identified if identified_on else CaseStatus.under_identification).value,
                      identified_on=identified_on, **data)
    session.add(case)
    await session.flush()
    _event(session, principal, case, None, None)
    await audit.record(session, principal, "create", RESOURCE, case.id, fields=sorted(data),
                       org_unit_id=case.org_unit_id)
    return case


async def intake(session: AsyncSession, principal: Principal, *, intake_in: IntakeIn) -> VictimCase:
    """A hotline call or hand-over: a pseudonymous client and a case under identification, in one step."""
    unit = await org_units.require_unit_in_scope(session, principal, intake_in.org_unit_id, on=intake_in.reported_on)
    client = await clients.create(session, principal, client_in=ClientCreate(
        sex=intake_in.sex, birth_year=intake_in.birth_year, group=ClientGroup.trafficking_victim, org_unit_id=unit.id,
        allow_duplicate=True))
    data = intake_in.model_dump(include={"reported_on", "source", "exploitation", "exploitation_country",
                                         "citizenship", "intake_notes"})
    return await _open(session, principal, client.id, _plain(data), None)


def _plain(data: dict[str, object]) -> dict[str, object]:
    return {k: getattr(v, "value", v) for k, v in data.items()}


async def create(session: AsyncSession, principal: Principal, *, case_in: VictimCaseCreate) -> VictimCase:
    if case_in.identified_on and case_in.identified_on < case_in.reported_on:
        raise Unprocessable.field(["body", "identified_on"], "cannot be before reported_on")
    data = case_in.model_dump(exclude={"client_id", "identified_on"})
    return await _open(session, principal, case_in.client_id, _plain(data), case_in.identified_on)


async def update(session: AsyncSession, principal: Principal, case_id: uuid.UUID, *, case_in: VictimCaseUpdate,
                 if_match: str | None) -> VictimCase:
    case = await get(session, principal, case_id, audited=False)
    check_precondition(if_match, case.id, case.version, case_in.version)
    changes = _plain(case_in.model_dump(exclude_unset=True, exclude={"version"}))
    for required in ("source", "exploitation", "citizenship"):
        if required in changes and changes[required] is None:
            raise Unprocessable.field(["body", required], "may not be null")
    for key, value in changes.items():
        setattr(case, key, value)
    await session.flush()
    await audit.record(session, principal, "update", RESOURCE, case.id, fields=sorted(changes),
                       org_unit_id=case.org_unit_id)
    return case


async def transition(session: AsyncSession, principal: Principal, case_id: uuid.UUID, *,
                     transition_in: VictimTransitionIn) -> VictimCase:
    case = await get(session, principal, case_id, audited=False)
    current = CaseStatus(case.status)
    if not is_allowed(current, transition_in.to):
        allowed = [s.value for s in allowed_from(current)]
        raise Conflict(f"A case that is {current.value} cannot become {transition_in.to.value}; allowed: "
                       f"{', '.join(allowed) or 'none'}.", extra={"allowed": allowed})
    if transition_in.on < case.reported_on:
        raise Unprocessable.field(["body", "on"], f"cannot be before the report ({case.reported_on})")
    case.status = transition_in.to.value
    if transition_in.to in DATE_FIELD:
        setattr(case, DATE_FIELD[transition_in.to], transition_in.on)
    if transition_in.to == CaseStatus.closed:
        case.closed_reason = transition_in.reason
    await session.flush()
    _event(session, principal, case, current.value, transition_in.reason)
    await audit.record(session, principal, "transition", RESOURCE, case.id, fields=["status"],
                       org_unit_id=case.org_unit_id)
    return case


async def add_support(session: AsyncSession, principal: Principal, case_id: uuid.UUID, *,
                      support_in: SupportCreate) -> VictimSupport:
    case = await get(session, principal, case_id, audited=False)
    if case.status in (CaseStatus.under_identification, CaseStatus.closed):
        # Essential needs may be met before identification completes; other support waits for it.
        if case.status == CaseStatus.closed or support_in.support_type.value != "essential_needs":
            raise Conflict(f"The case is {case.status}: record identification first (essential needs excepted).")
    if support_in.provided_on < case.reported_on:
        raise Unprocessable.field(["body", "provided_on"], f"cannot be before the report ({case.reported_on})")
    if support_in.provider_id:
        await organisations.require_organisation(session, support_in.provider_id, "provider_id")
    support = VictimSupport(victim_case_id=case.id, org_unit_id=case.org_unit_id, created_by=principal.id,
                            **_plain(support_in.model_dump()))
    session.add(support)
    await session.flush()
    await audit.record(session, principal, "create", "victim_support", support.id,
                       fields=sorted(support_in.model_fields_set), org_unit_id=case.org_unit_id)
    return support


async def statistics(session: AsyncSession, principal: Principal, *, org_unit: uuid.UUID | None, since: date,
                     until: date, k: int) -> StatisticsRead:
    if until < since:
        raise Unprocessable.field(["query", "until"], "must not be before since")
    stats = VictimStatistics(session, principal, await org_units.filter_paths(session, org_unit))
    identified = await stats.count(VictimCase.identified_on, since, until)
    received = await stats.count(VictimCase.received_on, since, until)
    supported = await stats.supported(since, until)
    breakdown = await stats.identified_by(since, until)
    by_type = await stats.supports_by_type(since, until)
    # Roles that may read cases see exact figures; aggregate-only roles get small cells hidden.
    exact = principal.can(Permission.victim_cases_read)
    await audit.record(session, principal, "statistics", RESOURCE, None, org_unit_id=principal.org_unit_id)
    if exact:
        return StatisticsRead(
            org_unit_id=org_unit, since=since, until=until, suppressed=False, identified=identified,
            received=received, supported=supported, identified_by=breakdown,
            supports_by_type={t: {"cases": n, "amount_vnd": a} for t, (n, a) in by_type.items()})
    cases = suppress_breakdown({t: n for t, (n, _) in by_type.items()}, k)
    return StatisticsRead(
        org_unit_id=org_unit, since=since, until=until, suppressed=True, identified=hide(identified, k),
        received=hide(received, k), supported=hide(supported, k),
        identified_by={dim: suppress_breakdown(cells, k) for dim, cells in breakdown.items()},
        supports_by_type={t: {"cases": cases[t], "amount_vnd": by_type[t][1] if isinstance(cases[t], int)
                              else "suppressed"} for t in by_type})


async def export_ctdc(session: AsyncSession, principal: Principal, *, k: int) -> ctdc.Release:
    rows = await VictimStatistics(session, principal, None).export_rows()
    release = ctdc.anonymise(rows, k)
    await audit.record(session, principal, "export_anonymised", RESOURCE, None,
                       fields=[*ctdc.QUASI_IDENTIFIERS], org_unit_id=principal.org_unit_id)
    return release
