"""Keyset pagination: opaque cursors over a whitelisted sort, stable under concurrent inserts."""
from __future__ import annotations

import base64
import binascii
import json
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, Self, TypeVar

from pydantic import BaseModel
from sqlalchemy import Integer, Select, and_, bindparam, literal, or_, tuple_

from donghanh.core.errors import Unprocessable

T = TypeVar("T")

DEFAULT_LIMIT = 50
MAX_LIMIT = 500


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = None

    @classmethod
    def of_rows(cls, rows: Iterable[Any], next_cursor: str | None,
                derived: Callable[[Any], dict[str, Any]] | None = None) -> Self:
        """A page validated from plain result rows (their columns by name, plus what `derived` computes from
        a row) in one pass of the validator, instead of one model built per ORM instance by attribute access
        and then copied. Columns the item schema does not declare are dropped by the validation."""
        items = [row._asdict() for row in rows] if derived is None else \
            [row._asdict() | derived(row) for row in rows]
        return cls.model_validate({"items": items, "next_cursor": next_cursor})


@dataclass(frozen=True)
class SortKey:
    column: Any  # a mapped column or SQL expression
    attr: str  # attribute of the result row holding the value
    descending: bool = False


def _encode_value(value: Any) -> list[Any]:
    if isinstance(value, datetime):
        return ["t", value.isoformat()]
    if isinstance(value, date):
        return ["d", value.isoformat()]
    if isinstance(value, uuid.UUID):
        return ["u", str(value)]
    if isinstance(value, bool | int | float | str) or value is None:
        return ["v", value]
    raise TypeError(f"cannot put {type(value).__name__} in a cursor")


def _decode_value(tagged: list[Any]) -> Any:
    tag, raw = tagged
    if tag == "t":
        return datetime.fromisoformat(raw)
    if tag == "d":
        return date.fromisoformat(raw)
    if tag == "u":
        return uuid.UUID(raw)
    if tag == "v":
        return raw
    raise ValueError(tag)


def encode_cursor(sort_name: str, values: list[Any]) -> str:
    payload = json.dumps({"s": sort_name, "v": [_encode_value(v) for v in values]}, separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, sort_name: str, n_keys: int) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        payload = json.loads(raw)
        if payload["s"] != sort_name or len(payload["v"]) != n_keys:
            raise ValueError("cursor belongs to another sort order")
        return [_decode_value(v) for v in payload["v"]]
    except (ValueError, KeyError, TypeError, binascii.Error, json.JSONDecodeError) as exc:
        raise Unprocessable.field(["query", "cursor"], "Invalid cursor; start again from the first page.") from exc


def _after(keys: list[SortKey], bounds: list[Any]) -> Any:
    """Rows after the cursor, `bounds` being its values as SQL (literals, or bound parameters). One direction:
    a row-value comparison, (a, b, id) < (:a, :b, :id), which both databases turn into one index range;
    mixed directions: the equivalent OR of prefixes."""
    if len({k.descending for k in keys}) == 1:
        columns = tuple_(*(k.column for k in keys))
        return columns < tuple_(*bounds) if keys[0].descending else columns > tuple_(*bounds)
    clauses = []
    for i, key in enumerate(keys):
        equal_prefix = [keys[j].column == bounds[j] for j in range(i)]
        step = key.column < bounds[i] if key.descending else key.column > bounds[i]
        clauses.append(and_(*equal_prefix, step))
    return or_(*clauses)


def _ordered(stmt: Select[Any], keys: list[SortKey]) -> Select[Any]:
    return stmt.order_by(*(k.column.desc() if k.descending else k.column.asc() for k in keys))


def apply_keyset(stmt: Select[Any], keys: list[SortKey], sort_name: str, cursor: str | None, limit: int) -> Select[Any]:
    if cursor:
        values = decode_cursor(cursor, sort_name, len(keys))
        stmt = stmt.where(_after(keys, [literal(v, type_=k.column.type) for k, v in zip(keys, values, strict=True)]))
    return _ordered(stmt, keys).limit(limit + 1)


PAGE_SIZE_PARAM = "page_size"


def _keyset_param(i: int) -> str:
    return f"keyset_{i}"


def bound_keyset(stmt: Select[Any], keys: list[SortKey], after_cursor: bool) -> Select[Any]:
    """apply_keyset with the cursor's values and the page size as named bound parameters (keyset_params
    gives them), so one statement serves every page of a list."""
    if after_cursor:
        stmt = stmt.where(_after(keys, [bindparam(_keyset_param(i), type_=k.column.type, required=True)
                                        for i, k in enumerate(keys)]))
    return _ordered(stmt, keys).limit(bindparam(PAGE_SIZE_PARAM, type_=Integer, required=True))


def keyset_params(keys: list[SortKey], sort_name: str, cursor: str | None, limit: int) -> dict[str, Any]:
    params: dict[str, Any] = {PAGE_SIZE_PARAM: limit + 1}
    if cursor:
        values = decode_cursor(cursor, sort_name, len(keys))
        params.update({_keyset_param(i): v for i, v in enumerate(values)})
    return params


def next_cursor(
    rows: list[Any], keys: list[SortKey], sort_name: str, limit: int, obj_of: Callable[[Any], Any] = lambda r: r
) -> tuple[list[Any], str | None]:
    """`rows` were fetched with limit + 1: the extra row only tells that another page exists."""
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    last = obj_of(rows[-1])
    return rows, encode_cursor(sort_name, [getattr(last, k.attr) for k in keys])
