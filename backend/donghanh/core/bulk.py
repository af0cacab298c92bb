"""Many new rows of one table in one go, in the caller's transaction: COPY on PostgreSQL (what a bulk loader
does, several times cheaper per row than an INSERT each), one executemany INSERT elsewhere. Each value is
bound by its column's SQLAlchemy type exactly as an INSERT binds it (encryption, JSON, UTC timestamps), so
what is stored does not depend on the path. No column defaults are applied: the rows name every column
they set, the same columns in every row. A few rows (a request's audit event) go by INSERT all the same:
COPY costs a round trip more, and only pays from a few dozen rows on."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, Insert, Table, insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session
from sqlalchemy.util import await_only

COPY_FROM_ROWS = 50
Processor = Callable[[Any], Any] | None
_processors: dict[tuple[str, str, tuple[str, ...]], list[Processor]] = {}
_inserts: dict[Table, Insert] = {}  # one statement per table, so its compiled form is found by identity


def _bound(connection: Connection, table: Table, names: tuple[str, ...]) -> list[Processor]:
    key = (connection.dialect.name, table.name, names)
    if key not in _processors:
        dialect = connection.dialect
        _processors[key] = [table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names]
    return _processors[key]


def _copy_target(connection: Connection) -> Any:
    """The asyncpg connection under the session's, when COPY may go through it (it runs the transaction)."""
    if connection.dialect.name != "postgresql" or connection.dialect.driver != "asyncpg":
        return None
    driver = connection.connection.driver_connection
    return driver if driver is not None and driver.is_in_transaction() else None


def insert_rows_sync(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    if not rows:
        return
    connection = session.connection()
    driver = _copy_target(connection) if len(rows) >= COPY_FROM_ROWS else None
    if driver is None:
        statement = _inserts.get(table)
        if statement is None:
            statement = _inserts[table] = insert(table)
        # One row (a request's audit event) as a plain execute: the executemany path costs more to set up.
        connection.execute(statement, rows[0] if len(rows) == 1 else [*rows])
        return
    names = tuple(rows[0])
    # Column by column: one loop per column instead of a generator per row and value.
    columns = [[row[name] for row in rows] if process is None else [process(row[name]) for row in rows]
               for name, process in zip(names, _bound(connection, table, names), strict=True)]
    records = [*zip(*columns, strict=True)]
    await_only(driver.copy_records_to_table(table.name, records=records, columns=[*names], schema_name=table.schema))


async def insert_rows(session: AsyncSession, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    await session.run_sync(insert_rows_sync, table, rows)
