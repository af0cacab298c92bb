"""Append-only, hash-chained audit events. Written in the caller's transaction, so an audited change
and its event commit or roll back together.

An event is written with its transaction into `audit_pending`, and the sequencer (`chain_pending`, run by
the worker, by the audit log's own reads and by `audit verify`) moves waiting events into the chain
(`audit_event`) in batches, oldest first, under the chain lock. Chaining in the request itself held one
lock across every audited transaction in the country from its head read to its COMMIT: on two cores, 8
connections listing establishments made ~235 requests/s with it, ~325 with the waiting room and ~345 with
no audit at all (interleaved runs). Events recorded inside a savepoint that is rolled back are dropped
with it; a transaction recording very many events (an import) writes them in batches so memory stays flat.
Waiting events are a few seconds of the log, committed and visible in `audit_pending`, but not yet under a
hash."""
from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, String, Uuid, bindparam, delete, select, text
from sqlalchemy import event as sqlalchemy_event
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Mapped, Session, SessionTransaction, mapped_column

from donghanh.core import bulk
from donghanh.core.base import Base, UTCDateTime, utcnow
from donghanh.core.context import current_request
from donghanh.core.principal import Principal

GENESIS_HASH = "0" * 64
# Serialises the sequencer on PostgreSQL for the rest of its transaction: the chain must not fork when two
# of them chain at once. (SQLite transactions are already serial: BEGIN IMMEDIATE.)
_AUDIT_LOCK_KEY = 0x44484155  # "DHAU"


class _EventContent:
    """What an event says; the chain's columns (seq, prev_hash, hash) are added when it is chained."""

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor_type: Mapped[str] = mapped_column(String(16))
    actor_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    actor_name: Mapped[str] = mapped_column(String(150))
    action: Mapped[str] = mapped_column(String(40))
    resource: Mapped[str] = mapped_column(String(60))
    resource_id: Mapped[str | None] = mapped_column(String(64))
    fields: Mapped[list[str]] = mapped_column(JSON, default=list)
    ip: Mapped[str | None] = mapped_column(String(64))
    request_id: Mapped[str | None] = mapped_column(String(64))
    org_unit_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)


class AuditEvent(_EventContent, Base):
    __tablename__ = "audit_event"

    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_audit_event_at", "at"),
        Index("ix_audit_event_actor_id", "actor_id"),
        Index("ix_audit_event_org_unit_id", "org_unit_id"),
        Index("ix_audit_event_resource_resource_id", "resource", "resource_id"),
    )


class AuditPending(_EventContent, Base):
    """An event committed with its transaction and waiting for the sequencer to chain it."""

    __tablename__ = "audit_pending"

    __table_args__ = (Index("ix_audit_pending_at_id", "at", "id"),)


_COLUMNS = tuple(column.key for column in AuditEvent.__table__.columns)
_PENDING_COLUMNS = tuple(column.key for column in AuditPending.__table__.columns)


@dataclass(slots=True)
class _Noted:
    """A noted event: AuditEvent's columns without the ORM's per-instance bookkeeping, which cost more than
    the rest of an imported row's audit (and a tenth of a list request's CPU with the rest of the append)."""

    id: uuid.UUID
    at: datetime
    actor_type: str
    actor_id: uuid.UUID | None
    actor_name: str
    action: str
    resource: str
    resource_id: str | None
    fields: list[str]
    ip: str | None
    request_id: str | None
    org_unit_id: uuid.UUID | None
    seq: int | None = None
    prev_hash: str | None = None
    hash: str | None = None


_CANONICAL_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # json.dumps builds one a call


def _canonical(event: AuditEvent | _Noted) -> bytes:
    payload = [
        event.seq, event.at.isoformat(), event.actor_type, str(event.actor_id or ""), event.actor_name,
        event.action, event.resource, event.resource_id or "", sorted(event.fields or []), event.ip or "",
        event.request_id or "", str(event.org_unit_id or ""), event.prev_hash,
    ]
    return _CANONICAL_JSON.encode(payload).encode()


def compute_hash(event: AuditEvent | _Noted) -> str:
    return hashlib.sha256(_canonical(event)).hexdigest()


_PENDING = "donghanh_audit_pending"
APPEND_BATCH = 500  # events held per transaction before they are appended early


async def record(
    session: AsyncSession,
    principal: Principal,
    action: str,
    resource: str,
    resource_id: Any = None,
    *,
    fields: list[str] | None = None,
    org_unit_id: uuid.UUID | None = None,
) -> None:
    """Note an event; it is chained and written with its transaction's commit (see the module doc)."""
    ctx = current_request.get()
    noted = _Noted(
        id=uuid.uuid4(), at=utcnow(), actor_type=principal.kind, actor_id=principal.id, actor_name=principal.name,
        action=action, resource=resource, resource_id=str(resource_id) if resource_id is not None else None,
        fields=sorted(fields or []), ip=ctx.ip, request_id=ctx.request_id, org_unit_id=org_unit_id,
    )
    sync = session.sync_session
    pending = sync.info.setdefault(_PENDING, [])
    pending.append((noted, sync.get_nested_transaction() or sync.get_transaction()))
    if len(pending) >= APPEND_BATCH:
        await session.run_sync(_append)


async def record_many(
    session: AsyncSession,
    principal: Principal,
    action: str,
    resource: str,
    records: Iterable[tuple[Any, uuid.UUID | None, list[str]]],
) -> None:
    """One event per record — (its id, its unit, the fields written) — exactly as `record` notes them, for a
    bulk write of thousands; chained and written like any other event."""
    ctx = current_request.get()
    sync = session.sync_session
    transaction = sync.get_nested_transaction() or sync.get_transaction()
    for resource_id, org_unit_id, fields in records:
        noted = _Noted(
            id=uuid.uuid4(), at=utcnow(), actor_type=principal.kind, actor_id=principal.id,
            actor_name=principal.name, action=action, resource=resource,
            resource_id=str(resource_id) if resource_id is not None else None, fields=sorted(fields), ip=ctx.ip,
            request_id=ctx.request_id, org_unit_id=org_unit_id,
        )
        pending = sync.info.setdefault(_PENDING, [])
        pending.append((noted, transaction))
        if len(pending) >= APPEND_BATCH:
            await session.run_sync(_append)


def note_denial(principal: Principal, resource: str, resource_id: Any = None) -> None:
    """A refused access: a missing permission (403) or an object that exists outside the caller's scope
    (answered 404 like a missing one). The request's own transaction rolls back with the refusal, so the
    event is kept aside and written after the answer by `write_denials`."""
    current_request.get().denials.append((principal, resource, str(resource_id) if resource_id else None))


async def write_denials(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    denials = current_request.get().denials
    if not denials:
        return
    async with sessionmaker() as session:
        for principal, resource, resource_id in denials:
            await record(session, principal, "denied", resource, resource_id)
        await session.commit()
    denials.clear()


async def flush(session: AsyncSession) -> None:
    """Write the events noted so far and chain everything waiting, now, in the caller's transaction (to read
    them back from the chain inside it)."""
    await session.run_sync(_append)
    await chain_all(session)


# Built once: the append runs in every audited transaction, and building these (and their cache keys) for
# each one cost about as much as sending them. Core statements on the session's connection: the audit log
# is not scoped and its rows never become ORM objects.
_TABLE = AuditEvent.__table__
_WAITING_TABLE = AuditPending.__table__
_CHAIN_LOCK = text("SELECT pg_advisory_xact_lock(:k)").bindparams(k=_AUDIT_LOCK_KEY)
_CHAIN_HEAD = select(_TABLE.c.seq, _TABLE.c.hash).order_by(_TABLE.c.seq.desc()).limit(1)
_WAITING = select(_WAITING_TABLE).order_by(_WAITING_TABLE.c.at, _WAITING_TABLE.c.id)
_CHAINED = delete(_WAITING_TABLE).where(_WAITING_TABLE.c.id.in_(bindparam("ids", expanding=True)))
CHAIN_BATCH = 5000  # events chained per statement set: the IN list of the delete stays far below any limit


def _append(session: Session) -> None:
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    # In one go (COPY on PostgreSQL for many), without the unit of work, and without the chain lock: the
    # sequencer chains them once committed.
    bulk.insert_rows_sync(session, _WAITING_TABLE,
                          [{key: getattr(noted, key) for key in _PENDING_COLUMNS} for noted, _ in pending])


async def chain_pending(session: AsyncSession, limit: int | None = None) -> int:
    """The sequencer: move up to `limit` (a batch) waiting events, oldest first, into the chain in the caller's
    transaction; the number moved. On PostgreSQL the chain lock is held until that transaction ends."""
    return await session.run_sync(_chain_sync, limit or CHAIN_BATCH)


def _chain_sync(session: Session, limit: int) -> int:
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        # The waiting events and the head are read by the next statements, whose snapshots are taken once
        # the lock is held: what another sequencer chained and committed meanwhile is seen as chained.
        connection.execute(_CHAIN_LOCK)
    waiting = connection.execute(_WAITING.limit(limit)).all()
    if not waiting:
        return 0
    last = connection.execute(_CHAIN_HEAD).first()
    seq, prev_hash = (last.seq, last.hash) if last else (0, GENESIS_HASH)
    rows = []
    for row in waiting:
        event = _Noted(**row._mapping)
        seq += 1
        event.seq, event.prev_hash = seq, prev_hash
        event.hash = prev_hash = compute_hash(event)
        rows.append({key: getattr(event, key) for key in _COLUMNS})
    bulk.insert_rows_sync(session, _TABLE, rows)
    connection.execute(_CHAINED, {"ids": [row.id for row in waiting]})
    return len(waiting)


async def chain_all(session: AsyncSession) -> int:
    """Chain every waiting event in the caller's transaction (the audit log's readers: what they are shown
    is the whole log)."""
    chained = 0
    while (moved := await chain_pending(session)) == CHAIN_BATCH:
        chained += moved
    return chained + moved


async def chain_waiting(sessionmaker: async_sessionmaker[AsyncSession]) -> int:
    """Chain every waiting event, a batch per transaction so the lock is held briefly (the worker's step)."""
    chained = 0
    while True:
        async with sessionmaker() as session:
            moved = await chain_pending(session)
            await session.commit()
        chained += moved
        if moved < CHAIN_BATCH:
            return chained


def _within(transaction: SessionTransaction | None, ancestor: SessionTransaction) -> bool:
    while transaction is not None:
        if transaction is ancestor:
            return True
        transaction = transaction.parent
    return False


@sqlalchemy_event.listens_for(Session, "before_commit")
def _append_before_commit(session: Session) -> None:
    _append(session)


@sqlalchemy_event.listens_for(Session, "after_soft_rollback")
def _drop_rolled_back(session: Session, previous_transaction: SessionTransaction) -> None:
    pending = session.info.get(_PENDING)
    if not pending:
        return
    if previous_transaction.parent is None:  # the whole transaction is gone, and every event noted in it
        session.info.pop(_PENDING, None)
    else:
        session.info[_PENDING] = [(e, t) for e, t in pending if not _within(t, previous_transaction)]


@dataclass
class ChainReport:
    checked: int
    broken_at_seq: int | None
    reason: str | None

    @property
    def ok(self) -> bool:
        return self.broken_at_seq is None


async def verify_chain(session: AsyncSession, batch: int = 5000) -> ChainReport:
    """Chain what is waiting, then walk the chain in order; report the first event whose hash or link does
    not hold."""
    await chain_all(session)
    expected_prev = GENESIS_HASH
    expected_seq = 1
    checked = 0
    after = 0
    while True:
        rows = (
            await session.execute(
                select(AuditEvent).where(AuditEvent.seq > after).order_by(AuditEvent.seq).limit(batch)
            )
        ).scalars().all()
        if not rows:
            return ChainReport(checked, None, None)
        for event in rows:
            if event.seq != expected_seq:
                return ChainReport(checked, expected_seq, f"event {expected_seq} is missing")
            if event.prev_hash != expected_prev:
                return ChainReport(checked, event.seq, "link to the previous event does not match")
            if compute_hash(event) != event.hash:
                return ChainReport(checked, event.seq, "content does not match its hash")
            expected_prev = event.hash
            expected_seq += 1
            checked += 1
        after = rows[-1].seq
        session.expunge_all()
