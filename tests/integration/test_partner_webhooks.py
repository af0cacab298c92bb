"""End to end over real HTTP: the server (uvicorn) on 127.0.0.1, a partner receiver that is down for a while,
and a partner "script" that uses nothing but HTTP and its client credentials."""
from __future__ import annotations

import asyncio
import re
import socket
import threading
import time
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from sqlalchemy.ext.asyncio import async_sessionmaker

from donghanh.api_clients import service as api_clients
from donghanh.api_clients.schemas import ApiClientCreate
from donghanh.cli import run_migrations
from donghanh.core import crypto
from donghanh.core.permissions import Permission, Role
from donghanh.core.principal import SYSTEM
from donghanh.core.vocabulary import ServiceType
from donghanh.db import Database, create_engine
from donghanh.main import create_app
from donghanh.org_units.seed import seed_org_units, unit_id
from donghanh.organisations import service as organisations
from donghanh.organisations.models import OrganisationKind
from donghanh.organisations.schemas import OrganisationCreate
from donghanh.users import service as users
from donghanh.users.schemas import UserCreate
from tests.fixtures.database import settings_for_tests

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "mật khẩu tích hợp dài"


def _verify_signature_from_the_guide() -> Any:
    """The partner guide's verification code, run exactly as published."""
    guide = (ROOT / "docs" / "partners.md").read_text(encoding="utf-8")
    code = re.search(r"<!-- verify-signature -->\s*```python\n(.*?)```", guide, re.S)
    assert code, "docs/partners.md lost its verify-signature block"
    namespace: dict[str, Any] = {}
    exec(compile(code.group(1), "docs/partners.md", "exec"), namespace)  # noqa: S102
    return namespace["verify_signature"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Receiver:
    def __init__(self, port: int) -> None:
        self.port = port
        self.events: list[dict[str, Any]] = []
        self.server: ThreadingHTTPServer | None = None
        self.secret = ""

    def start(self, verify: Any) -> None:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.events.append({
                    "event": self.headers["X-DongHanh-Event"], "delivery": self.headers["X-DongHanh-Delivery"],
                    "valid": verify(receiver.secret, self.headers["X-DongHanh-Signature"], body),
                    "body": httpx.Response(200, content=body).json(),
                })
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
            self.server.server_close()


async def _prepare(settings: Any) -> dict[str, Any]:
    engine = create_engine(settings)
    maker = async_sessionmaker(engine, expire_on_commit=False, autoflush=False)
    async with maker() as session:
        await seed_org_units(session, include_legacy=False)
        ba_dinh = unit_id("/p01/w00004/")
        legal = await organisations.create(session, SYSTEM, organisation_in=OrganisationCreate(
            name="Trung tâm Trợ giúp pháp lý Hà Nội", kind=OrganisationKind.legal_aid_center,
            org_unit_id=unit_id("/p01/"), services=[ServiceType.legal_counselling]))
        await users.create(session, SYSTEM, user_in=UserCreate(
            username="canbo", full_name="Cán bộ xã", password=PASSWORD, role=Role.case_worker, org_unit_id=ba_dinh))
        partner = await api_clients.create(session, SYSTEM, client_in=ApiClientCreate(
            name="Hệ thống TGPL", organisation_id=legal.id,
            scopes=[Permission.referrals_read, Permission.referrals_write, Permission.webhooks_manage]))
        await session.commit()
    await engine.dispose()
    return {"ba_dinh": str(ba_dinh), "legal": str(legal.id), "client_id": partner.client_id,
            "client_secret": partner.client_secret}


@pytest.fixture
def live(tmp_path: Path, settings: Any) -> Iterator[tuple[str, dict[str, Any]]]:
    live_settings = settings_for_tests(f"sqlite+aiosqlite:///{tmp_path / 'live.db'}").model_copy(update={
        "outbox_worker_in_process": True, "outbox_poll_seconds": 0.1, "webhook_backoff_seconds": 0.3})
    run_migrations(live_settings.database_url)
    facts = asyncio.run(_prepare(live_settings))
    port = _free_port()
    app = create_app(live_settings, Database(live_settings))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    assert server.started
    try:
        yield f"http://127.0.0.1:{port}", facts
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        crypto.configure(settings.field_encryption_keys, settings.field_encryption_active_kid, settings.blind_index_key)


def _wait(condition: Any, timeout: float = 30) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError("timed out")


def test_partner_receives_signed_events_in_order_after_an_outage(live: tuple[str, dict[str, Any]]) -> None:
    base, facts = live
    verify = _verify_signature_from_the_guide()
    receiver = Receiver(_free_port())
    http = httpx.Client(base_url=base, timeout=10)

    # The partner's script: client credentials (HTTP Basic), then its webhook.
    token = http.post("/api/v1/auth/token", data={"grant_type": "client_credentials"},
                      auth=(facts["client_id"], facts["client_secret"])).json()["access_token"]
    partner = {"Authorization": f"Bearer {token}"}
    hook = http.post("/api/v1/webhooks", json={"url": f"http://127.0.0.1:{receiver.port}/hook"}, headers=partner)
    assert hook.status_code == 201, hook.text
    receiver.secret = hook.json()["secret"]

    # The case worker refers two people; a third request fails half-way and must leave no event behind.
    login = http.post("/api/v1/auth/token", data={"grant_type": "password", "username": "canbo", "password": PASSWORD})
    worker = {"Authorization": f"Bearer {login.json()['access_token']}"}
    referral_ids = []
    for year in (2001, 1996):
        person = http.post("/api/v1/clients", headers=worker, json={
            "sex": "female", "birth_year": year, "group": "establishment_worker", "org_unit_id": facts["ba_dinh"]})
        referral = http.post("/api/v1/referrals", headers=worker, json={
            "client_id": person.json()["id"], "service_type": "legal_counselling", "send": True,
            "to_organisation_id": facts["legal"], "follow_up_due_on": date.today().isoformat()})
        assert referral.status_code == 201, referral.text
        referral_ids.append(referral.json()["id"])
    contact = http.post("/api/v1/contacts", headers=worker, json={
        "contacted_on": date.today().isoformat(), "org_unit_id": facts["ba_dinh"], "place": "community",
        "new_client": {"sex": "female", "birth_year": 1990, "group": "sex_worker"}})
    rolled_back = http.post(f"/api/v1/contacts/{contact.json()['id']}/referrals", headers=worker, json={"targets": [
        {"service_type": "legal_counselling", "to_organisation_id": facts["legal"]},
        {"service_type": "shelter", "to_organisation_id": facts["legal"]}]})
    assert rolled_back.status_code == 422

    # The receiver is down: deliveries fail and are retried, visibly in the delivery log.
    _wait(lambda: all(d["attempts"] >= 2 for d in http.get(
        f"/api/v1/webhooks/{hook.json()['id']}/deliveries", headers=partner).json()), timeout=20)
    log = http.get(f"/api/v1/webhooks/{hook.json()['id']}/deliveries", headers=partner).json()
    assert len(log) == 2 and all(d["status"] == "pending" and d["last_error"] for d in log)

    receiver.start(verify)
    try:
        handled: set[str] = set()

        def partner_works() -> bool:
            for event in list(receiver.events):
                rid = event["body"]["data"]["referral_id"]
                if event["event"] == "referral.sent" and rid not in handled:
                    handled.add(rid)
                    seen = http.get(f"/api/v1/referrals/{rid}", headers=partner).json()
                    assert seen["allowed_transitions"] == ["accepted", "declined"]
                    assert http.post(f"/api/v1/referrals/{rid}/transitions", headers=partner,
                                     json={"to": "accepted"}).status_code == 200
                    assert http.post(f"/api/v1/referrals/{rid}/transitions", headers=partner,
                                     json={"to": "completed", "outcome": "Đã tư vấn"}).status_code == 200
            return len(receiver.events) >= 6

        _wait(partner_works, timeout=40)
        time.sleep(0.5)  # anything extra would arrive now
    finally:
        receiver.stop()

    assert all(e["valid"] for e in receiver.events)
    assert len({e["delivery"] for e in receiver.events}) == len(receiver.events) == 6
    for rid in referral_ids:
        mine = [(e["event"], e["body"]["data"]["status"]) for e in receiver.events
                if e["body"]["data"]["referral_id"] == rid]
        assert mine == [("referral.sent", "sent"), ("referral.status_changed", "accepted"),
                        ("referral.status_changed", "completed")]
    assert {e["body"]["data"]["referral_id"] for e in receiver.events} == set(referral_ids)
    timeline = http.get(f"/api/v1/referrals/{referral_ids[0]}", headers=worker).json()
    assert [h["to_status"] for h in timeline["history"]] == ["draft", "sent", "accepted", "completed"]
    assert timeline["history"][-1]["actor_type"] == "api_client"


def test_webhook_to_a_private_address_is_refused_by_default(settings: Any) -> None:
    from donghanh.webhooks.delivery import UnsafeTarget, check_target

    for url in ("https://127.0.0.1/hook", "https://10.0.0.5/x", "https://[::1]/x", "https://169.254.169.254/latest",
                "http://example.org/x", "ftp://example.org/x", "https://user:pw@example.org/x"):
        with pytest.raises(UnsafeTarget):
            asyncio.run(check_target(url, allow_private=False))
