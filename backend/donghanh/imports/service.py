"""Imports: run now (small files), or as a job (large ones); templates; the job's progress and result."""
from __future__ import annotations

import asyncio
import logging
import shutil
import tempfile
import uuid
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import IO, Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from donghanh.core.base import utcnow
from donghanh.core.context import RequestContext, current_request
from donghanh.core.errors import Forbidden, NotFound
from donghanh.core.principal import Principal
from donghanh.imports import exports, templates
from donghanh.imports.engine import ImportRun, Outcome, Progress
from donghanh.imports.exports import ExportSpec
from donghanh.imports.messages import Language
from donghanh.imports.models import ImportJob, JobStatus
from donghanh.imports.parsing import count_rows
from donghanh.imports.repository import fail_unfinished_job, finish_job, job_of, lock_job, try_lock_job
from donghanh.imports.resources import RESOURCES
from donghanh.imports.schemas import ImportJobRead, ImportResult
from donghanh.imports.specs import ResourceSpec
from donghanh.org_units import service as org_units

log = logging.getLogger("donghanh.imports")

# Progress of the jobs this process runs (SQLite cannot take a second writer while an import holds the
# database, so progress lives here; on PostgreSQL it is also written to the job row).
_progress: dict[uuid.UUID, int] = {}
# Jobs this process accepted and has not finished. A queued or running job that no process is running any
# more was cut off (the server was stopped or killed mid-run): its rows were never committed, and the job
# says so ("failed") the next time it is read, instead of claiming to run for ever.
_active: set[uuid.UUID] = set()
# On PostgreSQL the run holds a lock on its job for the length of its transaction (repository.lock_job), so
# any server process can tell a live job from an abandoned one; a job still queued this long after it was
# accepted never started.
_QUEUED_GRACE = timedelta(minutes=1)


def spec_for(principal: Principal, resource: str) -> ResourceSpec:
    spec = RESOURCES.get(resource)
    if spec is None:
        raise NotFound(f"Nothing to import as {resource!r}; one of: {', '.join(RESOURCES)}.")
    if not principal.can(spec.permission):
        raise Forbidden(f"Your role ({principal.role}) may not import {resource}: needs {spec.permission}.")
    return spec


async def run(session: AsyncSession, principal: Principal, spec: ResourceSpec, file: IO[bytes], *,
              dry_run: bool, language: Language, filename: str | None = None,
              progress: Progress | None = None) -> Outcome:
    """Import in the caller's transaction (it commits or not as the outcome says; the audit event stays)."""
    importer = ImportRun(session, principal, spec, language=language, dry_run=dry_run, progress=progress,
                         filename=filename)
    return await importer.run(file)


@dataclass
class Ticket:
    """A large import accepted as a job: the caller schedules `run_job` with these."""

    job: ImportJob
    path: Path


async def submit(session: AsyncSession, principal: Principal, spec: ResourceSpec, file: IO[bytes], *,
                 dry_run: bool, language: Language, filename: str | None, job_threshold: int) -> Outcome | Ticket:
    """Run a small file now, in the caller's transaction; accept a large one as a job."""
    rows = rows_in(file)
    if rows > job_threshold:
        job, path = await start_job(session, principal, spec, file, dry_run=dry_run, language=language,
                                    filename=filename, rows_total=rows)
        return Ticket(job, path)
    return await run(session, principal, spec, file, dry_run=dry_run, language=language, filename=filename)


def rows_in(file: IO[bytes]) -> int:
    try:
        return count_rows(file)
    except Exception:  # noqa: BLE001  (an unreadable file is reported by the import itself, row by row)
        file.seek(0)
        return 0


def template(spec: ResourceSpec) -> bytes:
    return templates.workbook(spec)


# --- jobs ------------------------------------------------------------------------------------------

async def start_job(session: AsyncSession, principal: Principal, spec: ResourceSpec, file: IO[bytes], *,
                    dry_run: bool, language: Language, filename: str | None, rows_total: int) -> tuple[ImportJob, Path]:
    job = ImportJob(resource=spec.name, filename=(filename or "")[:255] or None, dry_run=dry_run,
                    status=JobStatus.queued.value, rows_total=rows_total, rows_done=0, created_by=principal.id,
                    actor_type=principal.kind, language=language)
    session.add(job)
    await session.flush()
    _active.add(job.id)
    return job, await asyncio.to_thread(_spool, file, job.id)


def _spool(file: IO[bytes], job_id: uuid.UUID) -> Path:
    """The upload, kept on disk for the job (the request's own temporary file goes with the request)."""
    handle, name = tempfile.mkstemp(prefix=f"donghanh-import-{job_id}-")
    with open(handle, "wb") as out:
        file.seek(0)
        shutil.copyfileobj(file, out, 1024 * 1024)
    return Path(name)


async def _set(maker: async_sessionmaker[AsyncSession], job_id: uuid.UUID, **values: Any) -> None:
    async with maker() as session:
        job = await session.get(ImportJob, job_id)
        if job is not None:
            for key, value in values.items():
                setattr(job, key, value)
            await session.commit()


async def run_job(maker: async_sessionmaker[AsyncSession], job_id: uuid.UUID, principal: Principal,
                  resource: str, path: Path, *, dry_run: bool, language: Language, filename: str | None,
                  context: RequestContext, is_sqlite: bool) -> None:
    """The background half of a large import: one transaction for the rows, progress beside it."""
    token = current_request.set(context)
    spec = RESOURCES[resource]
    try:
        async def progress(done: int) -> None:
            _progress[job_id] = done
            if not is_sqlite:
                await _set(maker, job_id, rows_done=done)

        file = await asyncio.to_thread(path.open, "rb")
        try:
            async with maker() as session:
                if not is_sqlite:
                    await lock_job(session, job_id)
                await _set(maker, job_id, status=JobStatus.running.value)
                outcome = await run(session, principal, spec, file, dry_run=dry_run, language=language,
                                    filename=filename, progress=progress)
                # The outcome commits with the rows (and releases the lock): never "running" after the rows
                # are in, never "succeeded" without them.
                status = JobStatus.succeeded if not outcome.errors_total else JobStatus.rejected
                await finish_job(session, job_id, status=status.value, rows_done=outcome.rows,
                                 result=outcome.as_dict(), finished_at=utcnow())
                await session.commit()
        finally:
            file.close()
    except (Exception, asyncio.CancelledError):
        log.exception("import job %s failed", job_id)
        await _set(maker, job_id, status=JobStatus.failed.value, finished_at=utcnow())
        raise
    finally:
        _active.discard(job_id)
        _progress.pop(job_id, None)
        await asyncio.to_thread(path.unlink, missing_ok=True)
        current_request.reset(token)


async def _abandoned(session: AsyncSession, job: ImportJob) -> bool:
    """Whether no server process is running this unfinished job any more."""
    if job.id in _active:
        return False
    if session.get_bind().dialect.name != "postgresql":
        return True  # SQLite is served by one process, and it is not running the job
    if job.status == JobStatus.queued.value and utcnow() - job.created_at < _QUEUED_GRACE:
        return False
    return await try_lock_job(session, job.id)


async def get_job(session: AsyncSession, principal: Principal, job_id: uuid.UUID) -> ImportJobRead:
    job = await job_of(session, principal, job_id)
    if job is None:
        raise NotFound("No such import job.")
    if job.status in (JobStatus.queued.value, JobStatus.running.value) and await _abandoned(session, job):
        await fail_unfinished_job(session, job.id, finished_at=utcnow())
        await session.refresh(job)
    read = ImportJobRead.model_validate(job)
    done = max(job.rows_done, _progress.get(job.id, 0))
    return read.model_copy(update={"rows_done": done,
                                   "result": ImportResult.model_validate(job.result) if job.result else None})


async def start_export(session: AsyncSession, principal: Principal, export: ExportSpec, flt: Any, fmt: str) -> None:
    """Before the stream starts: a bad org_unit filter is a 422 (afterwards it could only break the file),
    and the export is audited with the fields it carries."""
    unit = getattr(flt, "org_unit", None)
    if unit is not None:
        await org_units.filter_paths(session, unit)
    await exports.record(session, principal, export, fmt)
