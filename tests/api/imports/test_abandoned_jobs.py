"""A job left queued or running by a server that stopped reads as "failed" (its rows were never committed);
a job some process is still running does not."""
from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
import pytest_asyncio
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.core.base import utcnow
from donghanh.imports import service as imports
from donghanh.imports.models import ImportJob, JobStatus
from donghanh.imports.repository import _lock_key
from tests.fixtures.world import World


async def _job(session: AsyncSession, world: World, status: JobStatus, age: timedelta = timedelta(0)) -> ImportJob:
    job = ImportJob(resource="contacts", filename="so.csv", dry_run=False, status=status.value, rows_total=9000,
                    rows_done=1500, created_by=world.user_ids["case_worker"], actor_type="user", language="vi",
                    created_at=utcnow() - age)
    session.add(job)
    await session.flush()
    return job


async def _read(client: httpx.AsyncClient, world: World, job: ImportJob) -> dict[str, Any]:
    response = await client.get(f"/api/v1/imports/jobs/{job.id}", headers=world.auth("case_worker"))
    assert response.status_code == 200, response.text
    return response.json()


@pytest_asyncio.fixture(loop_scope="session")
async def held_lock(engine: Any) -> AsyncIterator[Any]:
    """PostgreSQL: another server process's run, as far as the job's lock can tell."""
    if engine.dialect.name != "postgresql":
        pytest.skip("the job lock is PostgreSQL's; SQLite is served by one process")
    async with engine.connect() as other:
        held: list[tuple[int, int]] = []

        async def hold(job: ImportJob) -> None:
            await other.execute(select(func.pg_advisory_lock(*_lock_key(job.id))))
            held.append(_lock_key(job.id))

        yield hold
        for key in held:
            await other.execute(select(func.pg_advisory_unlock(*key)))
        await other.commit()


class TestAbandonedJobs:
    async def test_a_running_job_no_process_runs_reads_as_failed(self, client: httpx.AsyncClient, world: World,
                                                                 session: AsyncSession) -> None:
        job = await _job(session, world, JobStatus.running)
        body = await _read(client, world, job)
        assert body["status"] == "failed" and body["finished_at"] is not None
        assert (await session.get(ImportJob, job.id, populate_existing=True)).status == "failed"

    async def test_a_job_this_process_runs_stays_running(self, client: httpx.AsyncClient, world: World,
                                                         session: AsyncSession,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
        job = await _job(session, world, JobStatus.running)
        monkeypatch.setattr(imports, "_active", {job.id})
        body = await _read(client, world, job)
        assert (body["status"], body["finished_at"]) == ("running", None)

    async def test_a_job_another_process_runs_stays_running(self, client: httpx.AsyncClient, world: World,
                                                            session: AsyncSession, held_lock: Any) -> None:
        job = await _job(session, world, JobStatus.running)
        await held_lock(job)
        assert (await _read(client, world, job))["status"] == "running"

    async def test_a_job_queued_a_moment_ago_is_still_starting(self, client: httpx.AsyncClient, world: World,
                                                               session: AsyncSession, engine: Any) -> None:
        if engine.dialect.name != "postgresql":
            pytest.skip("on SQLite the one server process knows which jobs it accepted")
        fresh = await _job(session, world, JobStatus.queued)
        stale = await _job(session, world, JobStatus.queued, age=timedelta(minutes=5))
        assert (await _read(client, world, fresh))["status"] == "queued"
        assert (await _read(client, world, stale))["status"] == "failed"
