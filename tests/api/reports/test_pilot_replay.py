"""A data set shaped like the Hà Nội 2019 pilot, on a province that went through the 2025 reform: every
indicator against a plain-Python count, both ways of counting a pre-reform period, and the consolidated
report of approved ward reports against the live records."""
from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.activities.models import Activity
from donghanh.core.errors import Unprocessable
from donghanh.core.permissions import Role
from donghanh.core.principal import Principal
from donghanh.indicators import service as indicators
from donghanh.indicators.engine import INDICATORS
from donghanh.indicators.periods import parse_period
from donghanh.indicators.service import ALL_DIMENSIONS
from donghanh.org_units import service as org_units
from donghanh.org_units.models import OrgUnit
from donghanh.reports import service as reports
from donghanh.reports.models import ReportAction
from donghanh.reports.schemas import ReportCreate, ReportTransition
from tests.fixtures.indicator_data import Dataset, add_unit, insert, oracle, pilot_2019
from tests.fixtures.world import World

REFORM_EVE, REFORM_DAY = date(2025, 6, 30), date(2025, 7, 1)


async def _reformed_province(session: AsyncSession) -> dict[str, OrgUnit]:
    """Current province T9 (communes C1, C2); before the reform legacy province LT9 with district D1 and
    wards W1, W2 (merged into C1) and W3 (merged into the province as a whole)."""
    p = await add_unit(session, "t9", "Tỉnh Thử Chín", "province", None, valid_from=REFORM_DAY)
    c1 = await add_unit(session, "c1", "Xã Hợp Nhất", "commune", p, valid_from=REFORM_DAY)
    c2 = await add_unit(session, "c2", "Xã Mới Lập", "commune", p, valid_from=REFORM_DAY)
    lp = await add_unit(session, "lt9", "Tỉnh Thử Chín (cũ)", "province", None, valid_to=REFORM_EVE, successor=p)
    d1 = await add_unit(session, "d1", "Huyện Cũ", "district", lp, valid_to=REFORM_EVE, successor=p)
    w1 = await add_unit(session, "w1", "Xã Đông", "commune", d1, valid_to=REFORM_EVE, successor=c1)
    w2 = await add_unit(session, "w2", "Xã Tây", "commune", d1, valid_to=REFORM_EVE, successor=c1)
    w3 = await add_unit(session, "w3", "Xã Bắc", "commune", d1, valid_to=REFORM_EVE, successor=p)
    return {"p": p, "c1": c1, "c2": c2, "lp": lp, "d1": d1, "w1": w1, "w2": w2, "w3": w3}


async def _pilot(session: AsyncSession, world: World) -> tuple[Dataset, dict[str, OrgUnit]]:
    units = await _reformed_province(session)
    data = pilot_2019()
    # Unit 3: the district itself runs a training of its own.
    data.activities.append({"unit": 3, "kind": "training", "on": date(2019, 6, 3), "total": 40, "female": 31})
    await insert(session, data, [units["w1"], units["w2"], units["w3"], units["d1"]],
                 recorded_by=world.user_ids["case_worker"], organisation=world.organisations["legal_aid_hanoi"])
    return data, units


def _nonzero(cells: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in cells.items() if v}


def _assert_equal(engine: dict[str, Any], expected: dict[str, Any], where: str) -> None:
    for code, definition in INDICATORS.items():
        value, breakdown = expected[code]
        assert engine[code].value == value, f"{where} {code}: engine {engine[code].value} ≠ oracle {value}"
        for dim in definition.dimensions:
            got = _nonzero(engine[code].breakdown.get(dim, {}))
            assert got == _nonzero(breakdown.get(dim, {})), f"{where} {code} by {dim}"


@pytest.mark.parametrize("period", ["2019", "2019S1", "2019Q1", "2019Q2", "2019Q4", "2019-04", "2019-11"])
async def test_every_indicator_equals_an_independent_count(session: AsyncSession, world: World,
                                                           period: str) -> None:
    data, units = await _pilot(session, world)
    parsed = parse_period(period)
    dims = tuple(ALL_DIMENSIONS)
    province = await indicators.figures(session, units["p"], parsed, by=dims)
    _assert_equal(province, oracle(data, {0, 1, 2, 3}, parsed), f"province {period}")
    # The current commune that took over W1 and W2 answers for their records too.
    _assert_equal(await indicators.figures(session, units["c1"], parsed, by=dims), oracle(data, {0, 1}, parsed),
                  f"C1 {period}")
    _assert_equal(await indicators.figures(session, units["w3"], parsed, by=dims), oracle(data, {2}, parsed),
                  f"W3 {period}")


async def test_the_pilot_headline_figures(session: AsyncSession, world: World) -> None:
    _, units = await _pilot(session, world)
    year = await indicators.figures(session, units["p"], parse_period("2019"))
    assert year["people_reached"].value == 284
    assert year["people_with_needs"].value == 116
    assert year["people_referred"].value >= 116 / 2
    assert year["referral_rate"].value is not None and year["referral_rate"].value >= 0.5
    # The referral sent at 00:30 on 1 April, Hà Nội time, is counted in the second quarter, not the first.
    q1 = await indicators.figures(session, units["p"], parse_period("2019Q1"), ["people_referred"])
    q2 = await indicators.figures(session, units["p"], parse_period("2019Q2"), ["people_referred"])
    april_first = datetime(2019, 3, 31, 17, 0, tzinfo=UTC)  # 00:00 on 1 April in Hà Nội
    july_first = datetime(2019, 6, 30, 17, 0, tzinfo=UTC)
    sent = pilot_2019().referrals
    in_q1 = {r["person"] for r in sent if r["sent_at"] < april_first}
    in_q2 = {r["person"] for r in sent if april_first <= r["sent_at"] < july_first}
    assert 61 in in_q2 and 61 not in in_q1
    assert (q1["people_referred"].value, q2["people_referred"].value) == (len(in_q1), len(in_q2))


async def test_a_pre_reform_period_reconciles_along_legacy_and_current_units(session: AsyncSession,
                                                                            world: World) -> None:
    data, units = await _pilot(session, world)
    manager = await _manager(session, world, units["p"])
    result = await reports.reconciliation(session, manager, org_unit=units["p"].id, period="2019")
    assert [u.name for u in result.legacy.units] == ["Huyện Cũ"]
    assert sorted(u.name for u in result.current.units) == ["Xã Hợp Nhất", "Xã Mới Lập"]
    assert result.reconciles is True
    expected = oracle(data, {0, 1, 2, 3}, parse_period("2019"))
    for code, total in result.total.items():
        assert total == expected[code][0], code
        assert result.legacy.totals[code] == result.current.totals[code] == total, code
    # W3 went to the province as a whole, and the district's own training belongs to no commune: both are
    # counted as unattributed on the current side, not dropped.
    w3_and_district = oracle(data, {2, 3}, parse_period("2019"))
    assert result.current.unattributed["activities"] == w3_and_district["activities"][0]
    assert result.current.values["activities"][str(units["c1"].id)] == oracle(data, {0, 1}, parse_period("2019"))[
        "activities"][0]


async def test_after_the_reform_the_period_is_refused(session: AsyncSession, world: World) -> None:
    _, units = await _pilot(session, world)
    manager = await _manager(session, world, units["p"])
    with pytest.raises(Unprocessable) as raised:
        await reports.reconciliation(session, manager, org_unit=units["p"].id, period="2025Q3")
    assert raised.value.status == 422


async def _manager(session: AsyncSession, world: World, unit: OrgUnit) -> Principal:
    return Principal.for_user(user_id=world.user_ids["program_manager"], username="ql.thu", full_name="Quản lý thử",
                              role=Role.program_manager, org_unit_id=unit.id,
                              scope_paths=await org_units.scope_paths(session, unit), organisation_id=None,
                              session_id=None)


async def _officer(session: AsyncSession, world: World, unit: OrgUnit) -> Principal:
    return Principal.for_user(user_id=world.user_ids["case_worker"], username="cb.thu", full_name="Cán bộ thử",
                              role=Role.case_worker, org_unit_id=unit.id,
                              scope_paths=await org_units.scope_paths(session, unit), organisation_id=None,
                              session_id=None)


async def test_the_consolidated_report_adds_up_and_catches_later_changes(session: AsyncSession, world: World,
                                                                        settings: Any) -> None:
    data, units = await _pilot(session, world)
    manager = await _manager(session, world, units["p"])
    wards = [units["w1"], units["w2"], units["w3"]]
    for ward in wards:
        officer = await _officer(session, world, ward)
        report = await reports.create(session, officer, settings=settings,
                                      report_in=ReportCreate(org_unit_id=ward.id, period="2019Q4"))
        await reports.transition(session, officer, report.id, if_match=None,
                                 transition_in=ReportTransition(action=ReportAction.submit))
        await reports.transition(session, manager, report.id,
                                 transition_in=ReportTransition(action=ReportAction.approve), if_match=None)
    consolidated = await reports.consolidation(session, manager, org_unit=units["d1"].id, period="2019Q4", k=5)
    assert [u.status for u in consolidated.units] == ["approved"] * 3
    assert consolidated.complete and consolidated.reconciles
    values = {v.code: v for v in consolidated.indicators}
    q4 = parse_period("2019Q4")
    expected = oracle(data, {0, 1, 2}, q4)
    assert values["activities"].consolidated == expected["activities"][0]
    assert values["activities"].difference == 0
    assert values["referral_rate"].consolidated is not None

    # A record entered afterwards: the approved reports stay as they were, the check now shows the gap.
    session.add(Activity(kind="training", title="Nhập muộn", starts_on=date(2019, 11, 20),
                         org_unit_id=units["w2"].id, participants_total=12, participants_female=9))
    await session.flush()
    later = await reports.consolidation(session, manager, org_unit=units["d1"].id, period="2019Q4", k=5)
    values = {v.code: v for v in later.indicators}
    assert later.reconciles is False
    assert values["activities"].consolidated == expected["activities"][0]
    assert values["activities"].difference == 1
    assert values["participants"].difference == 12
