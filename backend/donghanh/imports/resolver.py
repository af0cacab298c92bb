"""Turning the names people write in a register into ids, within the caller's scope, with caches so a
200,000-row file asks the database once per distinct name."""
from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.activities.models import Activity
from donghanh.clients.models import Client
from donghanh.core.principal import Principal
from donghanh.core.text import fold, like_escape
from donghanh.establishments.models import Establishment
from donghanh.imports.cells import CellError
from donghanh.imports.messages import Language
from donghanh.imports.repository import Lookup
from donghanh.org_units import service as org_units
from donghanh.organisations.models import Organisation
from donghanh.peer_groups.models import PeerGroup
from donghanh.plans.models import BudgetLine, Plan

_CACHE_LIMIT = 20_000
_WHAT = {
    "establishment": ("cơ sở", "establishment"), "peer_group": ("nhóm", "peer group"),
    "organisation": ("tổ chức", "organisation"), "client": ("người được hỗ trợ", "client"),
    "plan": ("kế hoạch", "plan"), "budget_line": ("dòng dự toán", "budget line"),
    "activity": ("hoạt động", "activity"),
}


def _as_uuid(text: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(text)
    except ValueError:
        return None


class Resolver:
    def __init__(self, session: AsyncSession, principal: Principal, language: Language) -> None:
        self.session = session
        self.principal = principal
        self.language = language
        self._cache: dict[tuple[str, str], Any] = {}
        # The units a file names, held so the session's (weak) identity map keeps them between rows.
        self.pinned: list[Any] = []

    def what(self, kind: str) -> str:
        vi, en = _WHAT[kind]
        return vi if self.language == "vi" else en

    def _unknown(self, kind: str, value: str) -> CellError:
        return CellError("ref_unknown", what=self.what(kind), value=value)

    def _ambiguous(self, kind: str, value: str, candidates: list[str]) -> CellError:
        return CellError("ref_ambiguous", what=self.what(kind), value=value, candidates="; ".join(candidates[:8]))

    async def _cached(self, kind: str, value: str, find: Any) -> Any:
        key = (kind, value)
        if key not in self._cache:
            if len(self._cache) > _CACHE_LIMIT:
                self._cache.clear()
            try:
                self._cache[key] = await find()
            except CellError as exc:
                self._cache[key] = exc
        found = self._cache[key]
        if isinstance(found, CellError):
            raise found
        return found

    def lookup(self, model: type) -> Lookup:
        return Lookup(self.session, self.principal, model)

    # --- references ---------------------------------------------------------------------------

    async def unit(self, value: Any) -> uuid.UUID:
        text = str(value).strip()

        async def find() -> uuid.UUID:
            units = await org_units.match_in_scope(self.session, self.principal, text)
            if not units:
                raise CellError("unit_unknown", value=text)
            if len(units) > 1:
                raise CellError("unit_ambiguous", value=text,
                                candidates="; ".join(f"{u.name} ({u.code})" for u in units[:8]))
            self.pinned.append(units[0])
            return units[0].id

        return await self._cached("unit", text, find)

    async def establishment(self, value: Any) -> uuid.UUID:
        text = str(value).strip()

        async def find() -> uuid.UUID:
            e = Establishment
            found = await self.lookup(e).where(e.external_id == text)
            if not found:
                folded = fold(text)
                found = await self.lookup(e).where(or_(
                    e.search_text == folded, e.search_text.like(like_escape(folded) + " | %", escape="\\")))
                if not found and (as_id := _as_uuid(text)):
                    found = await self.lookup(e).where(e.id == as_id)
            return self._one("establishment", text, found, lambda x: f"{x.name} — {x.address or ''}".strip(" —"))

        return await self._cached("establishment", text, find)

    async def peer_group(self, value: Any) -> uuid.UUID:
        text = str(value).strip()

        async def find() -> uuid.UUID:
            g = PeerGroup
            found = await self.lookup(g).where(g.external_id == text) or await self.lookup(g).where(
                g.name_search == fold(text))
            return self._one("peer_group", text, found, lambda x: x.name)

        return await self._cached("peer_group", text, find)

    async def client(self, value: Any) -> uuid.UUID:
        """A client by the code on their card (DH-XXXX-XXXX) or by external_id."""
        text = str(value).strip()

        async def find() -> uuid.UUID:
            c = Client
            found = await self.lookup(c).where(or_(c.code == text.upper(), c.external_id == text))
            return self._one("client", text, found, lambda x: x.code)

        return await self._cached("client", text, find)

    async def organisation(self, value: Any) -> uuid.UUID:
        text = str(value).strip()

        async def find() -> uuid.UUID:
            o = Organisation
            clauses = [o.name_search == fold(text)]
            if as_id := _as_uuid(text):
                clauses.append(o.id == as_id)
            stmt = select(o).where(or_(*clauses)).limit(10)
            found = list((await self.session.execute(stmt)).scalars().all())
            return self._one("organisation", text, found, lambda x: x.name)

        return await self._cached("organisation", text, find)

    async def plan(self, number: Any, year: int | None) -> uuid.UUID:
        text = str(number).strip()

        async def find() -> uuid.UUID:
            p = Plan
            clauses = [p.number == text] + ([p.year == year] if year else [])
            found = await self.lookup(p).where(*clauses)
            return self._one("plan", text, found, lambda x: f"{x.number} ({x.year})")

        return await self._cached("plan", f"{text}\x00{year}", find)

    async def budget_line(self, plan_id: uuid.UUID, code: Any) -> uuid.UUID:
        text = str(code).strip()

        async def find() -> uuid.UUID:
            b = BudgetLine
            found = await self.lookup(b).where(b.plan_id == plan_id, b.code == text)
            return self._one("budget_line", text, found, lambda x: x.code)

        return await self._cached("budget_line", f"{plan_id}\x00{text}", find)

    async def activity(self, value: Any) -> uuid.UUID:
        text = str(value).strip()

        async def find() -> uuid.UUID:
            a = Activity
            found = await self.lookup(a).where(a.external_id == text)
            if not found and (as_id := _as_uuid(text)):
                found = await self.lookup(a).where(a.id == as_id)
            return self._one("activity", text, found, lambda x: x.title)

        return await self._cached("activity", text, find)

    def _one(self, kind: str, text: str, found: list[Any], describe: Any) -> uuid.UUID:
        if not found:
            raise self._unknown(kind, text)
        if len(found) > 1:
            raise self._ambiguous(kind, text, [describe(x) for x in found])
        return found[0].id
