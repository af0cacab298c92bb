"""Exports of the lists a caller can see, with the list's own filters, as CSV or XLSX — streamed page by page
through each domain's list service, so scoping, protected-field rules and read audits are the list's own.
Columns are the import columns (an export can be edited and imported back), labels in the caller's language."""
from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from donghanh.activities import service as activities
from donghanh.activities.schemas import ActivityFilter
from donghanh.clients import service as clients
from donghanh.clients.schemas import ClientFilter
from donghanh.contacts import service as contacts
from donghanh.contacts.schemas import ContactFilter
from donghanh.core import audit
from donghanh.core.permissions import Permission
from donghanh.core.principal import Principal
from donghanh.establishments import service as establishments
from donghanh.establishments.schemas import EstablishmentFilter
from donghanh.imports import cells
from donghanh.imports.resources import RESOURCES
from donghanh.imports.specs import SYSTEM_ID, Column
from donghanh.org_units.models import OrgUnit
from donghanh.organisations.models import Organisation
from donghanh.peer_groups import service as peer_groups
from donghanh.peer_groups.schemas import PeerGroupFilter
from donghanh.plans import service as plans
from donghanh.plans.schemas import ExpenditureFilter
from donghanh.referrals import service as referrals
from donghanh.referrals.schemas import ReferralFilter

PAGE = 500
Fetch = Callable[[AsyncSession, Principal, Any, str | None, int], Awaitable[Any]]
Stream = Callable[[async_sessionmaker[AsyncSession], Principal, Any, int], AsyncIterator[list[Any]]]
PROTECTED = ("full_name", "phone", "id_number", "notes")


@dataclass(frozen=True)
class ExportSpec:
    name: str
    filter_schema: type[BaseModel]
    fetch: Fetch
    # Reference columns shown by a display field the read schema already carries.
    display: dict[str, str]
    skip: frozenset[str] = frozenset()
    protected: frozenset[str] = frozenset()  # columns only for roles with clients:identify
    # The whole list from one statement, where the list offers it (its largest tables); pages otherwise.
    stream: Stream | None = None

    @property
    def import_spec(self) -> Any:
        return RESOURCES[self.name]

    def columns(self, principal: Principal) -> list[Column]:
        identify = principal.can(Permission.clients_identify)
        chosen = [SYSTEM_ID]
        for column in self.import_spec.columns:
            if column.key in self.skip or (column.key in self.protected and not identify):
                continue
            chosen.append(column)
        return chosen


async def _expenditures(session: AsyncSession, principal: Principal, flt: Any, cursor: str | None,
                        limit: int) -> Any:
    return await plans.list_expenditures(session, principal, flt, cursor, limit)


EXPORTS: dict[str, ExportSpec] = {e.name: e for e in (
    ExportSpec("establishments", EstablishmentFilter, establishments.list, {"org_unit": "org_unit_name"}),
    ExportSpec("clients", ClientFilter, clients.list_identified, {"org_unit": "org_unit_name"},
               skip=frozenset({"allow_duplicate"}), protected=frozenset(PROTECTED)),
    ExportSpec("contacts", ContactFilter, contacts.list,
               {"establishment": "establishment_name", "peer_group": "peer_group_name", "client": "client_code"},
               stream=contacts.stream),
    ExportSpec("referrals", ReferralFilter, referrals.list, {"client": "client_code"}),
    ExportSpec("peer-groups", PeerGroupFilter, peer_groups.list, {}),
    ExportSpec("activities", ActivityFilter, activities.list, {}),
    ExportSpec("expenditures", ExpenditureFilter, _expenditures, {"budget_line": "budget_line_id"},
               skip=frozenset({"plan", "plan_year"})),
)}


class Names:
    """Display names of public reference data (units, organisations) met in a page, fetched once each."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self.cache: dict[Any, str] = {}

    async def load(self, model: Any, ids: set[Any]) -> None:
        wanted = {i for i in ids if i is not None and i not in self.cache}
        if wanted:
            rows = await self.session.execute(select(model.id, model.name).where(model.id.in_(wanted)))
            self.cache.update({row.id: row.name for row in rows})

    async def load_for(self, items: list[dict[str, Any]]) -> None:
        """The names a page of items refers to: their units and organisations."""
        await self.load(OrgUnit, {i.get("org_unit_id") for i in items})
        await self.load(Organisation, {i.get(f) for i in items
                                       for f in ("to_organisation_id", "from_organisation_id", "organiser_id")})


Cell = Callable[[dict[str, Any]], Any]


def _fields(item: Any) -> dict[str, Any]:
    """A listed item's fields: the main lists' pages hold dicts (RowPage), the others schema instances."""
    return item if isinstance(item, dict) else item.__dict__


def _enum_value(value: Any) -> Any:
    return getattr(value, "value", value)


def _cell(export: ExportSpec, column: Column, names: Names, language: str, dates_as_text: bool) -> Cell:
    """What one column writes for an item (its fields), worked out once per export rather than for each of its
    cells (a province's contacts are 3.2 million cells). Dates stay dates for XLSX, which formats them."""
    key = column.key
    if key == "id":
        return lambda item: str(item.get("id"))
    if column.kind == "ref":
        if key in export.display:
            display = export.display[key]

            def shown(item: dict[str, Any]) -> Any:
                value = item.get(display)
                if value is None and key == "client" and item.get("client") is not None:
                    value = item["client"].code  # a provider's view of a referral
                return str(value) if value is not None else None

            return shown
        cache, target = names.cache, column.target
        return lambda item: (cache.get(ref, str(ref)) if (ref := item.get(target)) is not None else None)
    if key.startswith("materials_"):
        kind = key.removeprefix("materials_")  # keys are Material (a StrEnum) or its text: either finds it
        return lambda item: (item.get("materials") or {}).get(kind)
    enum = "referralStatus" if key == "status" and export.name == "referrals" else (
        column.enum or "" if column.kind in ("enum", "enum_list") else None)
    if enum is not None:
        labels = cells.labels(enum, language)

        def label(value: Any) -> Any:
            found = labels.get(value)  # a StrEnum member finds its code's label
            return found if found is not None else str(_enum_value(value))

        if column.kind == "enum_list":
            return lambda item: None if (v := item.get(key)) is None else "; ".join(
                "" if x is None else label(x) for x in v)
        return lambda item: None if (v := item.get(key)) is None else label(v)
    if column.kind == "bool":
        yes, no = ("có", "không") if language == "vi" else ("yes", "no")
        return lambda item: None if (v := item.get(key)) is None else (yes if v else no)
    if dates_as_text:
        return lambda item: v.isoformat() if isinstance(v := item.get(key), date) else _enum_value(v)
    return lambda item: _enum_value(item.get(key))


async def _items(session: AsyncSession, maker: async_sessionmaker[AsyncSession], principal: Principal,
                 export: ExportSpec, flt: Any) -> AsyncIterator[list[Any]]:
    """The list's items, PAGE at a time: streamed from one statement where the list offers it and the
    database is PostgreSQL, else page by page through the list service with its cursors, each page's read
    audits committed before the next is read. `session` is the export's own (the names it looks up)."""
    if export.stream is not None and maker.kw["bind"].dialect.name != "sqlite":
        async for items in export.stream(maker, principal, flt, PAGE):
            yield items
            await session.commit()  # the names' reads: no transaction left open for the stream's length
        return
    cursor: str | None = None
    while True:
        page = await export.fetch(session, principal, flt, cursor, PAGE)
        yield page.items
        await session.commit()  # the list's own read audits
        session.expunge_all()
        if not page.next_cursor:
            break
        cursor = page.next_cursor


async def _pages(maker: async_sessionmaker[AsyncSession], principal: Principal, export: ExportSpec, flt: Any,
                 columns: list[Column], language: str, dates_as_text: bool) -> AsyncIterator[list[list[Any]]]:
    async with maker() as session:
        names = Names(session)
        row_cells = [_cell(export, c, names, language, dates_as_text) for c in columns]
        async for items in _items(session, maker, principal, export, flt):
            fields = [_fields(item) for item in items]
            await names.load_for(fields)
            yield [[cell(item) for cell in row_cells] for item in fields]


def headers(columns: list[Column], language: str) -> list[str]:
    return [c.vi if language == "vi" else c.en for c in columns]


async def csv_stream(maker: async_sessionmaker[AsyncSession], principal: Principal, export: ExportSpec, flt: Any,
                     language: str) -> AsyncIterator[bytes]:
    columns = export.columns(principal)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers(columns, language))
    yield ("\ufeff" + buffer.getvalue()).encode()  # the BOM tells Excel the file is UTF-8
    async for rows in _pages(maker, principal, export, flt, columns, language, dates_as_text=True):
        buffer.seek(0)
        buffer.truncate()
        writer.writerows(rows)
        yield buffer.getvalue().encode()


async def xlsx_stream(maker: async_sessionmaker[AsyncSession], principal: Principal, export: ExportSpec, flt: Any,
                      language: str) -> AsyncIterator[bytes]:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    columns = export.columns(principal)
    book = Workbook(write_only=True)
    sheet = book.create_sheet(export.import_spec.title_vi[:31] if language == "vi" else export.import_spec.title_en)
    header = []
    for text in headers(columns, language):
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    date_columns = {i for i, c in enumerate(columns) if c.kind == "date"}
    async for rows in _pages(maker, principal, export, flt, columns, language, dates_as_text=False):
        for row in rows:
            out = []
            for index, value in enumerate(row):
                cell = WriteOnlyCell(sheet, value=value)
                if index in date_columns and value is not None:
                    cell.number_format = "DD/MM/YYYY"
                out.append(cell)
            sheet.append(out)
    with tempfile.TemporaryFile() as spool:
        book.save(spool)
        spool.seek(0)
        while chunk := spool.read(256 * 1024):
            yield chunk


async def record(session: AsyncSession, principal: Principal, export: ExportSpec, fmt: str) -> None:
    fields = [c.key for c in export.columns(principal)]
    await audit.record(session, principal, "export_" + fmt, export.import_spec.model.__tablename__, None,
                       fields=fields, org_unit_id=principal.org_unit_id)
