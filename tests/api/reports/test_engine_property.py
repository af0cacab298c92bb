"""Hypothesis-made record sets: the SQL engine agrees with the plain-Python oracle for every indicator,
every breakdown, on a subtree and on a single unit, in any period kind."""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.indicators import service as indicators
from donghanh.indicators.periods import parse_period
from donghanh.indicators.service import ALL_DIMENSIONS
from tests.api.reports.test_pilot_replay import _assert_equal
from tests.fixtures.indicator_data import Dataset, add_unit, insert, oracle
from tests.fixtures.world import World

UNITS = 3  # a province (index 0) and two of its communes
DAY = st.integers(0, 500).map(lambda n: date(2025, 9, 1) + timedelta(days=n))
# Hours are UTC; many moments fall within 90 minutes of midnight in Hà Nội (17:00 UTC) at a month's turn,
# where counting by UTC days would put them in the wrong month.
MONTH_TURN = st.tuples(st.integers(0, 16), st.integers(-90, 90)).map(
    lambda t: datetime(2025 + (9 + t[0]) // 12, (9 + t[0]) % 12 + 1, 1, tzinfo=UTC) - timedelta(hours=7)
    + timedelta(minutes=t[1]))
MOMENT = st.one_of(MONTH_TURN, st.tuples(st.integers(0, 500), st.integers(0, 23)).map(
    lambda t: datetime(2025, 9, 1, tzinfo=UTC) + timedelta(days=t[0], hours=t[1])))
PERSON = st.fixed_dictionaries({
    "sex": st.sampled_from(["female", "male", "other", "unknown"]),
    "group": st.sampled_from(["establishment_worker", "sex_worker", "trafficking_victim", "at_risk"]),
    "birth_year": st.one_of(st.none(), st.integers(1960, 2011)), "unit": st.integers(0, UNITS - 1)})


@st.composite
def datasets(draw: Any) -> Dataset:
    data = Dataset(people=draw(st.lists(PERSON, min_size=1, max_size=12)))
    n = len(data.people)
    person = st.one_of(st.none(), st.integers(0, n - 1))
    data.contacts = draw(st.lists(st.fixed_dictionaries({
        "person": person, "unit": st.integers(0, UNITS - 1), "on": DAY,
        "needs": st.sampled_from([[], ["loan"], ["shelter", "health_check"]])}), max_size=20))
    for _ in range(draw(st.integers(0, 10))):
        sent = draw(st.one_of(st.none(), MOMENT))
        status = "draft" if sent is None else draw(st.sampled_from(
            ["sent", "accepted", "declined", "completed", "not_completed"]))
        closed = sent + timedelta(hours=draw(st.integers(1, 2000))) if status in (
            "declined", "completed", "not_completed") and sent else None
        data.referrals.append({"person": draw(st.integers(0, n - 1)), "unit": draw(st.integers(0, UNITS - 1)),
                               "service": draw(st.sampled_from(["loan", "health_check", "shelter"])),
                               "sent_at": sent, "status": status, "closed_at": closed})
    data.establishments = draw(st.lists(st.fixed_dictionaries({
        "name": st.just("Cơ sở"), "unit": st.integers(0, UNITS - 1),
        "type": st.sampled_from(["karaoke", "massage_sauna", "bar_club"]),
        "status": st.sampled_from(["active", "active", "closed"]), "created_at": MOMENT,
        "commitment_on": st.one_of(st.none(), DAY)}), max_size=6))
    if data.establishments:
        data.inspections = draw(st.lists(st.fixed_dictionaries({
            "establishment": st.integers(0, len(data.establishments) - 1), "on": DAY,
            "violations": st.sampled_from([[], ["no_labour_contract"]])}), max_size=6))
    data.activities = draw(st.lists(st.integers(0, 30).flatmap(lambda total: st.fixed_dictionaries({
        "unit": st.integers(0, UNITS - 1), "kind": st.sampled_from(["training", "group_meeting"]), "on": DAY,
        "total": st.just(total), "female": st.integers(0, total)})), max_size=6))
    for _ in range(draw(st.integers(0, 4))):
        reported = draw(DAY)
        data.victims.append({
            "person": draw(st.integers(0, n - 1)), "unit": draw(st.integers(0, UNITS - 1)), "reported_on": reported,
            "identified_on": draw(st.one_of(st.none(), DAY)),
            "exploitation": draw(st.sampled_from(["sexual", "forced_labour"])),
            "supports": draw(st.lists(st.tuples(DAY, st.integers(0, UNITS - 1)), max_size=3))})
    data.groups = draw(st.lists(st.fixed_dictionaries({
        "unit": st.integers(0, UNITS - 1), "active": st.booleans(), "established_on": st.one_of(st.none(), DAY),
        "members": st.lists(st.tuples(st.sampled_from(["leader", "member"]), st.one_of(st.none(), DAY),
                                      st.one_of(st.none(), DAY)), max_size=4)}), max_size=3))
    data.budget = draw(st.lists(st.fixed_dictionaries({
        "unit": st.integers(0, UNITS - 1), "year": st.sampled_from([2025, 2026]),
        "lines": st.lists(st.tuples(st.sampled_from(["provincial", "central"]),
                                    st.sampled_from(["training", "peer_groups"]), st.integers(0, 10**9),
                                    st.lists(st.tuples(DAY, st.integers(1, 10**8)), max_size=3)), max_size=3)}),
        max_size=2))
    return data


@asynccontextmanager
async def _placed(session: AsyncSession, world: World, data: Dataset) -> AsyncIterator[tuple[Any, list[Any]]]:
    """The data set written on a province (index 0) and two of its communes, rolled back afterwards."""
    savepoint = await session.begin_nested()
    try:
        province = await add_unit(session, "hx", "Tỉnh Giả Định", "province", None)
        communes = [await add_unit(session, f"hx{i}", f"Xã Giả Định {i}", "commune", province) for i in (1, 2)]
        await insert(session, data, [province, *communes], recorded_by=world.user_ids["case_worker"],
                     organisation=world.organisations["legal_aid_hanoi"])
        yield province, communes
    finally:
        await savepoint.rollback()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(data=datasets(), period=st.sampled_from(["2025Q4", "2026-01", "2026S1", "2026", "2025", "2026Q3"]))
async def test_the_engine_agrees_with_the_oracle(session: AsyncSession, world: World, data: Dataset,
                                                 period: str) -> None:
    async with _placed(session, world, data) as (province, communes):
        parsed, dims = parse_period(period), tuple(ALL_DIMENSIONS)
        _assert_equal(await indicators.figures(session, province, parsed, by=dims),
                      oracle(data, {0, 1, 2}, parsed), "province")
        _assert_equal(await indicators.figures(session, communes[0], parsed, by=dims),
                      oracle(data, {1}, parsed), "commune")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(data=datasets(), period=st.sampled_from(["2025Q4", "2026S1", "2026"]))
async def test_several_units_or_periods_at_once_agree_with_the_oracle(session: AsyncSession, world: World,
                                                                      data: Dataset, period: str) -> None:
    """figures_each (a dashboard's table of units, its monthly trend) computes every unit or month in the
    same statements: each must still get exactly its own figures, overlapping subtrees included."""
    async with _placed(session, world, data) as (province, communes):
        parsed, dims = parse_period(period), tuple(ALL_DIMENSIONS)
        units = [(province, {0, 1, 2}), (communes[0], {1}), (communes[1], {2})]
        each = await indicators.figures_each(session, [(unit, parsed) for unit, _ in units], by=dims)
        for (unit, indexes), figures in zip(units, each, strict=True):
            _assert_equal(figures, oracle(data, indexes, parsed), unit.code)
        months = parsed.months()
        each = await indicators.figures_each(session, [(communes[0], month) for month in months], by=dims)
        for month, figures in zip(months, each, strict=True):
            _assert_equal(figures, oracle(data, {1}, month), month.code)
