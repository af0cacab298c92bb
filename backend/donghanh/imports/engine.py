"""One import run: read the file in chunks, resolve and validate every row, and write them through their
domain's service — a chunk's new records in one call where the service has a bulk path, one call a row
otherwise. When a chunk fails, it is replayed row by row, each in a savepoint, so a bad row is reported
(row, column, reason) and skipped while the rest are still checked. The run as a whole sits in one outer
savepoint: a dry run, or any row in error, rolls every row back — all rows or none."""
from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from itertools import islice
from typing import IO, Any

from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.core import audit, collector
from donghanh.core.errors import AppError
from donghanh.core.principal import Principal
from donghanh.imports import cells
from donghanh.imports.cells import CellError
from donghanh.imports.messages import Language, from_pydantic, say, translate
from donghanh.imports.parsing import read_table
from donghanh.imports.resolver import Resolver
from donghanh.imports.specs import SYSTEM_ID, Column, ResourceSpec, Row

log = logging.getLogger("donghanh.imports")

CHUNK_ROWS = 500
_BY_ID = "\x00id:"  # existing records found by their system id, beside those found by external_id
MAX_REPORTED_ERRORS = 1000

Progress = Callable[[int], Any]
class _Isolate(Exception):  # noqa: N818
    """A row failed while written without its own savepoint: replay its chunk row by row."""


@dataclass
class Outcome:
    resource: str
    dry_run: bool
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    errors_total: int = 0
    committed: bool = False
    seconds: float = 0.0

    def add_error(self, row: int, column: str, message: str) -> None:
        self.errors_total += 1
        if len(self.errors) < MAX_REPORTED_ERRORS:
            self.errors.append({"row": row, "column": column, "message": message})

    def as_dict(self) -> dict[str, Any]:
        return {"resource": self.resource, "dry_run": self.dry_run, "committed": self.committed, "rows": self.rows,
                "created": self.created, "updated": self.updated, "unchanged": self.unchanged,
                "errors": self.errors, "errors_total": self.errors_total}


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _decimal(value: Any) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    raw = str(value).strip().replace(",", ".")
    if re.fullmatch(r"[+-]?\d+(\.\d+)?", raw):
        return float(raw)
    raise CellError("not_a_number", value=str(value).strip())


# Kinds whose cells repeat down a register (a code list's labels, yes/no, dates) and cost a fold or a regex
# each: converted once per distinct text.
_REMEMBERED_KINDS = frozenset({"date", "bool", "enum", "enum_list"})
_REMEMBERED_LIMIT = 20_000


def convert(column: Column, value: Any) -> Any:
    if isinstance(value, str) and "\x00" in value:
        raise CellError("nul_character")
    kind = column.kind
    if kind == "date":
        return cells.as_date(value)
    if kind == "int":
        return cells.as_int(value)
    if kind == "money":
        return cells.as_money(value)
    if kind == "decimal":
        return _decimal(value)
    if kind == "bool":
        return cells.as_bool(value)
    if kind == "enum":
        return cells.as_code(value, column.enum or "")
    if kind == "enum_list":
        return cells.as_codes(value, column.enum or "")
    if kind == "phone":
        return cells.phone(value)
    if kind == "id_number":
        return cells.id_number(value)
    return cells.text(value)


class ImportRun:
    def __init__(self, session: AsyncSession, principal: Principal, spec: ResourceSpec, *, language: Language,
                 dry_run: bool, progress: Progress | None = None, filename: str | None = None) -> None:
        self.session = session
        self.principal = principal
        self.spec = spec
        self.language = language
        self.dry_run = dry_run
        self.progress = progress
        self.filename = filename
        self.outcome = Outcome(resource=spec.name, dry_run=dry_run)
        self.resolver = Resolver(session, principal, language)
        self.headers: dict[str, str] = {}  # column key → header as written in the file
        # unit → key → the row that named it first. By unit, not by (unit, key): a million-row register keeps
        # a key a row for the whole run, and a tuple each would add ~50 MB.
        self.seen: dict[Any, dict[str, int]] = {}
        self.chunk_keys: list[tuple[Any, str]] = []
        self.new_records: list[Any] = []  # the chunk's validated new records, for the spec's create_many
        self.checked: dict[Any, Any] = {}  # create_many's answers to its checks, kept from chunk to chunk
        self.columns: dict[str, Column | None] = {}  # column key → its column (spec.column_for, remembered)
        self.required = [column.key for column in spec.columns if column.required]
        self.converted: dict[tuple[str, str], tuple[bool, Any]] = {}  # (column, text) → (ok, value or error)

    # --- errors ----------------------------------------------------------------------------------

    def _column_header(self, key: str) -> str:
        if key in self.headers:
            return self.headers[key]
        column = self.spec.column_for(key)
        if column is None:
            return ""
        return self.headers.get(column.key) or (column.vi if self.language == "vi" else column.en)

    def _error(self, row: int, key: str, message: str) -> None:
        self.outcome.add_error(row, self._column_header(key) if key else "", message)

    def _cell_message(self, exc: CellError) -> str:
        return say(self.language, exc.key, **exc.params)

    def _field_of(self, loc: list[Any] | tuple[Any, ...]) -> str:
        parts = [str(p) for p in loc if p not in ("body",) and not isinstance(p, int)]
        if len(parts) >= 2 and parts[0] == "materials":
            return "materials_" + parts[1]
        return parts[0] if parts else ""

    def _app_error(self, row: Row, exc: AppError) -> None:
        codes = ", ".join(c.get("code", "") for c in exc.extra.get("candidates", []))
        errors = exc.errors or [{"loc": [], "msg": exc.detail}]
        for error in errors:
            # A single error's detail usually says more than its short msg ("The line has 1.500.000 VND left…").
            text = exc.detail if len(errors) == 1 and exc.detail != exc.title else str(error.get("msg"))
            self._error(row.number, self._field_of(error.get("loc", [])),
                        translate(self.language, text, codes=codes))

    def _validation_error(self, row: Row, exc: ValidationError) -> None:
        for error in exc.errors():
            self._error(row.number, self._field_of(error.get("loc", ())), from_pydantic(self.language, dict(error)))

    # --- rows ------------------------------------------------------------------------------------

    async def _prepare(self, number: int, raw: dict[str, Any]) -> Row:
        row = Row(number, {})
        for key, value in raw.items():
            if key == SYSTEM_ID.key:
                try:
                    row.record_id = uuid.UUID(str(value).strip())
                except ValueError:
                    row.errors.append((key, CellError("not_a_system_id", value=str(value).strip())))
                continue
            if key not in self.columns:
                self.columns[key] = self.spec.column_for(key)
            column = self.columns[key]
            if column is None:
                continue
            try:
                row.values[key] = self._convert(column, value)
            except CellError as exc:
                row.errors.append((key, exc))
        await self.spec.resolve(self.resolver, row)
        for key in self.required:
            if key not in raw and not (row.record_id and key == "external_id"):
                row.errors.append((key, CellError("required")))
        return row

    def _convert(self, column: Column, value: Any) -> Any:
        if column.kind not in _REMEMBERED_KINDS or not isinstance(value, str):
            return convert(column, value)
        known = self.converted.get((column.key, value))
        if known is None:
            if len(self.converted) > _REMEMBERED_LIMIT:
                self.converted.clear()
            try:
                known = (True, convert(column, value))
            except CellError as exc:
                known = (False, (exc.key, exc.params))
            self.converted[(column.key, value)] = known
        ok, result = known
        if not ok:
            raise CellError(result[0], **result[1])  # a fresh error each time: rows never share one
        return [*result] if isinstance(result, list) else result  # rows never share a list either

    def _key(self, row: Row) -> tuple[Any, str] | None:
        key = row.payload.get(self.spec.key_field)
        if key is None:
            return None
        unit = row.payload.get(self.spec.unit_field) if self.spec.unit_field else None
        return unit, str(key)

    async def _existing(self, rows: list[Row]) -> dict[str, list[Any]]:
        keys = [str(r.payload[self.spec.key_field]) for r in rows if r.payload.get(self.spec.key_field) is not None]
        found: dict[str, list[Any]] = {}
        lookup = self.resolver.lookup(self.spec.model)
        for obj in await lookup.by_keys(self.spec.key_field, keys):
            found.setdefault(str(getattr(obj, self.spec.key_field)), []).append(obj)
        for obj in await lookup.by_ids(r.record_id for r in rows if r.record_id is not None):
            found[_BY_ID + str(obj.id)] = [obj]
        return found

    def _pick(self, row: Row, candidates: list[Any]) -> Any:
        if not candidates:
            return None
        unit_field = self.spec.unit_field
        if unit_field and row.payload.get(unit_field) is not None:
            same = [c for c in candidates if getattr(c, unit_field) == row.payload[unit_field]]
            if same:
                return same[0]
        if len(candidates) == 1:
            return candidates[0]
        raise CellError("external_id_ambiguous", value=row.payload.get(self.spec.key_field))

    def _by_id(self, row: Row, existing: dict[str, list[Any]]) -> Any:
        found = existing.get(_BY_ID + str(row.record_id))
        if not found:
            raise CellError("record_unknown", value=str(row.record_id), column=SYSTEM_ID.key)
        return found[0]

    async def _current(self, existing: Any) -> dict[str, Any]:
        if self.spec.current is not None:
            return await self.spec.current(self.resolver, existing)
        return {}

    async def _write(self, row: Row, model: Any, existing: Any, *, isolated: bool) -> str:
        if existing is None:
            if self.spec.create_many is not None and not isolated:
                self.new_records.append(model)  # written with the rest of its chunk (see _chunk)
            else:
                await self.spec.create(self.session, self.principal, model, row.payload)
            return "created"
        validated = model.model_dump()
        current = await self._current(existing)
        skip = self.spec.create_only | {self.spec.key_field}
        diff: dict[str, Any] = {}
        for name in row.payload:
            if name in skip:
                continue
            new = _plain(validated[name] if name in validated else row.payload[name])
            old = _plain(current[name] if name in current else getattr(existing, name, None))
            if new != old:
                diff[name] = validated[name] if name in validated else row.payload[name]
        if not diff:
            return "unchanged"
        fixed = [name for name in diff if name not in self.spec.updatable or self.spec.update is None]
        if fixed:
            old = current.get(fixed[0], getattr(existing, fixed[0], None))
            raise CellError("cannot_change", value=_plain(old), column=fixed[0])
        assert self.spec.update is not None
        await self.spec.update(self.session, self.principal, existing, diff, row.payload)
        return "updated"

    async def _process(self, row: Row, existing: dict[str, list[Any]], *, isolated: bool) -> None:
        for key, problem in row.errors:
            message = self._cell_message(problem) if isinstance(problem, CellError) else str(problem)
            self._error(row.number, key, message)
        if row.errors:
            return
        try:
            model = self.spec.create_schema.model_validate(
                {k: v for k, v in row.payload.items() if k not in self.spec.context})
        except ValidationError as exc:
            self._validation_error(row, exc)
            return
        key = self._key(row) or ((None, _BY_ID + str(row.record_id)) if row.record_id else None)
        if key is not None:
            unit, text = key
            seen = self.seen.setdefault(unit, {})
            if text in seen:
                self._error(row.number, self.spec.key_field,
                            say(self.language, "external_id_repeated", value=text, row=seen[text]))
                return
            seen[text] = row.number
            self.chunk_keys.append(key)
        try:
            target = self._pick(row, existing.get(key[1], []) if key else [])
            if target is None and row.record_id is not None:
                target = self._by_id(row, existing)
            if isolated:
                async with self.session.begin_nested():
                    result = await self._write(row, model, target, isolated=True)
            else:
                result = await self._write(row, model, target, isolated=False)
        except CellError as exc:  # found before anything was written
            self._error(row.number, exc.params.get("column", self.spec.key_field), self._cell_message(exc))
            return
        except Exception as exc:
            if not isolated:
                raise _Isolate from exc
            self._write_error(row, exc)
            return
        setattr(self.outcome, result, getattr(self.outcome, result) + 1)

    def _write_error(self, row: Row, exc: Exception) -> None:
        if isinstance(exc, AppError):
            self._app_error(row, exc)
        elif isinstance(exc, ValidationError):
            self._validation_error(row, exc)
        elif isinstance(exc, IntegrityError):
            self._error(row.number, self.spec.key_field, say(self.language, "external_id_taken"))
        else:  # a bug: reported against the row (and logged); the run as a whole rolls back
            log.error("import of %s failed at row %s", self.spec.name, row.number, exc_info=exc)
            self._error(row.number, "", say(self.language, "internal"))

    async def _chunk(self, rows: list[Row], existing: dict[str, list[Any]]) -> None:
        """Rows are written without a savepoint each (two statements fewer per row), new records in one
        create_many call at the end; when anything fails, the chunk is rolled back and replayed row by row,
        each in its own savepoint through the one-record create, to report every error."""
        mark = (self.outcome.created, self.outcome.updated, self.outcome.unchanged, self.outcome.errors_total,
                len(self.outcome.errors))
        self.chunk_keys = []
        self.new_records = []
        savepoint = await self.session.begin_nested()
        try:
            for row in rows:
                await self._process(row, existing, isolated=False)
            if self.new_records:
                assert self.spec.create_many is not None
                try:
                    await self.spec.create_many(self.session, self.principal, self.new_records, self.checked)
                except Exception as exc:
                    raise _Isolate from exc
        except _Isolate:
            await savepoint.rollback()
            self.checked.clear()  # nothing answered inside a rolled-back savepoint is relied on
            (self.outcome.created, self.outcome.updated, self.outcome.unchanged, self.outcome.errors_total,
             kept) = mark
            del self.outcome.errors[kept:]
            for unit, text in self.chunk_keys:
                self.seen[unit].pop(text, None)
            existing = await self._existing([r for r in rows if not r.errors])
            for row in rows:
                await self._process(row, existing, isolated=True)
            return
        await savepoint.commit()

    def _chunks(self, rows: Iterator[tuple[int, dict[str, Any]]]) -> Iterator[list[tuple[int, dict[str, Any]]]]:
        while chunk := [*islice(rows, CHUNK_ROWS)]:
            yield chunk

    def _forget_new_objects(self, keep: set[Any]) -> None:
        """Memory stays flat: rows already written leave the session's identity map (the units the file
        names stay, so the services find them without asking the database again)."""
        pinned = {id(obj) for obj in self.resolver.pinned}
        for key, obj in [*self.session.identity_map.items()]:
            if key not in keep and id(obj) not in pinned:
                self.session.expunge(obj)

    async def run(self, file: IO[bytes]) -> Outcome:
        with collector.eased():
            return await self._run(file)

    async def _run(self, file: IO[bytes]) -> Outcome:
        started = time.monotonic()
        try:
            table = read_table(self.spec, file)
        except CellError as exc:
            self.outcome.add_error(1, "", self._cell_message(exc))
            return await self._finish(started)
        for row_number, header_text, key, params in table.header.errors:
            self.outcome.add_error(row_number, header_text, say(self.language, key, **params))
        self.headers = {c.key: text for c, text in zip(table.header.columns, table.header.texts, strict=False) if c}
        keep = set(self.session.identity_map.keys())
        outer = await self.session.begin_nested()
        try:
            missing = any(key == "missing_column" for _, _, key, _ in table.header.errors)
            for chunk in self._chunks(table.rows):
                if missing:  # every row would fail the same way: the header error says it once
                    self.outcome.rows += len(chunk)
                    continue
                rows = [await self._prepare(number, raw) for number, raw in chunk]
                existing = await self._existing([r for r in rows if not r.errors])
                await self._chunk(rows, existing)
                self.outcome.rows += len(rows)
                self._forget_new_objects(keep)
                if self.progress is not None:
                    await _maybe_await(self.progress(self.outcome.rows))
        except CellError as exc:  # the file broke off mid-way (encoding, format)
            self.outcome.add_error(self.outcome.rows + 2, "", self._cell_message(exc))
        except BaseException:
            await outer.rollback()
            raise
        if self.outcome.rows == 0 and not self.outcome.errors_total:
            self.outcome.add_error(table.header.row, "", say(self.language, "empty_file"))
        if self.dry_run or self.outcome.errors_total:
            await outer.rollback()
        else:
            await outer.commit()
            self.outcome.committed = True
        return await self._finish(started)

    async def _finish(self, started: float) -> Outcome:
        self.outcome.seconds = round(time.monotonic() - started, 3)
        action = "import_dry_run" if self.dry_run else ("import" if self.outcome.committed else "import_rejected")
        await audit.record(self.session, self.principal, action, "import:" + self.spec.name,
                           (self.filename or "")[:64] or None,
                           fields=sorted(self.headers), org_unit_id=self.principal.org_unit_id)
        return self.outcome


async def _maybe_await(value: Any) -> None:
    if hasattr(value, "__await__"):
        await value
