from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row, Select, Text, Uuid, any_, bindparam, case, cast, func, literal_column, select
from sqlalchemy.dialects.postgresql import ARRAY, aggregate_order_by

from donghanh.clients.models import Client
from donghanh.core import dates
from donghanh.core.pagination import SortKey, as_dicts
from donghanh.core.repository import Filters, ScopedRepository, looked_up
from donghanh.core.scoping import visible
from donghanh.referrals import policy as _policy  # noqa: F401  (scope rules ride with the repository)
from donghanh.referrals.models import Referral, ReferralEvent, ReferralStatus
from donghanh.referrals.schemas import HistoryEntry, ReferralFilter, ReferralRead

SORT_KEYS = [SortKey(Referral.created_at, "created_at", descending=True), SortKey(Referral.id, "id", descending=True)]
OPEN = (ReferralStatus.sent.value, ReferralStatus.accepted.value)
# The steps of a page of referrals, as HistoryEntry reads them (built once: lists run it on every page).
# PostgreSQL takes the page's ids as one array (`= ANY($1)`): an expanding IN is re-rendered with 50
# parameters on every page; SQLite has no arrays.
_HISTORY_COLUMNS = select(ReferralEvent.referral_id,
                          *(ReferralEvent.__table__.c[name] for name in HistoryEntry.model_fields)
                          ).order_by(ReferralEvent.at, ReferralEvent.id)
_HISTORY = {
    "postgresql": _HISTORY_COLUMNS.where(ReferralEvent.referral_id == any_(bindparam("ids", type_=ARRAY(Uuid)))),
    "sqlite": _HISTORY_COLUMNS.where(ReferralEvent.referral_id.in_(bindparam("ids", expanding=True))),
}


def _as_json_time(column: Any) -> Any:
    """A UTC timestamp as the API writes it everywhere (orjson, OPT_UTC_Z): 2026-11-22T13:55:35Z, with six
    digits of microseconds only when there are any."""
    whole_second = func.date_trunc(literal_column("'second'"), column) == column
    return func.to_char(func.timezone(literal_column("'UTC'"), column), case(
        (whole_second, literal_column("""'YYYY-MM-DD"T"HH24:MI:SS"Z"'""")),
        else_=literal_column("""'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'""")))


def _history_json() -> Any:
    """PostgreSQL: each listed referral's steps as the JSON text of list[HistoryEntry], written by the database
    in the page's own statement. Reading ~165 steps a page as rows, grouping them and writing them out again
    was over a third of a referrals page's instructions, and their statement a round trip of its own.
    Written piece by piece (to_json escapes each value) rather than by json_build_object, which puts spaces
    around every colon and comma: the answer stays as compact as the rest of it."""
    e = ReferralEvent.__table__.c
    pieces: list[Any] = []
    for i, name in enumerate(HistoryEntry.model_fields):
        value = _as_json_time(e[name]) if name == "at" else e[name]
        pieces += [literal_column(f"""'{"{" if i == 0 else ","}"{name}":'"""),
                   func.coalesce(cast(func.to_json(value), Text), literal_column("'null'"))]
    entry = func.concat(*pieces, literal_column("'}'"))
    steps = func.string_agg(entry, aggregate_order_by(literal_column("','"), e.at, e.id))  # (PostgreSQL's form)
    # (concat skips a NULL: no steps make "[]")
    return select(func.concat(literal_column("'['"), steps, literal_column("']'"))).where(
        e.referral_id == Referral.id).scalar_subquery().label("history")


class ReferralRepository(ScopedRepository[Referral]):
    model = Referral
    not_found_detail = "No such referral."

    async def list(  # noqa: A003
        self, flt: ReferralFilter, unit_paths: tuple[str, ...] | None, cursor: str | None, limit: int
    ) -> tuple[list[Row[Any]], str | None]:
        """Rows as ReferralRead reads them; a client's code shows only where the caller sees the client."""
        r = Referral
        f = Filters()
        f.value("status", flt.status, lambda v: r.status == v)
        if flt.overdue is not None:
            f.value("today", dates.today(), lambda today: r.status.in_(OPEN) & (r.follow_up_due_on < today)
                    if flt.overdue else ~(r.status.in_(OPEN) & (r.follow_up_due_on < today)), choice=flt.overdue)
        f.value("client", flt.client, lambda v: r.client_id == v)
        f.value("to_organisation", flt.to_organisation, lambda v: r.to_organisation_id == v)
        f.value("service_type", flt.service_type, lambda v: r.service_type == v)

        def view() -> Select[Any]:
            # PostgreSQL builds each referral's history in the page's statement (as JSON text); on SQLite the
            # service reads it with `history` below.
            postgresql = self.session.get_bind().dialect.name == "postgresql"
            return self.select(*self.read_columns(ReferralRead), looked_up(
                Client.code, Client.id == r.client_id, visible(Client, self.principal)).label("client_code"),
                *([_history_json()] if postgresql else []), within=unit_paths)

        return await self.page_rows(("view", unit_paths), view, f, SORT_KEYS, "-created_at", cursor, limit)

    async def history(self, referral_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[dict[str, Any]]]:
        """History of referrals already fetched through scope (so not re-scoped here), as HistoryEntry reads
        each step."""
        if not referral_ids:
            return {}
        connection = await self.session.connection()  # plain rows: nothing for the ORM to build
        out: dict[uuid.UUID, list[dict[str, Any]]] = {}
        rows = (await connection.execute(_HISTORY[connection.dialect.name], {"ids": referral_ids})).all()
        for entry in as_dicts(rows):
            out.setdefault(entry.pop("referral_id"), []).append(entry)
        return out
