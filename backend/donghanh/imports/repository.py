"""Look-ups an import needs, every one through the scoping layer (visible(model, principal))."""
from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.core.principal import Principal
from donghanh.core.repository import ScopedRepository
from donghanh.imports.models import ImportJob


class Lookup(ScopedRepository[Any]):
    """Rows of any scoped model, as the principal may see them."""

    def __init__(self, session: AsyncSession, principal: Principal, model: type) -> None:
        super().__init__(session, principal)
        self.model = model

    async def where(self, *clauses: ColumnElement[bool], limit: int = 20) -> list[Any]:
        stmt = self.select().where(*clauses).limit(limit)
        return list((await self.session.execute(stmt)).scalars().all())

    async def by_keys(self, key_field: str, keys: Iterable[str]) -> list[Any]:
        wanted = sorted(set(keys))
        if not wanted:
            return []
        column = getattr(self.model, key_field)
        # populate_existing: what a rolled-back savepoint left in memory never passes for the stored row.
        stmt = self.select().where(column.in_(wanted)).execution_options(populate_existing=True)
        return list((await self.session.execute(stmt)).scalars().all())


    async def by_ids(self, ids: Iterable[uuid.UUID]) -> list[Any]:
        wanted = sorted(set(ids))
        if not wanted:
            return []
        stmt = self.select().where(self.model.id.in_(wanted)).execution_options(populate_existing=True)
        return list((await self.session.execute(stmt)).scalars().all())


async def job_of(session: AsyncSession, principal: Principal, job_id: Any) -> ImportJob | None:
    """A job is read by whoever started it, and nobody else."""
    stmt = select(ImportJob).where(ImportJob.id == job_id, ImportJob.created_by == principal.id,
                                   ImportJob.actor_type == principal.kind)
    return (await session.execute(stmt)).scalar_one_or_none()
