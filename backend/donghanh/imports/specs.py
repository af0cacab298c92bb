"""A resource to import is declared, not programmed: its columns (headers in Vietnamese and English, the kind
of value, the code list), how a row's references are resolved, and which domain service creates and
updates it. The engine does the rest, the same way for every resource."""
from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.core.principal import Principal
from donghanh.core.roles import Permission
from donghanh.imports import cells


@dataclass(frozen=True)
class Column:
    key: str  # the canonical (English) header, and the schema field unless `field` says otherwise
    vi: str
    en: str
    kind: str = "text"  # text | date | int | decimal | money | bool | enum | enum_list | ref | phone | id_number
    required: bool = False
    enum: str | None = None  # a key of labels.LABELS
    example: Any = None
    max_length: int | None = None
    field: str | None = None  # the payload field it fills; default: key (key + "_id" for references)

    @property
    def target(self) -> str:
        return self.field or (self.key + "_id" if self.kind == "ref" else self.key)


def example_value(column: Column) -> Any:
    """The template's example cell for a column, typed as Excel should hold it (a date, a label, a number)."""
    value = column.example
    if value is None:
        return None
    if column.kind == "date" and isinstance(value, str):
        return cells.as_date(value)
    if column.kind == "enum" and column.enum:
        return cells.label(column.enum, str(value))
    if column.kind == "money":
        return cells.as_money(value)
    return value


# The record's own id, as exports write it: a row that carries it (and no external_id) updates that record,
# so a list exported, edited and imported back changes what was edited and doubles nothing.
SYSTEM_ID = Column("id", "Mã hệ thống", "System ID")


@dataclass
class Row:
    """One data row on its way through: values by column key, the schema payload, and where it failed."""

    number: int
    values: dict[str, Any]
    payload: dict[str, Any] = field(default_factory=dict)
    errors: list[tuple[str, Any]] = field(default_factory=list)  # (column key, CellError or message)
    record_id: uuid.UUID | None = None


# (session, principal, validated create schema, payload) → the new record
Create = Callable[[AsyncSession, Principal, Any, dict[str, Any]], Awaitable[Any]]
# (session, principal, validated create schemas, the run's memo of checks passed) → their ids: a chunk's new
# records written at once
CreateMany = Callable[[AsyncSession, Principal, list[Any], dict[Any, Any]], Awaitable[Any]]
# (session, principal, existing record, changed fields, payload)
Update = Callable[[AsyncSession, Principal, Any, dict[str, Any], dict[str, Any]], Awaitable[Any]]
Resolve = Callable[[Any, Row], Awaitable[None]]  # (Resolver, row): fills row.payload or row.errors
Current = Callable[[Any, Any], Awaitable[dict[str, Any]]]  # (Resolver, existing object) → comparable values


@dataclass(frozen=True)
class ResourceSpec:
    name: str  # the URL segment: /imports/{name}
    title_vi: str
    title_en: str
    permission: Permission  # to import (write)
    read_permission: Permission  # to export and to see the rows
    model: type
    columns: tuple[Column, ...]
    create_schema: type[BaseModel]
    create: Create
    resolve: Resolve
    update: Update | None = None
    # Writes a chunk's new records in one go (checks per record, as `create`); without it, one `create` a row.
    create_many: CreateMany | None = None
    # Payload fields an update may change; any other difference from the stored record is a row error.
    updatable: frozenset[str] = frozenset()
    # Payload fields that steer creation only (allow_duplicate, send, …): never compared.
    create_only: frozenset[str] = frozenset()
    # How an existing record's values are read for comparison (default: its attributes).
    current: Current | None = None
    # Payload fields handed to create/update but not part of the create schema (e.g. the member's group).
    context: frozenset[str] = frozenset()
    # The upsert key: external_id, unique within the record's unit (`unit_field`; None: system-wide).
    key_field: str = "external_id"
    unit_field: str | None = "org_unit_id"
    spa_path: str = "/"

    def column_for(self, target: str) -> Column | None:
        """The column that fills a payload field (for errors the services report by field)."""
        return next((c for c in self.columns if c.target == target or c.key == target), None)

    def header(self, key: str, language: str) -> str:
        found = next((c for c in self.columns if c.key == key), None)
        if found is None:
            return key
        return found.vi if language == "vi" else found.en
