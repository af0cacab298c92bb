"""`donghanh worker` SIGKILLed while a delivery is in flight: once restarted it delivers every event at least
once, and a receiver deduplicating by the idempotency key the worker sends (X-DongHanh-Delivery) handles each
event exactly once, in order per referral."""
from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import threading
import time
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import async_sessionmaker

from donghanh.core import crypto
from donghanh.core.outbox import emit
from donghanh.core.principal import SYSTEM
from donghanh.core.vocabulary import ServiceType
from donghanh.db import create_engine
from donghanh.org_units.seed import unit_id
from donghanh.organisations import service as organisations
from donghanh.organisations.models import OrganisationKind
from donghanh.organisations.schemas import OrganisationCreate
from donghanh.webhooks import service as webhooks
from donghanh.webhooks.schemas import WebhookCreate
from tests.fixtures.database import settings_for_tests
from tests.integration.processes import CLI, ROOT, ScratchDatabase, record_figures, scratch_database

REFERRALS = 8
EVENTS_PER_REFERRAL = 3
HELD = 10  # the receiver holds the request of the 11th event open; the worker is killed meanwhile
DEADLINE_SECONDS = 60


class Receiver:
    """A partner's endpoint: keeps every request, and holds one chosen event's first request open."""

    def __init__(self, held_event_id: str) -> None:
        self.requests: list[dict[str, Any]] = []
        self.held_event_id = held_event_id
        self.holding = threading.Event()
        self.release = threading.Event()
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"]))
                event = json.loads(body)
                with receiver.lock:
                    first_of_held = event["id"] == receiver.held_event_id and not receiver.holding.is_set()
                    receiver.requests.append({"key": self.headers["X-DongHanh-Delivery"], "body": event})
                if first_of_held:
                    receiver.holding.set()
                    receiver.release.wait(DEADLINE_SECONDS)
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()

    def snapshot(self) -> list[dict[str, Any]]:
        with self.lock:
            return [*self.requests]


async def _events(url: str, receiver_url: str) -> list[tuple[str, str]]:
    """A provider's webhook and REFERRALS × EVENTS_PER_REFERRAL events fanned out to it: (event id, referral)."""
    settings = settings_for_tests(url)
    crypto.configure(settings.field_encryption_keys, settings.field_encryption_active_kid, settings.blind_index_key)
    engine = create_engine(settings)
    events = []
    try:
        async with async_sessionmaker(engine, expire_on_commit=False, autoflush=False)() as session:
            provider = await organisations.create(session, SYSTEM, organisation_in=OrganisationCreate(
                name="Trung tâm Trợ giúp pháp lý Hà Nội", kind=OrganisationKind.legal_aid_center,
                org_unit_id=unit_id("/p01/"), services=[ServiceType.legal_counselling]))
            await webhooks.create(session, SYSTEM, settings, webhook_in=WebhookCreate(
                url=receiver_url, organisation_id=provider.id, events=["referral.sent", "referral.status_changed"]))
            referrals = [uuid.uuid4() for _ in range(REFERRALS)]
            for step, status in enumerate(["sent", "accepted", "completed"][:EVENTS_PER_REFERRAL]):
                for referral in referrals:
                    event = await emit(session, "referral.sent" if step == 0 else "referral.status_changed",
                                       aggregate_type="referral", aggregate_id=referral, organisation_id=provider.id,
                                       data={"referral_id": str(referral), "status": status})
                    assert await webhooks.fan_out(session, event, {provider.id}) == 1
                    events.append((str(event.event_id), str(referral)))
            await session.commit()
    finally:
        await engine.dispose()
    return events


def _worker(database: ScratchDatabase, log: Path) -> subprocess.Popen[bytes]:
    env = database.env | {"DONGHANH_WEBHOOK_ALLOW_PRIVATE_TARGETS": "true", "DONGHANH_OUTBOX_POLL_SECONDS": "0.1",
                          "DONGHANH_WEBHOOK_CLAIM_SECONDS": "1", "DONGHANH_WEBHOOK_BACKOFF_SECONDS": "0.2",
                          "DONGHANH_WEBHOOK_TIMEOUT_SECONDS": str(DEADLINE_SECONDS)}
    with log.open("ab") as out:
        return subprocess.Popen([*CLI, "worker"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)


def _wait(what: str, condition: Any, worker: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + DEADLINE_SECONDS
    while not condition():
        assert worker.poll() is None, f"the worker exited: {log.read_text(errors='replace')[-2000:]}"
        assert time.monotonic() < deadline, f"timed out waiting for {what}: {log.read_text(errors='replace')[-2000:]}"
        time.sleep(0.05)


def _stop(worker: subprocess.Popen[bytes]) -> None:
    if worker.poll() is None:
        worker.kill()
    worker.wait(timeout=30)


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ScratchDatabase]:
    with scratch_database(request.param, tmp_path, "outbox_kill") as scratch:
        yield scratch


def test_worker_killed_mid_delivery_delivers_every_event_once_to_an_idempotent_receiver(
        database: ScratchDatabase, tmp_path: Path, settings: Any) -> None:
    receiver = Receiver(held_event_id="")
    log = tmp_path / "worker.log"
    try:
        events = asyncio.run(_events(database.url, receiver.url))
        receiver.held_event_id = events[HELD][0]
        pending = "SELECT count(*) FROM webhook_delivery WHERE status = 'pending'"

        first = _worker(database, log)
        try:
            _wait("the held delivery", receiver.holding.is_set, first, log)
            os.kill(first.pid, signal.SIGKILL)
            assert first.wait(timeout=30) == -signal.SIGKILL
        finally:
            _stop(first)
        # The delivery in flight was not recorded as delivered: the worker died before the answer.
        held_status = database.scalar("SELECT d.status FROM webhook_delivery d JOIN outbox_event e "
                                      f"ON e.id = d.outbox_event_id ORDER BY e.id LIMIT 1 OFFSET {HELD}")
        assert held_status == "pending"
        delivered_before_restart = len(events) - database.scalar(pending)
        receiver.release.set()

        second = _worker(database, log)
        try:
            _wait("every delivery", lambda: database.scalar(pending) == 0, second, log)
        finally:
            _stop(second)
    finally:
        receiver.stop()
        crypto.configure(settings.field_encryption_keys, settings.field_encryption_active_kid, settings.blind_index_key)

    requests = receiver.snapshot()
    keys_per_event: dict[str, set[str]] = {}
    handled: list[dict[str, Any]] = []  # what the receiver acts on: the first request of each idempotency key
    for request in requests:
        keys_per_event.setdefault(request["body"]["id"], set()).add(request["key"])
        if request["key"] not in {h["key"] for h in handled}:
            handled.append(request)
    seen_twice = sum(len(keys) > 1 for keys in keys_per_event.values())
    delivered = database.scalar("SELECT count(*) FROM webhook_delivery WHERE status = 'delivered'")
    record_figures("outbox_kill", database.kind, events=len(events), delivered=delivered,
                   delivered_before_kill=delivered_before_restart, requests_received=len(requests),
                   redelivered=len(requests) - len(events), seen_twice_by_receiver=seen_twice)

    assert delivered == len(events)
    assert set(keys_per_event) == {event_id for event_id, _ in events}
    assert seen_twice == 0
    assert len(handled) == len(events)
    # The held event reached the receiver twice under one key (at least once), with the same body.
    held = [r for r in requests if r["body"]["id"] == receiver.held_event_id]
    assert len(held) == 2 and held[0]["body"] == held[1]["body"]
    # Each referral's events were handled in the order they happened.
    for referral in {r for _, r in events}:
        expected = [event_id for event_id, r in events if r == referral]
        assert [h["body"]["id"] for h in handled if h["body"]["data"]["referral_id"] == referral] == expected
