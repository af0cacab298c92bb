"""Keyset pagination: opaque cursors over a whitelisted sort, stable under concurrent inserts."""
from __future__ import annotations

import base64
import binascii
import functools
import json
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from types import UnionType
from typing import Any, Generic, TypeVar, Union, get_args, get_origin

import orjson
from pydantic import BaseModel, TypeAdapter
from sqlalchemy import Integer, Row, Select, and_, bindparam, literal, literal_column, or_, select, tuple_
from starlette.responses import Response

from donghanh.core.errors import Unprocessable

T = TypeVar("T")

DEFAULT_LIMIT = 50
MAX_LIMIT = 500


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = None


class RowPage(Generic[T]):
    """A page of a list as its item schema reads it, kept as plain dicts and serialised by orjson straight
    from them: validating 50 rows into models only to dump them again was a fifth of a list request's CPU.
    Each item holds exactly the schema's fields (picked by name, defaults filled in), so nothing the schema
    does not declare can leave; tests hold every list's answer to what the schema's own validation and
    serialisation make of it. Routes declare `Page[Schema]` as their response model (the API contract)."""

    __slots__ = ("items", "next_cursor", "schema")

    def __init__(self, schema: Any, items: list[dict[str, Any]], next_cursor: str | None) -> None:
        """`schema`: the item schema (or a union of them, one per item by whoever built `items`)."""
        self.schema = schema
        self.items = items
        self.next_cursor = next_cursor

    @classmethod
    def of_rows(cls, schema: type[T], rows: Sequence[Row[Any]], next_cursor: str | None,
                derived: Callable[[dict[str, Any]], dict[str, Any]] | None = None) -> RowPage[T]:
        """From plain result rows: their columns by name, plus what `derived` computes from a row's columns
        (given as a dict: a Row's attributes cost ~0.4 µs a read, twenty times a dict's)."""
        values = as_dicts(rows)
        if derived is not None:
            for value in values:
                value.update(derived(value))
        return cls(schema, [item_of(schema, v) for v in values], next_cursor)

    def models(self) -> list[T]:
        """The items as schema instances, for code that works with them rather than sending them (read back
        from the answer's JSON where an item holds a fragment of JSON)."""
        if any(isinstance(v, orjson.Fragment) for item in self.items for v in item.values()):
            return _adapter(self.schema).validate_json(orjson.dumps(self.items, default=_json_default))
        return _adapter(self.schema).validate_python(self.items)

    def response(self) -> Response:
        body = orjson.dumps({"items": self.items, "next_cursor": self.next_cursor}, default=_json_default,
                            option=orjson.OPT_UTC_Z)
        return Response(body, media_type="application/json")


@functools.cache
def _adapter(schema: Any) -> TypeAdapter[Any]:
    return TypeAdapter(list[schema])


def as_dicts(rows: Sequence[Row[Any]]) -> list[dict[str, Any]]:
    """Result rows as dicts, their column names read once: Row._asdict() builds a mapping view for each row,
    and took a tenth of a referrals page's CPU (50 rows and their history)."""
    if not rows:
        return []
    fields = rows[0]._fields
    return [dict(zip(fields, row, strict=True)) for row in rows]


def item_of(schema: type[BaseModel], values: Mapping[str, Any]) -> dict[str, Any]:
    """One list item: the schema's fields from `values`, defaults where `values` has none (a required field
    missing is a bug, and fails as one); nested items given as dicts are picked by their own schema."""
    names, fields, nested_fields = _item_plan(schema)
    if values.keys() == names:
        # Exactly the schema's fields (what the lists build): copied in one step, only nested items picked.
        item = dict(values)
        for name, nested, many in nested_fields:
            item[name] = _nested_item(nested, many, item[name])
        return item
    item = {}
    for name, required, default, nested, many in fields:
        value = values[name] if required or name in values else default
        item[name] = value if nested is None else _nested_item(nested, many, value)
    return item


def _nested_item(nested: type[BaseModel], many: bool, value: Any) -> Any:
    if value is None or isinstance(value, orjson.Fragment):  # (a fragment: JSON the database wrote already)
        return value
    if many:
        names, _, nested_fields = _item_plan(nested)
        if not nested_fields:
            # Flat items holding exactly their fields (a referral's steps, ~3 on each of a page's 50) copied
            # here, not through item_of one call each: 2% of a referrals page's instructions.
            return [dict(v) if isinstance(v, Mapping) and v.keys() == names else
                    item_of(nested, v) if isinstance(v, Mapping) else v for v in value]
        return [item_of(nested, v) if isinstance(v, Mapping) else v for v in value]
    return item_of(nested, value) if isinstance(value, Mapping) else value


@functools.cache
def _item_plan(schema: type[BaseModel]) -> tuple[
        frozenset[str], tuple[tuple[str, bool, Any, type[BaseModel] | None, bool], ...],
        tuple[tuple[str, type[BaseModel], bool], ...]]:
    """A schema's field names, its fields (name, required, default, the schema of what it nests and whether
    a list of them) and those of them that nest. Only for schemas whose serialisation is their fields as
    they are: no aliases, serialisers or computed fields (RowPage's orjson path would not reproduce those)."""
    decorators = schema.__pydantic_decorators__
    if decorators.field_serializers or decorators.model_serializers or decorators.computed_fields:
        raise TypeError(f"{schema.__name__} has serialisers: list it as models, not rows")
    fields = []
    for name, info in schema.model_fields.items():
        if info.alias or info.serialization_alias:
            raise TypeError(f"{schema.__name__}.{name} has an alias: list it as models, not rows")
        required = info.is_required()
        nested, many = _nested_schema(info.annotation)
        fields.append((name, required, None if required else info.get_default(call_default_factory=True),
                       nested, many))
    return (frozenset(schema.model_fields), tuple(fields),
            tuple((name, nested, many) for name, _, _, nested, many in fields if nested is not None))


def _nested_schema(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """`Model`, `Model | None` → (Model, False); `list[Model]` → (Model, True); anything else → (None, False)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    args = [a for a in get_args(annotation) if a is not type(None)]
    if get_origin(annotation) is list and len(args) == 1:
        nested, _ = _nested_schema(args[0])
        return nested, nested is not None
    if get_origin(annotation) in (Union, UnionType) and len(args) == 1:
        return _nested_schema(args[0])
    return None, False


def _json_default(value: Any) -> Any:
    """What orjson does not know natively: nested schemas, decimals (as pydantic writes them), and
    asyncpg's own UUID class (a subclass; orjson knows uuid.UUID exactly)."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


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


def in_order(stmt: Select[Any], keys: list[SortKey]) -> Select[Any]:
    return stmt.order_by(*(k.column.desc() if k.descending else k.column.asc() for k in keys))


def page_then_columns(page: Select[Any], table: Any, keys: list[SortKey]) -> Select[Any]:
    """For SQLite: the page's rows chosen first by rowid, then only those rows read. SQLite computes every
    selected column (decryption, the scalar look-ups) of each matching row before it sorts, so a province's
    page decrypted, looked up and sorted 12,000 contacts to keep 50 (50 ms); choosing rowids reads the
    covering keyset index alone. PostgreSQL evaluates look-ups after the LIMIT already."""
    rowid = literal_column(f"{table.name}.rowid")
    chosen = page.with_only_columns(rowid).correlate(None)
    return in_order(select(*page.selected_columns).where(rowid.in_(chosen)), keys)


def apply_keyset(stmt: Select[Any], keys: list[SortKey], sort_name: str, cursor: str | None, limit: int) -> Select[Any]:
    if cursor:
        values = decode_cursor(cursor, sort_name, len(keys))
        stmt = stmt.where(_after(keys, [literal(v, type_=k.column.type) for k, v in zip(keys, values, strict=True)]))
    return in_order(stmt, keys).limit(limit + 1)


PAGE_SIZE_PARAM = "page_size"


def _keyset_param(i: int) -> str:
    return f"keyset_{i}"


def bound_keyset(stmt: Select[Any], keys: list[SortKey], after_cursor: bool) -> Select[Any]:
    """apply_keyset with the cursor's values and the page size as named bound parameters (keyset_params
    gives them), so one statement serves every page of a list."""
    if after_cursor:
        stmt = stmt.where(_after(keys, [bindparam(_keyset_param(i), type_=k.column.type, required=True)
                                        for i, k in enumerate(keys)]))
    return in_order(stmt, keys).limit(bindparam(PAGE_SIZE_PARAM, type_=Integer, required=True))


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
