"""Look-ups an import needs, every one through the scoping layer (visible(model, principal))."""
from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from sqlalchemy import ARRAY, ColumnElement, any_, bindparam, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.core.principal import Principal
from donghanh.core.repository import ScopedRepository
from donghanh.imports.models import ImportJob, JobStatus


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
        if self.session.get_bind().dialect.name == "postgresql":
            # One array parameter instead of one a key: a chunk's 500 keys cost a third of the CPU to bind.
            among = column == any_(bindparam("keys", wanted, type_=ARRAY(column.type)))
        else:
            among = column.in_(wanted)
        # populate_existing: what a rolled-back savepoint left in memory never passes for the stored row.
        stmt = self.select().where(among).execution_options(populate_existing=True)
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


# Advisory locks in the two-int key space (the audit chain uses the single-bigint one; they never overlap).
_JOB_LOCK_CLASS = 0x444A4F42  # "DJOB"


def _lock_key(job_id: uuid.UUID) -> tuple[int, int]:
    return _JOB_LOCK_CLASS, int.from_bytes(job_id.bytes[:4], "big", signed=True)


async def lock_job(session: AsyncSession, job_id: uuid.UUID) -> None:
    """PostgreSQL: held until the session's transaction ends, so it dies with the process that runs the job."""
    await session.execute(select(func.pg_advisory_xact_lock(*_lock_key(job_id))))


async def try_lock_job(session: AsyncSession, job_id: uuid.UUID) -> bool:
    """PostgreSQL: True when no transaction holds the job's lock (held, if taken, until this one ends)."""
    return bool(await session.scalar(select(func.pg_try_advisory_xact_lock(*_lock_key(job_id)))))


async def finish_job(session: AsyncSession, job_id: uuid.UUID, **values: Any) -> None:
    await session.execute(update(ImportJob).where(ImportJob.id == job_id).values(**values))


async def fail_unfinished_job(session: AsyncSession, job_id: uuid.UUID, *, finished_at: Any) -> None:
    """Conditional: a run that finished a moment ago (and so released its lock) keeps its outcome."""
    unfinished = [JobStatus.queued.value, JobStatus.running.value]
    await session.execute(update(ImportJob).where(ImportJob.id == job_id, ImportJob.status.in_(unfinished))
                          .values(status=JobStatus.failed.value, finished_at=finished_at)
                          .execution_options(synchronize_session=False))
