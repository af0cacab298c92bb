"""Every query for individual-level data starts here, already scoped to the principal."""
from __future__ import annotations

import uuid
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Hashable
from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from sqlalchemy import ColumnElement, Row, Select, bindparam, event, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import ORMExecuteState, Session

from donghanh.core import audit
from donghanh.core.base import OrgScoped
from donghanh.core.errors import NotFound
from donghanh.core.pagination import (
    SortKey,
    apply_keyset,
    bound_keyset,
    in_order,
    keyset_params,
    next_cursor,
    page_then_columns,
)
from donghanh.core.principal import Principal
from donghanh.core.scoping import visible, visible_within

M = TypeVar("M")

SCOPED_OPTION = "donghanh_scoped"
# List statements built per caller and shape (ScopedRepository.page_rows), least recently used dropped first.
STATEMENT_CACHE_SIZE = 256
_statements: OrderedDict[Hashable, Select[Any]] = OrderedDict()


class ScopeGuardError(RuntimeError):
    """A SELECT of individual-level data bypassed the scoped repository: a bug, never a user error."""


def looked_up(column: Any, *where: Any) -> Any:
    """One value of another table for each row of a list (a display name, a code), in the list's own
    statement. A scalar look-up rather than a join: PostgreSQL plans a many-way join afresh for every
    execution (7 ms for a contacts page), while a look-up by primary key per returned row costs µs."""
    return select(column).where(*where).scalar_subquery()


class Filters:
    """A list's optional filters as conditions on named bound parameters. The statement's structure then
    depends only on which filters are set (`shape`), so page_rows builds it once per caller and shape, and
    the values travel with each execution (`params`)."""

    def __init__(self) -> None:
        self.shape: tuple[Hashable, ...] = ()
        self.params: dict[str, Any] = {}
        self._conditions: list[Callable[[], ColumnElement[bool]]] = []

    def value(self, name: str, value: Any, condition: Callable[[Any], ColumnElement[bool]],
              choice: Hashable = None) -> None:
        """A filter by value, applied when the value is given (not None, not empty): condition(:name).
        `choice`: which form the condition takes, where that varies too (it is part of the shape)."""
        if value is None or value == "":
            return
        key = f"filter_{name}"
        self.params[key] = value
        self.shape += ((name, choice),)
        self._conditions.append(lambda: condition(bindparam(key, required=True)))

    def case(self, name: str, choice: Hashable, condition: Callable[[], ColumnElement[bool]]) -> None:
        """A filter with no value to bind (a yes/no choice): the choice is part of the statement's shape."""
        self.shape += ((name, choice),)
        self._conditions.append(condition)

    def apply(self, stmt: Select[Any]) -> Select[Any]:
        return stmt.where(*(condition() for condition in self._conditions)) if self._conditions else stmt


class ScopedRepository(Generic[M]):
    model: type[M]
    not_found_detail = "Not found."

    def __init__(self, session: AsyncSession, principal: Principal) -> None:
        self.session = session
        self.principal = principal

    def select(self, *entities: Any, within: tuple[str, ...] | None = None) -> Select[Any]:
        """`within`: an `org_unit` filter's path prefixes (org_units.filter_paths), applied with the scope."""
        stmt = select(*(entities or (self.model,)))
        scope = visible_within(self.model, self.principal, within) if within else visible(self.model, self.principal)
        return stmt.where(scope).execution_options(**{SCOPED_OPTION: True})

    async def find(self, object_id: uuid.UUID) -> M | None:
        stmt = self.select().where(self.model.id == object_id)  # type: ignore[attr-defined]
        return (await self.session.execute(stmt)).scalar_one_or_none()

    async def get(self, object_id: uuid.UUID) -> M:
        """Missing and out-of-scope answer the same 404, so a hidden object's existence never leaks."""
        found = await self.find(object_id)
        if found is None:
            await self._note_if_hidden(object_id)
            raise NotFound(self.not_found_detail)
        return found

    async def _note_if_hidden(self, object_id: uuid.UUID) -> None:
        """An object that exists but lies outside the caller's scope is a refused access: audit it."""
        model: Any = self.model
        stmt = select(model.id).where(model.id == object_id).execution_options(**{SCOPED_OPTION: True})
        if (await self.session.execute(stmt)).first() is not None:
            audit.note_denial(self.principal, model.__tablename__, object_id)

    async def page(
        self, stmt: Select[Any], keys: list[SortKey], sort_name: str, cursor: str | None, limit: int,
        params: dict[str, Any] | None = None,
    ) -> tuple[list[M], str | None]:
        """A page of ORM instances; `params`: the values of a Filters' bound parameters in `stmt`."""
        stmt = apply_keyset(stmt, keys, sort_name, cursor, limit)
        rows = list((await self.session.execute(stmt, params)).scalars().all())
        return next_cursor(rows, keys, sort_name, limit)

    def read_columns(self, schema: type[BaseModel]) -> list[Any]:
        """The model's columns that a read schema declares: a list reads, and decrypts, only what it returns."""
        table: Any = self.model.__table__  # type: ignore[attr-defined]
        return [table.c[name] for name in schema.model_fields if name in table.c]

    async def page_rows(
        self, view_key: Hashable, view: Callable[[], Select[Any]], filters: Filters, keys: list[SortKey],
        sort_name: str, cursor: str | None, limit: int,
    ) -> tuple[list[Row[Any]], str | None]:
        """A page of plain rows (selected columns, no ORM instances): what list endpoints read. Building and
        reading 50 ORM instances was about a third of a list request's CPU, and building the statement and
        its cache key another third: the statement is built once per caller (scope rules depend on nothing
        else), `view_key` (what `view` depends on), filter shape, sort and first-or-later page, and reused
        with the request's values as parameters."""
        after_cursor = bool(cursor)
        connection = await self.session.connection()
        dialect = connection.dialect.name

        def build() -> Select[Any]:
            stmt = bound_keyset(filters.apply(view()), keys, after_cursor)
            if dialect == "sqlite":
                stmt = page_then_columns(stmt, self.model.__table__, keys)  # type: ignore[attr-defined]
            return stmt

        stmt = self._statement((view_key, filters.shape, sort_name, after_cursor, dialect), build)
        params = filters.params | keyset_params(keys, sort_name, cursor, limit)
        # Columns only, so the ORM has nothing to build: the statement runs on the session's connection
        # (same transaction), past the ORM's result processing. It is scoped: `view` comes from self.select.
        rows = list((await connection.execute(stmt, params)).all())
        return next_cursor(rows, keys, sort_name, limit)

    async def stream_rows(
        self, view_key: Hashable, view: Callable[[], Select[Any]], filters: Filters, keys: list[SortKey],
        size: int,
    ) -> AsyncIterator[list[Row[Any]]]:
        """Every row of a list in its order, `size` at a time, from one statement on a server-side cursor:
        what an export of a whole list reads, in one transaction (one snapshot of the data). Keyset pages
        walk the sort index again for each page, and for a province that index holds the whole country's
        rows: 500 of Hà Nội's contacts cost ~2,800 index entries, where one statement sorts the province's
        rows once. PostgreSQL only: SQLite's transactions here take the write lock (db.py), which a stream
        would hold for the whole export."""
        connection = await self.session.connection()
        stmt = self._statement((view_key, filters.shape, "stream"), lambda: in_order(filters.apply(view()), keys))
        result = await connection.stream(stmt, filters.params)
        async for rows in result.partitions(size):
            yield list(rows)

    def _statement(self, shape: Hashable, build: Callable[[], Select[Any]]) -> Select[Any]:
        """A list statement for this caller and shape, built once: scope rules depend on the caller alone."""
        key = (type(self), self.principal, shape)
        stmt = _statements.get(key)
        if stmt is None:
            stmt = _statements[key] = build()
            if len(_statements) > STATEMENT_CACHE_SIZE:
                _statements.popitem(last=False)
        else:
            _statements.move_to_end(key)
        return stmt

    def add(self, obj: M) -> M:
        self.session.add(obj)
        return obj


def _guard(state: ORMExecuteState) -> None:
    if not state.is_select or state.is_column_load or state.is_relationship_load:
        return
    if state.execution_options.get(SCOPED_OPTION):
        return
    for mapper in state.all_mappers:
        if issubclass(mapper.class_, OrgScoped):
            raise ScopeGuardError(
                f"SELECT of {mapper.class_.__name__} outside a ScopedRepository; "
                "use the domain repository (or SYSTEM principal) instead"
            )


def install_scope_guard() -> None:
    if not event.contains(Session, "do_orm_execute", _guard):
        event.listen(Session, "do_orm_execute", _guard)
