"""Re-encrypt protected columns under the active key, so an old key can be retired."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Table, Text, select, type_coerce, update
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.core import crypto
from donghanh.core.base import Base


@dataclass
class RotationReport:
    rows: int = 0
    values: int = 0


def encrypted_columns() -> dict[Table, list[tuple[str, str]]]:
    """Every (table → [(column, context)]) stored with the Encrypted type."""
    found: dict[Table, list[tuple[str, str]]] = {}
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, crypto.Encrypted):
                found.setdefault(table, []).append((column.name, column.type.context))
    return found


async def rotate(
    session: AsyncSession, *, batch: int = 500, progress: Callable[[str, int], None] | None = None
) -> RotationReport:
    ring = crypto.ring()
    report = RotationReport()
    for table, columns in encrypted_columns().items():
        # Raw reads: the ciphertext names its key; only values under another key are rewritten.
        stmt = select(table.c.id, *[type_coerce(table.c[name], Text) for name, _ in columns])
        rows = (await session.execute(stmt)).all()
        for start in range(0, len(rows), batch):
            for row in rows[start : start + batch]:
                changes = {}
                for (name, context), stored in zip(columns, row[1:], strict=True):
                    if stored is not None and ring.key_id_of(stored) != ring.active:
                        changes[name] = ring.decrypt(stored, context)
                if changes:
                    # Through the Encrypted type again: written under the active key.
                    await session.execute(update(table).where(table.c.id == row[0]).values(**changes))
                    report.rows += 1
                    report.values += len(changes)
            if progress:
                progress(table.name, min(batch, len(rows) - start))
    return report
