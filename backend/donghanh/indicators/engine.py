"""The indicators of PRODUCT.md §3, each defined once and computed in SQL for an org-unit subtree and a
period. Reads only aggregates, as SYSTEM with the caller's subtree as an explicit filter, so aggregate-only
roles get figures without ever touching a row (small cells hidden for them by the service)."""
from __future__ import annotations

import statistics
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import String, and_, case, cast, distinct, extract, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.activities.models import Activity
from donghanh.clients.models import Client
from donghanh.contacts.models import OutreachContact
from donghanh.core.principal import Principal
from donghanh.core.scoping import in_paths, in_subtree
from donghanh.establishments.models import Establishment, Inspection
from donghanh.indicators.periods import Period
from donghanh.org_units.models import OrgUnit
from donghanh.peer_groups.models import PeerGroup, PeerGroupMember
from donghanh.plans.models import BudgetLine, Expenditure, Plan
from donghanh.referrals.models import Referral
from donghanh.victim_cases.models import VictimCase, VictimSupport

Value = int | Decimal | None
Breakdown = dict[str, dict[str, int]]


@dataclass
class Result:
    value: Value
    breakdown: Breakdown = field(default_factory=dict)


@dataclass
class Scope:
    """Where and when: the caller's subtree, the requested unit's subtree, the period."""

    principal: Principal
    # The unit's own path plus the legacy units merged into it, so pre-2025 records count where they belong.
    unit_paths: tuple[str, ...]
    period: Period
    # Instead of the paths: exactly these units (a parent's own records, apart from its children's).
    unit_ids: tuple[uuid.UUID, ...] | None = None

    def where(self, column: Any) -> Any:
        units = column.in_(self.unit_ids) if self.unit_ids is not None else in_paths(column, self.unit_paths)
        return and_(in_subtree(column, self.principal), units)

    def during(self, column: Any) -> Any:
        return column.between(self.period.start, self.period.end)

    def during_ts(self, column: Any) -> Any:
        """For timestamps: the period's days in Vietnamese time (UTC+7)."""
        return and_(column >= self.period.starts_at, column < self.period.ends_before)

    def by_end_ts(self) -> datetime:
        return self.period.ends_before


def _age(year_col: Any) -> Any:
    age = extract("year", year_col) - Client.birth_year
    return case((Client.birth_year.is_(None), "unknown"), (age < 16, "<16"), (age < 18, "16-17"), (age < 25, "18-24"),
                (age < 35, "25-34"), else_="35+")


def rate(numerator: Value, denominator: Value) -> Decimal | None:
    if not denominator or numerator is None:
        return None
    return (Decimal(numerator) / Decimal(denominator)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


async def _scalar(session: AsyncSession, stmt: Any) -> int:
    return int(await session.scalar(stmt.execution_options(donghanh_scoped=True)) or 0)


async def _grouped(session: AsyncSession, stmt: Any) -> dict[str, int]:
    rows = (await session.execute(stmt.execution_options(donghanh_scoped=True))).all()
    return {str(k): int(n) for k, n in rows}


# --- people: reached, with needs, referred (disaggregated by the client's sex, age group and group) ------

PEOPLE_DIMENSIONS = ("sex", "age_group", "group")


async def _people(session: AsyncSession, scope: Scope, contact_filter: Any, by: tuple[str, ...]) -> Result:
    """Distinct registered clients among the matching contacts, plus each anonymous contact."""
    base = and_(scope.where(OutreachContact.org_unit_id), scope.during(OutreachContact.contacted_on), contact_filter)
    clients = await _scalar(session, select(func.count(distinct(OutreachContact.client_id))).where(
        base, OutreachContact.client_id.is_not(None)))
    anonymous = await _scalar(session, select(func.count()).select_from(OutreachContact).where(
        base, OutreachContact.client_id.is_(None)))
    breakdown: Breakdown = {}
    dims = {"sex": Client.sex, "age_group": _age(OutreachContact.contacted_on), "group": Client.group}
    for name in by:
        if name not in dims:
            continue
        ids = select(OutreachContact.client_id).where(base, OutreachContact.client_id.is_not(None)).distinct()
        cells = await _grouped(session, select(dims[name], func.count(distinct(Client.id)))
                               .join(OutreachContact, OutreachContact.client_id == Client.id)
                               .where(Client.id.in_(ids), base).group_by(dims[name]))
        if anonymous:
            cells["unknown"] = cells.get("unknown", 0) + anonymous
        breakdown[name] = cells
    return Result(clients + anonymous, breakdown)


def _has_needs() -> Any:
    return cast(OutreachContact.needs, String) != "[]"


async def people_reached(session: AsyncSession, scope: Scope, by: tuple[str, ...]) -> Result:
    return await _people(session, scope, True, by)


async def people_with_needs(session: AsyncSession, scope: Scope, by: tuple[str, ...]) -> Result:
    return await _people(session, scope, _has_needs(), by)


async def people_referred(session: AsyncSession, scope: Scope, by: tuple[str, ...]) -> Result:
    base = and_(scope.where(Referral.org_unit_id), Referral.sent_at.is_not(None),
                scope.during_ts(Referral.sent_at))
    total = await _scalar(session, select(func.count(distinct(Referral.client_id))).where(base))
    breakdown: Breakdown = {}
    dims = {"sex": Client.sex, "age_group": _age(Referral.sent_at), "group": Client.group}
    for name in by:
        if name in dims:
            breakdown[name] = await _grouped(session, select(dims[name], func.count(distinct(Client.id)))
                                             .join(Referral, Referral.client_id == Client.id).where(base)
                                             .group_by(dims[name]))
    return Result(total, breakdown)


async def referrals_completed(session: AsyncSession, scope: Scope, by: tuple[str, ...]) -> Result:
    stmt = select(Referral.service_type, func.count()).where(
        scope.where(Referral.org_unit_id), Referral.status == "completed",
        scope.during_ts(Referral.closed_at),
    ).group_by(Referral.service_type)
    cells = await _grouped(session, stmt)
    return Result(sum(cells.values()), {"service_type": cells} if "service_type" in by else {})


async def referral_completion_rate(session: AsyncSession, scope: Scope, by: tuple[str, ...]) -> Result:
    sent = and_(scope.where(Referral.org_unit_id), Referral.sent_at.is_not(None),
                scope.during_ts(Referral.sent_at))
    total = await _scalar(session, select(func.count()).select_from(Referral).where(sent))
    done = await _scalar(session, select(func.count()).select_from(Referral)
                         .where(sent, Referral.status == "completed"))
    return Result(rate(done, total))


async def median_days_to_completion(session: AsyncSession, scope: Scope, by: tuple[str, ...]) -> Result:
    rows = (await session.execute(select(Referral.sent_at, Referral.closed_at).where(
        scope.where(Referral.org_unit_id), Referral.status == "completed", Referral.sent_at.is_not(None),
        scope.during_ts(Referral.closed_at),
    ).execution_options(donghanh_scoped=True))).all()
    days = [(closed - sent).total_seconds() / 86400 for sent, closed in rows]
    return Result(Decimal(str(round(statistics.median(days), 1))) if days else None)


async def establishments_total(session: AsyncSession, scope: Scope, by: tuple[str, ...]) -> Result:
    stmt = select(Establishment.type, func.count()).where(
        scope.where(Establishment.org_unit_id), Establishment.status != "closed",
        Establishment.created_at < scope.by_end_ts()).group_by(Establishment.type)
    cells = await _grouped(session, stmt)
    return Result(sum(cells.values()), {"type": cells} if "type" in by else {})


async def establishments_with_commitment(session: AsyncSession, scope: Scope, by: tuple[str, ...]) -> Result:
    stmt = select(Establishment.type, func.count()).where(
        scope.where(Establishment.org_unit_id), Establishment.status != "closed",
        Establishment.commitment_signed_on <= scope.period.end).group_by(Establishment.type)
    cells = await _grouped(session, stmt)
    return Result(sum(cells.values()), {"type": cells} if "type" in by else {})


async def inspections(session: AsyncSession, scope: Scope, by: tuple[str, ...]) -> Result:
    return Result(await _scalar(session, select(func.count()).select_from(Inspection).where(
        scope.where(Inspection.org_unit_id), scope.during(Inspection.inspected_on))))


async def inspections_with_violations(session: AsyncSession, scope: Scope, by: tuple[str, ...]) -> Result:
    return Result(await _scalar(session, select(func.count()).select_from(Inspection).where(
        scope.where(Inspection.org_unit_id), scope.during(Inspection.inspected_on),
        cast(Inspection.violations, String) != "[]")))


async def _victims(session: AsyncSession, scope: Scope, by: tuple[str, ...], ids: Any) -> Result:
    total = await _scalar(session, select(func.count(distinct(VictimCase.id))).where(VictimCase.id.in_(ids)))
    dims = {"sex": Client.sex, "age_group": _age(VictimCase.reported_on), "exploitation": VictimCase.exploitation}
    breakdown: Breakdown = {}
    for name in by:
        if name in dims:
            breakdown[name] = await _grouped(session, select(dims[name], func.count(distinct(VictimCase.id)))
                                             .select_from(VictimCase).join(Client, Client.id == VictimCase.client_id)
                                             .where(VictimCase.id.in_(ids)).group_by(dims[name]))
    return Result(total, breakdown)


async def victims_identified(session: AsyncSession, scope: Scope, by: tuple[str, ...]) -> Result:
    ids = select(VictimCase.id).where(scope.where(VictimCase.org_unit_id), scope.during(VictimCase.identified_on))
    return await _victims(session, scope, by, ids)


async def victims_supported(session: AsyncSession, scope: Scope, by: tuple[str, ...]) -> Result:
    ids = select(VictimSupport.victim_case_id).where(scope.where(VictimSupport.org_unit_id),
                                                     scope.during(VictimSupport.provided_on))
    return await _victims(session, scope, by, ids)


async def activities(session: AsyncSession, scope: Scope, by: tuple[str, ...]) -> Result:
    cells = await _grouped(session, select(Activity.kind, func.count()).where(
        scope.where(Activity.org_unit_id), scope.during(Activity.starts_on)).group_by(Activity.kind))
    return Result(sum(cells.values()), {"kind": cells} if "kind" in by else {})


async def participants(session: AsyncSession, scope: Scope, by: tuple[str, ...]) -> Result:
    row = (await session.execute(select(func.coalesce(func.sum(Activity.participants_total), 0),
                                        func.coalesce(func.sum(Activity.participants_female), 0)).where(
        scope.where(Activity.org_unit_id), scope.during(Activity.starts_on)).execution_options(donghanh_scoped=True)
    )).one()
    total, female = int(row[0]), int(row[1])
    return Result(total, {"sex": {"female": female, "other": total - female}} if "sex" in by else {})


async def peer_groups_active(session: AsyncSession, scope: Scope, by: tuple[str, ...]) -> Result:
    return Result(await _scalar(session, select(func.count()).select_from(PeerGroup).where(
        scope.where(PeerGroup.org_unit_id), PeerGroup.active.is_(True),
        or_(PeerGroup.established_on.is_(None), PeerGroup.established_on <= scope.period.end))))


async def peer_group_members(session: AsyncSession, scope: Scope, by: tuple[str, ...]) -> Result:
    cells = await _grouped(session, select(PeerGroupMember.member_role, func.count()).where(
        scope.where(PeerGroupMember.org_unit_id),
        or_(PeerGroupMember.joined_on.is_(None), PeerGroupMember.joined_on <= scope.period.end),
        or_(PeerGroupMember.left_on.is_(None), PeerGroupMember.left_on >= scope.period.start),
    ).group_by(PeerGroupMember.member_role))
    return Result(sum(cells.values()), {"member_role": cells} if "member_role" in by else {})


def _plans_of_period(scope: Scope) -> Any:
    return select(Plan.id).where(scope.where(Plan.org_unit_id),
                                 Plan.year.between(scope.period.start.year, scope.period.end.year))


async def budget_allocated_vnd(session: AsyncSession, scope: Scope, by: tuple[str, ...]) -> Result:
    breakdown: Breakdown = {}
    for name, column in (("funding_source", BudgetLine.funding_source), ("category", BudgetLine.category)):
        if name in by:
            breakdown[name] = await _grouped(session, select(column, func.sum(BudgetLine.allocated_vnd)).where(
                BudgetLine.plan_id.in_(_plans_of_period(scope))).group_by(column))
    total = await _scalar(session, select(func.coalesce(func.sum(BudgetLine.allocated_vnd), 0)).where(
        BudgetLine.plan_id.in_(_plans_of_period(scope))))
    return Result(total, breakdown)


async def budget_spent_vnd(session: AsyncSession, scope: Scope, by: tuple[str, ...]) -> Result:
    base = and_(scope.where(Expenditure.org_unit_id), scope.during(Expenditure.spent_on))
    breakdown: Breakdown = {}
    for name, column in (("funding_source", BudgetLine.funding_source), ("category", BudgetLine.category)):
        if name in by:
            breakdown[name] = await _grouped(session, select(column, func.sum(Expenditure.amount_vnd))
                                             .join(BudgetLine, BudgetLine.id == Expenditure.budget_line_id)
                                             .where(base).group_by(column))
    total = await _scalar(session, select(func.coalesce(func.sum(Expenditure.amount_vnd), 0)).where(base))
    return Result(total, breakdown)


Compute = Callable[[AsyncSession, Scope, tuple[str, ...]], Awaitable[Result]]


@dataclass(frozen=True)
class Indicator:
    code: str
    label_vi: str
    label_en: str
    definition: str
    dimensions: tuple[str, ...]
    compute: Compute | None = None  # None: derived from other indicators (rates)


INDICATORS: dict[str, Indicator] = {i.code: i for i in [
    Indicator("establishments_total", "Số cơ sở kinh doanh dịch vụ", "Establishments",
              "Establishments not closed, registered by the end of the period.", ("type",), establishments_total),
    Indicator("establishments_with_commitment", "Số cơ sở đã ký cam kết", "Establishments with a signed commitment",
              "Of those, the ones whose owner signed the commitment by the end of the period.", ("type",),
              establishments_with_commitment),
    Indicator("inspections", "Số lượt kiểm tra", "Inspections", "Inspections carried out in the period.", (),
              inspections),
    Indicator("inspections_with_violations", "Số lượt kiểm tra phát hiện vi phạm", "Inspections with violations",
              "Inspections in the period that recorded at least one violation.", (), inspections_with_violations),
    Indicator("people_reached", "Số người được tiếp cận", "People reached",
              "Distinct registered clients contacted in the period plus each anonymous contact.",
              PEOPLE_DIMENSIONS, people_reached),
    Indicator("people_with_needs", "Số người có nhu cầu hỗ trợ", "People with needs",
              "Of the people reached, those who named at least one need in the period.", PEOPLE_DIMENSIONS,
              people_with_needs),
    Indicator("people_referred", "Số người được giới thiệu dịch vụ", "People referred",
              "Distinct clients with a referral sent in the period.", PEOPLE_DIMENSIONS, people_referred),
    Indicator("referral_rate", "Tỷ lệ người có nhu cầu được giới thiệu", "Referral rate",
              "people_referred / people_with_needs.", ()),
    Indicator("referrals_completed", "Số giới thiệu hoàn thành", "Referrals completed",
              "Referrals completed in the period.", ("service_type",), referrals_completed),
    Indicator("referral_completion_rate", "Tỷ lệ giới thiệu hoàn thành", "Referral completion rate",
              "Of the referrals sent in the period, the share completed.", (), referral_completion_rate),
    Indicator("median_days_to_completion", "Số ngày trung vị đến khi hoàn thành", "Median days to completion",
              "Median days from sending to completion, for referrals completed in the period.", (),
              median_days_to_completion),
    Indicator("victims_identified", "Số nạn nhân được xác định", "Victims identified",
              "Cases identified in the period.", ("sex", "age_group", "exploitation"), victims_identified),
    Indicator("victims_supported", "Số nạn nhân được hỗ trợ", "Victims supported",
              "Cases with at least one support given in the period.", ("sex", "age_group", "exploitation"),
              victims_supported),
    Indicator("activities", "Số hoạt động", "Activities", "Activities that started in the period.", ("kind",),
              activities),
    Indicator("participants", "Số lượt người tham gia", "Participants",
              "Participants in the period's activities.", ("sex",), participants),
    Indicator("peer_groups_active", "Số nhóm đồng đẳng hoạt động", "Active peer groups",
              "Active groups established by the end of the period.", (), peer_groups_active),
    Indicator("peer_group_members", "Số thành viên nhóm", "Peer group members",
              "Members at some point during the period.", ("member_role",), peer_group_members),
    Indicator("budget_allocated_vnd", "Kinh phí được giao (đồng)", "Budget allocated (VND)",
              "Allocated on the budget lines of the plans for the period's year(s).",
              ("funding_source", "category"), budget_allocated_vnd),
    Indicator("budget_spent_vnd", "Kinh phí đã chi (đồng)", "Budget spent (VND)",
              "Expenditures made in the period.", ("funding_source", "category"), budget_spent_vnd),
    Indicator("budget_execution_rate", "Tỷ lệ thực hiện kinh phí", "Budget execution rate",
              "budget_spent_vnd / budget_allocated_vnd.", ()),
]}
# Distinct people and medians do not add up across units (a person reached in two communes is one person);
# every other count and amount does, so a parent's figure must equal the sum of its children's.
NOT_ADDITIVE = frozenset({"people_reached", "people_with_needs", "people_referred", "referral_completion_rate",
                          "median_days_to_completion"})
DERIVED = {"referral_rate": ("people_referred", "people_with_needs"),
           "budget_execution_rate": ("budget_spent_vnd", "budget_allocated_vnd")}


async def units_with_outreach(session: AsyncSession, scope: Scope) -> set[str]:
    """Paths of the units with a contact, or a referral sent or closed, in the period: a table of many
    units computes only these and shows zeros for the rest."""
    contacts = select(OutreachContact.org_unit_id).where(scope.where(OutreachContact.org_unit_id),
                                                         scope.during(OutreachContact.contacted_on))
    referrals = select(Referral.org_unit_id).where(scope.where(Referral.org_unit_id), or_(
        scope.during_ts(Referral.sent_at), scope.during_ts(Referral.closed_at)))
    stmt = select(OrgUnit.path).where(or_(OrgUnit.id.in_(contacts), OrgUnit.id.in_(referrals)))
    return set((await session.execute(stmt.execution_options(donghanh_scoped=True))).scalars().all())


def is_additive(code: str) -> bool:
    return code not in NOT_ADDITIVE and code not in DERIVED


async def compute(session: AsyncSession, scope: Scope, codes: list[str], by: tuple[str, ...]) -> dict[str, Result]:
    needed = set(codes) | {part for code in codes if code in DERIVED for part in DERIVED[code]}
    results: dict[str, Result] = {}
    for code in INDICATORS:
        if code in needed and INDICATORS[code].compute is not None:
            results[code] = await INDICATORS[code].compute(session, scope, by)  # type: ignore[misc]
    for code, (num, den) in DERIVED.items():
        if code in needed:
            results[code] = Result(rate(results[num].value, results[den].value))
    return {code: results[code] for code in codes}
