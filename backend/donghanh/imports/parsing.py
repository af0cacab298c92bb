"""Reading an uploaded register row by row without holding it in memory: CSV (UTF-8 with or without BOM,
comma, semicolon or tab, sniffed from the header) or XLSX (openpyxl read-only, streamed)."""
from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO, Any

from donghanh.core.text import fold
from donghanh.imports.cells import CellError
from donghanh.imports.specs import SYSTEM_ID, Column, ResourceSpec, example_value

XLSX_MAGIC = b"PK\x03\x04"


class FileError(CellError):
    """The file as a whole cannot be read (format, encoding)."""


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _csv_rows(file: IO[bytes]) -> Iterator[list[Any]]:
    head = file.read(64 * 1024)
    file.seek(0)
    try:
        sample = codecs.getincrementaldecoder("utf-8-sig")().decode(head, final=False)
    except UnicodeDecodeError:
        raise FileError("not_utf8") from None
    if "\x00" in sample:
        raise FileError("not_a_file")
    first_line = sample.splitlines()[0] if sample else ""
    delimiter = max((";", ",", "\t"), key=first_line.count)
    stream = io.TextIOWrapper(file, encoding="utf-8-sig", newline="")
    try:
        yield from csv.reader(stream, delimiter=delimiter)
    except UnicodeDecodeError:
        raise FileError("not_utf8") from None
    except csv.Error:
        raise FileError("not_a_file") from None
    finally:
        stream.detach()


def _xlsx_rows(file: IO[bytes]) -> Iterator[list[Any]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(file, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001  (zip, XML or openpyxl errors alike: not a workbook we can read)
        raise FileError("not_a_file") from None
    try:
        sheet = book.worksheets[0]
        expected = 1
        for row in sheet.iter_rows():
            cells = [cell for cell in row if getattr(cell, "row", None) is not None]
            number = cells[0].row if cells else expected
            while expected < number:  # read-only sheets skip rows that hold nothing
                yield []
                expected += 1
            yield [cell.value for cell in row]
            expected = number + 1
    finally:
        book.close()


def raw_rows(file: IO[bytes]) -> Iterator[tuple[int, list[Any]]]:
    """(row number as the spreadsheet shows it, cells) for every row, the header included."""
    file.seek(0)
    magic = file.read(4)
    file.seek(0)
    rows = _xlsx_rows(file) if magic == XLSX_MAGIC else _csv_rows(file)
    yield from enumerate(rows, start=1)


def _header_names(column: Column) -> set[str]:
    return {fold(column.key), fold(column.key.replace("_", " ")), fold(column.vi), fold(column.en)}


@dataclass
class Header:
    row: int
    columns: list[Column | None]  # by position in the file
    texts: list[str]  # the header cells as written
    errors: list[tuple[int, str, str, dict[str, Any]]]  # (row, column, message key, params)


def match_header(spec: ResourceSpec, row: int, cells: list[Any]) -> Header:
    by_name: dict[str, Column] = {}
    for column in (*spec.columns, SYSTEM_ID):
        for name in _header_names(column):
            by_name.setdefault(name, column)
    columns: list[Column | None] = []
    errors: list[tuple[int, str, str, dict[str, Any]]] = []
    seen: set[str] = set()
    for value in cells:
        if _is_blank(value):
            columns.append(None)
            continue
        raw = str(value).strip().rstrip("*").strip()  # the template marks required columns with *
        folded = fold(raw)
        column = by_name.get(folded)
        if column is None and "(" in raw and raw.endswith(")"):  # "Tên cơ sở (name)"
            outer, _, inner = raw[:-1].partition("(")
            column = by_name.get(fold(inner)) or by_name.get(fold(outer))
        if column is None:
            errors.append((row, raw, "unknown_column", {"value": raw}))
        elif column.key in seen:
            errors.append((row, raw, "duplicate_column", {"value": raw}))
            column = None
        else:
            seen.add(column.key)
        columns.append(column)
    for column in spec.columns:
        by_system_id = column.key == "external_id" and SYSTEM_ID.key in seen  # an export edited and re-imported
        if column.required and column.key not in seen and not by_system_id:
            errors.append((row, column.vi, "missing_column", {"value": column.vi}))
    texts = ["" if _is_blank(v) else str(v).strip() for v in cells]
    return Header(row, columns, texts, errors)


def _is_second_header(spec: ResourceSpec, header: Header, cells: list[Any]) -> bool:
    """The template's second header row (English names under the Vietnamese ones)."""
    named = [(c, v) for c, v in zip(header.columns, cells, strict=False) if c is not None and not _is_blank(v)]
    return bool(named) and all(fold(str(v)) in _header_names(c) for c, v in named)


def _same(value: Any) -> Any:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return value.isoformat() if isinstance(value, date) else str(value).strip()


def _is_example(spec: ResourceSpec, header: Header, cells: list[Any]) -> bool:
    """The template's example row, left as it was: not data (a forgotten sample must not be imported)."""
    given = {c.key: v for c, v in zip(header.columns, cells, strict=False) if c is not None and not _is_blank(v)}
    examples = {c.key: example_value(c) for c in spec.columns if c.example is not None}
    return bool(given) and set(given) == set(examples) and all(
        _same(given[k]) == _same(examples[k]) for k in given)


@dataclass
class Table:
    header: Header
    rows: Iterator[tuple[int, dict[str, Any]]]


def read_table(spec: ResourceSpec, file: IO[bytes]) -> Table:
    """The header, then each non-empty data row as {column key: raw cell value} (blank cells left out)."""
    source = raw_rows(file)
    header: Header | None = None
    for number, cells in source:
        if all(_is_blank(c) for c in cells):
            continue
        header = match_header(spec, number, cells)
        break
    if header is None:
        raise FileError("empty_file")

    def rows() -> Iterator[tuple[int, dict[str, Any]]]:
        first, after_second_header = True, False
        for number, cells in source:
            if all(_is_blank(c) for c in cells):
                continue
            if first or after_second_header:
                if first and _is_second_header(spec, header, cells):
                    first, after_second_header = False, True
                    continue
                first = after_second_header = False
                if _is_example(spec, header, cells):
                    continue
            values = {}
            for column, value in zip(header.columns, cells, strict=False):
                if column is not None and not _is_blank(value):
                    values[column.key] = value.strip() if isinstance(value, str) else value
            if values:
                yield number, values

    return Table(header, rows())


def count_rows(file: IO[bytes]) -> int:
    """Non-empty rows after the header (a fast pass, to decide between answering now and a job)."""
    count = -1
    for _, cells in raw_rows(file):
        if not all(_is_blank(c) for c in cells):
            count += 1
    file.seek(0)
    return max(count, 0)
