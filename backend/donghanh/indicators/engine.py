"""The indicators of PRODUCT.md §3, each defined once and computed in SQL for an org-unit subtree and a
period. Reads only aggregates, as SYSTEM with the caller's subtree as an explicit filter, so aggregate-only
roles get figures without ever touching a row (small cells hidden for them by the service).

The whole set costs about one statement per source table: each source (contacts, referrals,
establishments, …) reads its rows for the scope and period once and answers every indicator and every
breakdown drawn from it with FILTER clauses, one branch per breakdown (UNION ALL, so the same SQL runs on
PostgreSQL and SQLite). compute_many() takes several scopes (units, or periods) and computes every figure
for each from the same statements — a dashboard's table of units is one pass, not one engine run per unit."""
from __future__ import annotations

import statistics
import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import (
    String,
    and_,
    case,
    cast,
    distinct,
    extract,
    func,
    literal,
    literal_column,
    null,
    or_,
    select,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.activities.models import Activity
from donghanh.clients.models import Client
from donghanh.contacts.models import OutreachContact
from donghanh.core.principal import Principal
from donghanh.core.scoping import in_paths, in_subtree, path_prefix_match
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
    # Where this scope's figures go among several computed together (see _rows).
    index: int = 0
    # Instead of the paths: rows (grp, unit_id) putting each unit's records in the figures of scope `grp`.
    members: Any = None

    def where(self, column: Any) -> Any:
        if self.members is not None:
            units = column == self.members.c.unit_id
        elif self.unit_ids is not None:
            units = column.in_(self.unit_ids)
        else:
            units = in_paths(column, self.unit_paths)
        return and_(in_subtree(column, self.principal), units)

    @property
    def grp(self) -> Any:
        """The column saying which scope a row counts for, to select next to where()'s rows."""
        return (self.members.c.grp if self.members is not None else literal_column(str(self.index))).label("grp")

    def during(self, column: Any) -> Any:
        return column.between(self.period.start, self.period.end)

    def during_ts(self, column: Any) -> Any:
        """For timestamps: the period's days in Vietnamese time (UTC+7)."""
        return and_(column >= self.period.starts_at, column < self.period.ends_before)

    def by_end_ts(self) -> datetime:
        return self.period.ends_before


def _age(on: Any) -> Any:
    return _age_in(extract("year", on))


def _age_in(year: Any) -> Any:
    age = year - Client.birth_year
    return case((Client.birth_year.is_(None), "unknown"), (age < 16, "<16"), (age < 18, "16-17"), (age < 25, "18-24"),
                (age < 35, "25-34"), else_="35+")


def rate(numerator: Value, denominator: Value) -> Decimal | None:
    if not denominator or numerator is None:
        return None
    return (Decimal(numerator) / Decimal(denominator)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


# --- one statement per source: branches of (grp, dimension, key, figures…) joined by UNION ALL -------------

TOTAL = "total"
Scopes = Sequence[Scope]
Build = Callable[[Scope], Any]


def _rows(scopes: Scopes, build: Build) -> Any:
    """The rows each scope counts, labelled `grp` with the scope's index (a row two scopes count comes out
    twice): `build(scope)` gives one scope's SELECT of scope.grp and its columns, filtered by scope.where()
    and the scope's period. Scopes that differ only by their units (a table of units) read the rows once,
    joined to which scope each unit belongs to; others (a trend over periods) are one SELECT each."""
    first = scopes[0]
    if len(scopes) > 1 and all(s.period == first.period and s.principal == first.principal and s.unit_ids is None
                               for s in scopes):
        members = union_all(*(select(literal_column(str(i)).label("grp"), OrgUnit.id.label("unit_id"))
                              .where(path_prefix_match(OrgUnit.path, s.unit_paths)) for i, s in enumerate(scopes)))
        return build(replace(first, members=members.subquery("members")))
    parts = [build(replace(scope, index=i)) for i, scope in enumerate(scopes)]
    return parts[0] if len(parts) == 1 else union_all(*parts)


# Figures by group, dimension ("total" for the ungrouped branch) and key: {(grp, dim): {key: (figures…)}}.
Table = dict[tuple[int, str], dict[str | None, tuple[Any, ...]]]


def _branch(base: Any, dim: str, key: Any | None, figures: Sequence[Any], *where: Any) -> Any:
    """One branch over `base` (a CTE with a grp column): grouped by grp, and by `key` unless None."""
    keys = [base.c.grp] + ([] if key is None else [key])
    return (select(base.c.grp, literal(dim, String).label("dim"),
                   (null() if key is None else cast(key, String)).label("k"), *figures)
            .where(*where).group_by(*keys))


async def _tabulate(session: AsyncSession, branches: Iterable[Any]) -> Table:
    parts = list(branches)
    width = max(len(p.selected_columns) for p in parts)
    padded = [p.add_columns(*(null() for _ in range(width - len(p.selected_columns)))) for p in parts]
    stmt = padded[0] if len(padded) == 1 else union_all(*padded)
    out: Table = defaultdict(dict)
    for row in (await session.execute(stmt.execution_options(donghanh_scoped=True))).all():
        out[(int(row[0]), row[1])][row[2]] = tuple(row[3:])
    return out


def _count(value: Any) -> int:
    return int(value or 0)


def _cells(table: Table, grp: int, dim: str, index: int = 0) -> dict[str, int]:
    """A breakdown: the cells with at least one record (a FILTER that matched nothing is no cell)."""
    return {str(k): int(v[index]) for k, v in table.get((grp, dim), {}).items() if v[index]}


def _total(table: Table, grp: int, index: int) -> Any:
    row = table.get((grp, TOTAL), {}).get(None)
    return row[index] if row else None


Partial = dict[int, dict[str, Result]]


# --- people: reached, with needs (contacts) ------------------------------------------------------------

PEOPLE_DIMENSIONS = ("sex", "age_group", "group")


def _has_needs(column: Any) -> Any:
    return cast(column, String) != "[]"


async def _contacts(session: AsyncSession, scopes: Scopes, by: tuple[str, ...]) -> Partial:
    """Distinct registered clients among the period's contacts, plus each anonymous contact; a breakdown
    counts the clients (anonymous contacts land in "unknown").

    The contacts are first folded into one row per client and calendar year (a client's age group is fixed
    within a year), counting the contacts and those that named needs; the client is joined to that, not to
    every contact. A national year is 330,000 contacts but 140,000 clients: 1.47 → 1.06 s on PostgreSQL,
    which can also fold the contacts in parallel."""
    rows = _rows(scopes, lambda s: select(
        s.grp, OutreachContact.client_id, extract("year", OutreachContact.contacted_on).label("year"),
        _has_needs(OutreachContact.needs).label("needs"),
    ).where(s.where(OutreachContact.org_unit_id), s.during(OutreachContact.contacted_on))).subquery("contact")
    per_client = select(
        rows.c.grp, rows.c.client_id, rows.c.year, func.count().label("contacts"),
        func.count().filter(rows.c.needs).label("with_needs"),
    ).group_by(rows.c.grp, rows.c.client_id, rows.c.year).subquery("per_client")
    c = select(
        per_client.c.grp, per_client.c.client_id, per_client.c.contacts, per_client.c.with_needs,
        (per_client.c.with_needs > 0).label("needs"), Client.sex, Client.group,
        _age_in(per_client.c.year).label("age_group"),
    ).select_from(per_client).outerjoin(Client, Client.id == per_client.c.client_id).cte("c")
    clients = func.count(distinct(c.c.client_id))
    anonymous = c.c.client_id.is_(None)
    branches = [_branch(c, TOTAL, None, [clients, clients.filter(c.c.needs),
                                         func.sum(c.c.contacts).filter(anonymous),
                                         func.sum(c.c.with_needs).filter(anonymous)])]
    dims = [d for d in by if d in PEOPLE_DIMENSIONS]
    branches += [_branch(c, d, c.c[d], [clients, clients.filter(c.c.needs)], c.c.client_id.is_not(None))
                 for d in dims]
    table = await _tabulate(session, branches)
    out: Partial = {}
    for grp in range(len(scopes)):
        out[grp] = {}
        for index, code in enumerate(("people_reached", "people_with_needs")):
            anon = _count(_total(table, grp, 2 + index))
            breakdown: Breakdown = {}
            for d in dims:
                cells = _cells(table, grp, d, index)
                if anon:
                    cells["unknown"] = cells.get("unknown", 0) + anon
                breakdown[d] = cells
            out[grp][code] = Result(_count(_total(table, grp, index)) + anon, breakdown)
    return out


# --- referrals: people referred, completed, completion rate, median days ----------------------------------

def _median_days(durations: list[timedelta]) -> Decimal | None:
    if not durations:
        return None
    return Decimal(str(round(statistics.median(d.total_seconds() / 86400 for d in durations), 1)))


def _referral_rows(s: Scope) -> Any:
    sent_in = and_(Referral.sent_at.is_not(None), s.during_ts(Referral.sent_at))
    done_in = and_(Referral.status == "completed", s.during_ts(Referral.closed_at))
    return (select(s.grp, Referral.client_id, Referral.service_type, Referral.sent_at, Referral.closed_at,
                   (Referral.status == "completed").label("completed"), sent_in.label("sent_in"),
                   done_in.label("done_in"), Client.sex, Client.group, _age(Referral.sent_at).label("age_group"))
            .join(Client, Client.id == Referral.client_id)
            .where(s.where(Referral.org_unit_id), or_(sent_in, done_in)))


async def _referrals(session: AsyncSession, scopes: Scopes, by: tuple[str, ...]) -> Partial:
    postgres = session.get_bind().dialect.name == "postgresql"
    r = _rows(scopes, _referral_rows).cte("r")
    sent, done = r.c.sent_in, r.c.done_in
    timed = and_(done, r.c.sent_at.is_not(None))
    totals = [func.count(distinct(r.c.client_id)).filter(sent), func.count().filter(sent),
              func.count().filter(and_(sent, r.c.completed))]
    if postgres:
        # The median's two middle durations (the same one when the count is odd), exact as intervals.
        duration = r.c.closed_at - r.c.sent_at
        totals += [func.percentile_disc(0.5).within_group(duration).filter(timed),
                   func.percentile_disc(0.5).within_group(duration.desc()).filter(timed)]
    branches = [_branch(r, TOTAL, None, totals), _branch(r, "service_type", r.c.service_type, [func.count()], done)]
    dims = [d for d in by if d in PEOPLE_DIMENSIONS]
    branches += [_branch(r, d, r.c[d], [func.count(distinct(r.c.client_id))], sent) for d in dims]
    table = await _tabulate(session, branches)
    durations: dict[int, list[timedelta]] = defaultdict(list)
    if not postgres:  # no percentile on SQLite: the durations of the period's completed referrals
        rows = await session.execute(select(r.c.grp, r.c.sent_at, r.c.closed_at).where(timed)
                                     .execution_options(donghanh_scoped=True))
        for grp, sent_at, closed_at in rows.all():
            durations[int(grp)].append(closed_at - sent_at)
    out: Partial = {}
    for grp in range(len(scopes)):
        completed = _cells(table, grp, "service_type")
        if postgres:
            durations[grp] = [d for d in (_total(table, grp, 3), _total(table, grp, 4)) if d is not None]
        out[grp] = {
            "people_referred": Result(_count(_total(table, grp, 0)), {d: _cells(table, grp, d) for d in dims}),
            "referrals_completed": Result(sum(completed.values()),
                                          {"service_type": completed} if "service_type" in by else {}),
            "referral_completion_rate": Result(rate(_count(_total(table, grp, 2)), _count(_total(table, grp, 1)))),
            "median_days_to_completion": Result(_median_days(durations[grp])),
        }
    return out


# --- establishments and inspections ----------------------------------------------------------------------

async def _establishments(session: AsyncSession, scopes: Scopes, by: tuple[str, ...]) -> Partial:
    e = _rows(scopes, lambda s: select(
        s.grp, Establishment.type, (Establishment.created_at < s.by_end_ts()).label("registered"),
        (Establishment.commitment_signed_on <= s.period.end).label("committed"),
    ).where(s.where(Establishment.org_unit_id), Establishment.status != "closed")).cte("e")
    table = await _tabulate(session, [_branch(e, "type", e.c.type, [func.count().filter(e.c.registered),
                                                                     func.count().filter(e.c.committed)])])
    out: Partial = {}
    for grp in range(len(scopes)):
        out[grp] = {}
        for index, code in enumerate(("establishments_total", "establishments_with_commitment")):
            cells = _cells(table, grp, "type", index)
            out[grp][code] = Result(sum(cells.values()), {"type": cells} if "type" in by else {})
    return out


async def _inspections(session: AsyncSession, scopes: Scopes, by: tuple[str, ...]) -> Partial:
    i = _rows(scopes, lambda s: select(s.grp, _has_needs(Inspection.violations).label("violations")).where(
        s.where(Inspection.org_unit_id), s.during(Inspection.inspected_on))).cte("i")
    table = await _tabulate(session, [_branch(i, TOTAL, None, [func.count(), func.count().filter(i.c.violations)])])
    return {grp: {"inspections": Result(_count(_total(table, grp, 0))),
                  "inspections_with_violations": Result(_count(_total(table, grp, 1)))}
            for grp in range(len(scopes))}


# --- victims: identified, supported ----------------------------------------------------------------------

VICTIM_DIMENSIONS = ("sex", "age_group", "exploitation")


def _victim_marks(s: Scope) -> Any:
    """The period's identified cases (identified = 1) and supported cases (by the support's unit, 0)."""
    identified = select(s.grp, VictimCase.id.label("case_id"), literal_column("1").label("identified")).where(
        s.where(VictimCase.org_unit_id), s.during(VictimCase.identified_on))
    supported = select(s.grp, VictimSupport.victim_case_id.label("case_id"),
                       literal_column("0").label("identified")).where(
        s.where(VictimSupport.org_unit_id), s.during(VictimSupport.provided_on))
    return union_all(identified, supported).subquery()


async def _victims(session: AsyncSession, scopes: Scopes, by: tuple[str, ...]) -> Partial:
    """Cases identified, and cases with a support given, in the period: each case once, broken down by
    the client's sex and age and the kind of exploitation."""
    def build(s: Scope) -> Any:
        marks = _victim_marks(s)
        return (select(marks.c.grp, marks.c.case_id, marks.c.identified, Client.sex, VictimCase.exploitation,
                       _age(VictimCase.reported_on).label("age_group"))
                .join(VictimCase, VictimCase.id == marks.c.case_id).join(Client, Client.id == VictimCase.client_id))

    v = _rows(scopes, build).cte("v")
    cases = func.count(distinct(v.c.case_id))
    figures = [cases.filter(v.c.identified == 1), cases.filter(v.c.identified == 0)]
    dims = [d for d in by if d in VICTIM_DIMENSIONS]
    table = await _tabulate(session, [_branch(v, TOTAL, None, figures),
                                      *(_branch(v, d, v.c[d], figures) for d in dims)])
    return {grp: {code: Result(_count(_total(table, grp, index)), {d: _cells(table, grp, d, index) for d in dims})
                  for index, code in enumerate(("victims_identified", "victims_supported"))}
            for grp in range(len(scopes))}


# --- activities, peer groups -----------------------------------------------------------------------------

async def _activities(session: AsyncSession, scopes: Scopes, by: tuple[str, ...]) -> Partial:
    a = _rows(scopes, lambda s: select(
        s.grp, Activity.kind, Activity.participants_total, Activity.participants_female,
    ).where(s.where(Activity.org_unit_id), s.during(Activity.starts_on))).cte("a")
    table = await _tabulate(session, [_branch(a, "kind", a.c.kind, [
        func.count(), func.coalesce(func.sum(a.c.participants_total), 0),
        func.coalesce(func.sum(a.c.participants_female), 0)])])
    out: Partial = {}
    for grp in range(len(scopes)):
        kinds = _cells(table, grp, "kind")
        rows = table.get((grp, "kind"), {}).values()
        total, female = sum(int(r[1]) for r in rows), sum(int(r[2]) for r in rows)
        out[grp] = {"activities": Result(sum(kinds.values()), {"kind": kinds} if "kind" in by else {}),
                    "participants": Result(total, {"sex": {"female": female, "other": total - female}}
                                           if "sex" in by else {})}
    return out


async def _peer_groups(session: AsyncSession, scopes: Scopes, by: tuple[str, ...]) -> Partial:
    g = _rows(scopes, lambda s: select(s.grp, PeerGroup.id).where(
        s.where(PeerGroup.org_unit_id), PeerGroup.active.is_(True),
        or_(PeerGroup.established_on.is_(None), PeerGroup.established_on <= s.period.end))).cte("g")
    m = _rows(scopes, lambda s: select(s.grp, PeerGroupMember.member_role).where(
        s.where(PeerGroupMember.org_unit_id),
        or_(PeerGroupMember.joined_on.is_(None), PeerGroupMember.joined_on <= s.period.end),
        or_(PeerGroupMember.left_on.is_(None), PeerGroupMember.left_on >= s.period.start))).cte("m")
    table = await _tabulate(session, [_branch(g, TOTAL, None, [func.count()]),
                                      _branch(m, "member_role", m.c.member_role, [func.count()])])
    out: Partial = {}
    for grp in range(len(scopes)):
        roles = _cells(table, grp, "member_role")
        out[grp] = {"peer_groups_active": Result(_count(_total(table, grp, 0))),
                    "peer_group_members": Result(sum(roles.values()),
                                                 {"member_role": roles} if "member_role" in by else {})}
    return out


# --- budget: allocated (plans of the period's years), spent (expenditures in the period) -------------------

BUDGET_DIMENSIONS = ("funding_source", "category")


async def _budget(session: AsyncSession, scopes: Scopes, by: tuple[str, ...]) -> Partial:
    lines = _rows(scopes, lambda s: select(
        s.grp, BudgetLine.funding_source, BudgetLine.category, BudgetLine.allocated_vnd.label("vnd"),
    ).join(Plan, Plan.id == BudgetLine.plan_id).where(
        s.where(Plan.org_unit_id), Plan.year.between(s.period.start.year, s.period.end.year))).cte("allocated")
    spent = _rows(scopes, lambda s: select(
        s.grp, BudgetLine.funding_source, BudgetLine.category, Expenditure.amount_vnd.label("vnd"),
    ).join(BudgetLine, BudgetLine.id == Expenditure.budget_line_id).where(
        s.where(Expenditure.org_unit_id), s.during(Expenditure.spent_on))).cte("spent")
    dims = [d for d in by if d in BUDGET_DIMENSIONS]
    branches = []
    for name, base in (("allocated", lines), ("spent", spent)):
        vnd = func.sum(base.c.vnd)
        branches += [_branch(base, name, None, [vnd]),
                     *(_branch(base, f"{name}:{d}", base.c[d], [vnd]) for d in dims)]
    table = await _tabulate(session, branches)
    out: Partial = {}
    for grp in range(len(scopes)):
        out[grp] = {}
        for name in ("allocated", "spent"):
            total = table.get((grp, name), {}).get(None)
            out[grp][f"budget_{name}_vnd"] = Result(
                _count(total[0] if total else None),
                {d: {str(k): int(v[0]) for k, v in table.get((grp, f"{name}:{d}"), {}).items()} for d in dims})
    return out


Source = Callable[[AsyncSession, Scopes, tuple[str, ...]], Awaitable[Partial]]


@dataclass(frozen=True)
class Indicator:
    code: str
    label_vi: str
    label_en: str
    definition: str
    dimensions: tuple[str, ...]
    source: Source | None = None  # the statement that computes it with its siblings; None: derived (rates)


INDICATORS: dict[str, Indicator] = {i.code: i for i in [
    Indicator("establishments_total", "Số cơ sở kinh doanh dịch vụ", "Establishments",
              "Establishments not closed, registered by the end of the period.", ("type",), _establishments),
    Indicator("establishments_with_commitment", "Số cơ sở đã ký cam kết", "Establishments with a signed commitment",
              "Of those, the ones whose owner signed the commitment by the end of the period.", ("type",),
              _establishments),
    Indicator("inspections", "Số lượt kiểm tra", "Inspections", "Inspections carried out in the period.", (),
              _inspections),
    Indicator("inspections_with_violations", "Số lượt kiểm tra phát hiện vi phạm", "Inspections with violations",
              "Inspections in the period that recorded at least one violation.", (), _inspections),
    Indicator("people_reached", "Số người được tiếp cận", "People reached",
              "Distinct registered clients contacted in the period plus each anonymous contact.",
              PEOPLE_DIMENSIONS, _contacts),
    Indicator("people_with_needs", "Số người có nhu cầu hỗ trợ", "People with needs",
              "Of the people reached, those who named at least one need in the period.", PEOPLE_DIMENSIONS,
              _contacts),
    Indicator("people_referred", "Số người được giới thiệu dịch vụ", "People referred",
              "Distinct clients with a referral sent in the period.", PEOPLE_DIMENSIONS, _referrals),
    Indicator("referral_rate", "Tỷ lệ người có nhu cầu được giới thiệu", "Referral rate",
              "people_referred / people_with_needs.", ()),
    Indicator("referrals_completed", "Số giới thiệu hoàn thành", "Referrals completed",
              "Referrals completed in the period.", ("service_type",), _referrals),
    Indicator("referral_completion_rate", "Tỷ lệ giới thiệu hoàn thành", "Referral completion rate",
              "Of the referrals sent in the period, the share completed.", (), _referrals),
    Indicator("median_days_to_completion", "Số ngày trung vị đến khi hoàn thành", "Median days to completion",
              "Median days from sending to completion, for referrals completed in the period.", (), _referrals),
    Indicator("victims_identified", "Số nạn nhân được xác định", "Victims identified",
              "Cases identified in the period.", VICTIM_DIMENSIONS, _victims),
    Indicator("victims_supported", "Số nạn nhân được hỗ trợ", "Victims supported",
              "Cases with at least one support given in the period.", VICTIM_DIMENSIONS, _victims),
    Indicator("activities", "Số hoạt động", "Activities", "Activities that started in the period.", ("kind",),
              _activities),
    Indicator("participants", "Số lượt người tham gia", "Participants",
              "Participants in the period's activities.", ("sex",), _activities),
    Indicator("peer_groups_active", "Số nhóm đồng đẳng hoạt động", "Active peer groups",
              "Active groups established by the end of the period.", (), _peer_groups),
    Indicator("peer_group_members", "Số thành viên nhóm", "Peer group members",
              "Members at some point during the period.", ("member_role",), _peer_groups),
    Indicator("budget_allocated_vnd", "Kinh phí được giao (đồng)", "Budget allocated (VND)",
              "Allocated on the budget lines of the plans for the period's year(s).", BUDGET_DIMENSIONS, _budget),
    Indicator("budget_spent_vnd", "Kinh phí đã chi (đồng)", "Budget spent (VND)",
              "Expenditures made in the period.", BUDGET_DIMENSIONS, _budget),
    Indicator("budget_execution_rate", "Tỷ lệ thực hiện kinh phí", "Budget execution rate",
              "budget_spent_vnd / budget_allocated_vnd.", ()),
]}
# Distinct people and medians do not add up across units (a person reached in two communes is one person);
# every other count and amount does, so a parent's figure must equal the sum of its children's.
NOT_ADDITIVE = frozenset({"people_reached", "people_with_needs", "people_referred", "referral_completion_rate",
                          "median_days_to_completion"})
DERIVED = {"referral_rate": ("people_referred", "people_with_needs"),
           "budget_execution_rate": ("budget_spent_vnd", "budget_allocated_vnd")}


def is_additive(code: str) -> bool:
    return code not in NOT_ADDITIVE and code not in DERIVED


async def compute_many(session: AsyncSession, scopes: Scopes, codes: list[str],
                       by: tuple[str, ...] = ()) -> list[dict[str, Result]]:
    """The figures of each scope (other units, other periods), all of them from the statements of one."""
    if not scopes:
        return []
    needed = set(codes) | {part for code in codes if code in DERIVED for part in DERIVED[code]}
    sources: list[Source] = []
    for code in INDICATORS:  # in definition order, each source once
        source = INDICATORS[code].source
        if code in needed and source is not None and source not in sources:
            sources.append(source)
    results: list[dict[str, Result]] = [{} for _ in scopes]
    for source in sources:
        for grp, partial in (await source(session, scopes, by)).items():
            results[grp].update(partial)
    for figures in results:
        for code, (num, den) in DERIVED.items():
            if code in needed:
                figures[code] = Result(rate(figures[num].value, figures[den].value))
    return [{code: figures[code] for code in codes} for figures in results]


async def compute(session: AsyncSession, scope: Scope, codes: list[str], by: tuple[str, ...]) -> dict[str, Result]:
    return (await compute_many(session, [scope], codes, by))[0]


async def people_reached(session: AsyncSession, scope: Scope, by: tuple[str, ...]) -> Result:
    return (await compute(session, scope, ["people_reached"], by))["people_reached"]


async def people_with_needs(session: AsyncSession, scope: Scope, by: tuple[str, ...]) -> Result:
    return (await compute(session, scope, ["people_with_needs"], by))["people_with_needs"]
