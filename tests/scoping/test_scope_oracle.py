"""Collections, objects and exports against an independent SQL oracle of each caller's scope.

The oracle reads the tables with plain SQL and applies PRODUCT.md §1 in Python: a unit's subtree is every
unit whose path starts with its path, plus the pre-2025 units merged into it (successor links, followed to a
fixpoint) and everything below those; program managers and case workers see their subtree; a peer educator
the clients she reached and the contacts, referrals and activities she recorded; a provider the referrals
sent to her organisation; an inspector establishments; a finance officer plans, expenditures and activities.
Each collection is walked page by page and must equal the oracle's set; every row of the table is then read
by id and answers 200 exactly when the oracle lets the caller see it (404 otherwise, never 403); each export
holds exactly the oracle's number of rows."""
from __future__ import annotations

import csv
import io
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from tests.fixtures.figures import record
from tests.fixtures.objects import make_objects
from tests.fixtures.world import ACCOUNTS, World

Row = dict[str, Any]


@dataclass(frozen=True)
class Caller:
    user_id: uuid.UUID
    role: str
    organisation_id: uuid.UUID | None
    in_scope: Callable[[Any], bool]


@dataclass(frozen=True)
class Collection:
    table: str
    url: str
    export: str | None
    rule: Callable[[Caller, Row, Facts], bool]


@dataclass(frozen=True)
class Facts:
    reached: dict[uuid.UUID, set[uuid.UUID]]  # user → clients with a contact she recorded
    groups: dict[uuid.UUID, set[uuid.UUID]]  # user → peer groups she belongs to (not left)


def _scoped(*roles: str) -> Callable[[Caller, Row, Facts], bool]:
    return lambda caller, row, _: caller.role in roles and caller.in_scope(row["org_unit_id"])


def _mine(column: str) -> Callable[[Caller, Row, Facts], bool]:
    return lambda caller, row, _: caller.role == "peer_educator" and row[column] == caller.user_id


def _any(*rules: Callable[[Caller, Row, Facts], bool]) -> Callable[[Caller, Row, Facts], bool]:
    return lambda caller, row, facts: any(rule(caller, row, facts) for rule in rules)


COLLECTIONS = [
    Collection("establishment", "/api/v1/establishments", "establishments",
               _scoped("program_manager", "case_worker", "peer_educator", "inspector")),
    Collection("client", "/api/v1/clients", "clients", _any(
        _scoped("program_manager", "case_worker"), _mine("created_by"),
        lambda c, row, facts: c.role == "peer_educator" and row["id"] in facts.reached.get(c.user_id, set()))),
    Collection("outreach_contact", "/api/v1/contacts", "contacts",
               _any(_scoped("program_manager", "case_worker"), _mine("recorded_by"))),
    Collection("referral", "/api/v1/referrals", "referrals", _any(
        _scoped("program_manager", "case_worker"), _mine("created_by"),
        lambda c, row, _: c.role == "service_provider" and row["to_organisation_id"] == c.organisation_id
        and row["status"] != "draft")),
    Collection("activity", "/api/v1/activities", "activities", _any(
        _scoped("program_manager", "case_worker", "finance_officer"), _mine("created_by"),
        lambda c, row, facts: c.role == "peer_educator"
        and row["peer_group_id"] in facts.groups.get(c.user_id, set()))),
    Collection("victim_case", "/api/v1/victim-cases", None, _scoped("program_manager", "case_worker")),
    Collection("plan", "/api/v1/plans", None, _scoped("program_manager", "finance_officer")),
    Collection("expenditure", "/api/v1/expenditures", "expenditures", _scoped("program_manager", "finance_officer")),
    Collection("peer_group", "/api/v1/peer-groups", "peer-groups", _any(
        _scoped("program_manager", "case_worker"),
        lambda c, row, facts: c.role == "peer_educator" and row["id"] in facts.groups.get(c.user_id, set()))),
]


async def _rows(session: AsyncSession, sql: str, **params: Any) -> list[Row]:
    return [dict(row) for row in (await session.execute(text(sql), params)).mappings()]


def _uuid(value: Any) -> Any:
    if isinstance(value, str) and len(value) in (32, 36):
        try:
            return uuid.UUID(value)
        except ValueError:
            return value
    return value


async def _table(session: AsyncSession, table: str) -> list[Row]:
    return [{k: _uuid(v) for k, v in row.items()} for row in await _rows(session, f"SELECT * FROM {table}")]


async def _caller(session: AsyncSession, world: World, account: str) -> Caller:
    units = await _table(session, "org_unit")
    root = ACCOUNTS[account][1]
    inside = {u["id"] for u in units if u["path"].startswith(root)}
    while True:  # units merged into the subtree in the 2025 reform, and units merged into those
        merged = {u["id"] for u in units if u["successor_id"] in inside} - inside
        if not merged:
            break
        inside |= merged
    prefixes = tuple(u["path"] for u in units if u["id"] in inside)
    visible = {u["id"] for u in units if u["path"].startswith(prefixes)}
    user = (await _table(session, "user_account"))
    me = next(u for u in user if u["id"] == world.user_ids[account])
    return Caller(me["id"], me["role"], me["organisation_id"], lambda unit_id: unit_id in visible)


async def _facts(session: AsyncSession) -> Facts:
    reached: dict[uuid.UUID, set[uuid.UUID]] = {}
    for row in await _table(session, "outreach_contact"):
        if row["client_id"] is not None:
            reached.setdefault(row["recorded_by"], set()).add(row["client_id"])
    groups: dict[uuid.UUID, set[uuid.UUID]] = {}
    for row in await _table(session, "peer_group_member"):
        if row["user_id"] is not None and row["left_on"] is None:
            groups.setdefault(row["user_id"], set()).add(row["peer_group_id"])
    return Facts(reached, groups)


async def _walk(client: httpx.AsyncClient, url: str, headers: dict[str, str]) -> set[uuid.UUID] | int:
    """Every id the collection lists, page by page; or the refusal status."""
    seen: set[uuid.UUID] = set()
    params: dict[str, Any] = {"limit": 7}  # small pages, so the cursor is followed too
    while True:
        response = await client.get(url, params=params, headers=headers)
        if response.status_code != 200:
            return response.status_code
        page = response.json()
        seen |= {uuid.UUID(item["id"]) for item in page["items"]}
        if not page.get("next_cursor"):
            return seen
        params["cursor"] = page["next_cursor"]


async def _more_objects(client: httpx.AsyncClient, world: World) -> None:
    """Objects outside Hà Nội too, so the oracle has something to refuse in every table."""
    hcm = world.auth("program_manager_hcm")
    for url, body in [
        ("/api/v1/victim-cases/intake", {"reported_on": "2026-11-01", "org_unit_id": str(world.units["ben_thanh"].id),
                                         "sex": "female", "birth_year": 2001, "exploitation": "forced_labour"}),
        ("/api/v1/plans", {"org_unit_id": str(world.units["hcm"].id), "year": 2026, "number": "12/KH-UBND",
                           "title": "Kế hoạch TP.HCM 2026", "issued_on": "2026-02-01"}),
    ]:
        response = await client.post(url, json=body, headers=hcm)
        assert response.status_code == 201, response.text


@pytest.mark.parametrize("account", list(ACCOUNTS))
async def test_every_collection_object_and_export_matches_the_oracle(
    client: httpx.AsyncClient, session: AsyncSession, world: World, account: str
) -> None:
    await make_objects(client, session, world)
    await _more_objects(client, world)
    caller, facts = await _caller(session, world, account), await _facts(session)
    headers = world.auth(account)
    cells = leaks = 0
    for collection in COLLECTIONS:
        rows = await _table(session, collection.table)
        expected = {row["id"] for row in rows if collection.rule(caller, row, facts)}
        listed = await _walk(client, collection.url, headers)
        if isinstance(listed, int):  # the role may not list this at all: then it may see none of it
            assert listed in (403, 404) and expected == set(), (collection.table, listed, len(expected))
            listed = set()
        assert listed == expected, (collection.table, listed ^ expected)
        for row in rows:
            response = await client.get(f"{collection.url}/{row['id']}", headers=headers)
            should = row["id"] in expected
            assert response.status_code in ((200,) if should else (403, 404)), (collection.table, response.text)
            if not should:
                assert str(row["id"]) not in response.text
            leaks += response.status_code == 200 and not should
        if collection.export:
            response = await client.get(f"/api/v1/exports/{collection.export}.csv", headers=headers)
            if response.status_code == 200:
                data = list(csv.reader(io.StringIO(response.text.lstrip("\ufeff"))))[1:]
                assert len(data) == len(expected), (collection.export, len(data), len(expected))
            else:
                assert response.status_code in (403, 404) and expected == set()
        cells += len(rows) + 1 + bool(collection.export)
    record("scope_oracle", account=account, cells=cells, leaks=leaks)
