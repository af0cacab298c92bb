"""Referrals: the status machine, the provider's minimum view, consent and the legal basis, overdue lists."""
from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import httpx
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.core.outbox import OutboxEvent
from donghanh.referrals.models import ReferralEvent, ReferralStatus
from donghanh.referrals.transitions import TRANSITIONS
from tests.fixtures.world import ACCOUNTS, World

URL = "/api/v1/referrals"

VISIBLE = {
    "program_manager": {"legal_sent", "health_sent", "draft"},
    "case_worker": {"legal_sent", "health_sent", "draft"},
    "peer_educator": {"legal_sent"},
    "service_provider": {"legal_sent"},
    "service_provider_2": {"health_sent"},
    "program_manager_hcm": {"hcm"},
}
MAY_READ = {"program_manager", "case_worker", "peer_educator", "peer_educator_2", "service_provider",
            "service_provider_2", "program_manager_hcm"}
PROTECTED = {"full_name", "phone", "id_number", "notes", "client_id", "legal_basis", "legal_basis_reason",
             "consent_data_processing_on"}


def _keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


async def _view(client: httpx.AsyncClient, world: World, account: str, key: str) -> Any:
    return (await client.get(f"{URL}/{world.referrals[key]}", headers=world.auth(account))).json()


async def _step(client: httpx.AsyncClient, world: World, account: str, key_or_id: Any, to: str,
                **extra: Any) -> httpx.Response:
    referral_id = world.referrals.get(key_or_id, key_or_id)
    return await client.post(f"{URL}/{referral_id}/transitions", json={"to": to} | extra,
                             headers=world.auth(account))


class TestVisibility:
    @pytest.mark.parametrize("target", ["legal_sent", "health_sent", "draft", "hcm"])
    @pytest.mark.parametrize("account", list(ACCOUNTS))
    async def test_read(self, client: httpx.AsyncClient, world: World, account: str, target: str) -> None:
        response = await client.get(f"{URL}/{world.referrals[target]}", headers=world.auth(account))
        if account not in MAY_READ:
            assert response.status_code == 403
        elif target in VISIBLE.get(account, set()):
            assert response.status_code == 200
        else:
            assert response.status_code == 404
            assert "Giới thiệu" not in response.text

    @pytest.mark.parametrize("account", sorted(MAY_READ))
    async def test_list(self, client: httpx.AsyncClient, world: World, account: str) -> None:
        items = (await client.get(URL, headers=world.auth(account))).json()["items"]
        assert {i["id"] for i in items} == {str(world.referrals[k]) for k in VISIBLE.get(account, set())}

    async def test_provider_sees_only_the_minimum(self, client: httpx.AsyncClient, world: World) -> None:
        body = await _view(client, world, "service_provider", "legal_sent")
        # The person consented to processing but not to sharing: no name, no phone — not even the keys.
        assert set(body["client"]) == {"code", "sex", "age_group", "group"}
        assert not (_keys(body) & PROTECTED)
        assert body["allowed_transitions"] == ["accepted", "declined"]

    async def test_consent_to_share_reveals_name_and_phone_to_the_provider(
        self, client: httpx.AsyncClient, world: World
    ) -> None:
        person = f"/api/v1/clients/{world.clients['educator_1']}"
        shared = await client.patch(person, json={"consent_share_with_providers": True},
                                    headers=world.auth("case_worker") | {"If-Match": "*"})
        assert shared.status_code == 200
        body = await _view(client, world, "service_provider", "legal_sent")
        assert body["client"]["full_name"] == "Người educator_1" and body["client"]["phone"] == "0912345678"
        events = (await client.get("/api/v1/audit-events", params={"resource_id": str(world.clients["educator_1"])},
                                   headers=world.auth("admin"))).json()["items"]
        assert ("service.provider", ["full_name", "phone"]) in [(e["actor_name"], e["fields"]) for e in events]


class TestStatusMachine:
    async def test_provider_accepts_then_completes(self, client: httpx.AsyncClient, world: World) -> None:
        accepted = await _step(client, world, "service_provider", "legal_sent", "accepted", note="Đã nhận hồ sơ")
        assert accepted.status_code == 200, accepted.text
        done = await _step(client, world, "service_provider", "legal_sent", "completed", outcome="Đã tư vấn")
        assert done.json()["status"] == "completed" and done.json()["outcome"] == "Đã tư vấn"
        timeline = await _view(client, world, "case_worker", "legal_sent")
        assert [(h["from_status"], h["to_status"], h["actor_name"]) for h in timeline["history"]] == [
            (None, "draft", "Người dùng peer_educator"), ("draft", "sent", "Người dùng peer_educator"),
            ("sent", "accepted", "Người dùng service_provider"),
            ("accepted", "completed", "Người dùng service_provider")]
        assert timeline["closed_at"] is not None and timeline["allowed_transitions"] == []

    async def test_an_invalid_step_is_409_naming_the_allowed_ones(self, client: httpx.AsyncClient,
                                                                  world: World) -> None:
        response = await _step(client, world, "service_provider", "legal_sent", "completed", outcome="x")
        assert response.status_code == 409
        assert response.json()["allowed"] == ["accepted", "declined"]
        assert "accepted, declined" in response.json()["detail"]

    async def test_only_the_provider_may_decline(self, client: httpx.AsyncClient, world: World) -> None:
        response = await _step(client, world, "case_worker", "legal_sent", "declined", decline_reason="x")
        assert response.status_code == 409
        declined = await _step(client, world, "service_provider", "legal_sent", "declined",
                               decline_reason="Ngoài phạm vi hỗ trợ")
        assert declined.json()["decline_reason"] == "Ngoài phạm vi hỗ trợ"

    async def test_decline_needs_a_reason(self, client: httpx.AsyncClient, world: World) -> None:
        response = await _step(client, world, "service_provider", "legal_sent", "declined")
        assert response.status_code == 422

    async def test_referrer_records_completion_on_behalf_of_a_provider(
        self, client: httpx.AsyncClient, world: World
    ) -> None:
        assert (await _step(client, world, "case_worker", "health_sent", "accepted")).status_code == 200
        response = await _step(client, world, "case_worker", "health_sent", "not_completed",
                               outcome="Không đến khám")
        assert response.status_code == 200

    async def test_draft_is_sent_then_cancelled(self, client: httpx.AsyncClient, world: World,
                                                session: AsyncSession) -> None:
        before = await session.scalar(select(func.count()).select_from(OutboxEvent))
        assert (await _step(client, world, "case_worker", "draft", "sent")).status_code == 200
        assert (await _step(client, world, "case_worker", "draft", "cancelled")).status_code == 200
        types = (await session.execute(select(OutboxEvent.event_type).order_by(OutboxEvent.id))).scalars().all()
        assert types[before:] == ["referral.sent", "referral.status_changed"]

    async def test_provider_cannot_touch_another_providers_referral(
        self, client: httpx.AsyncClient, world: World
    ) -> None:
        response = await _step(client, world, "service_provider_2", "legal_sent", "accepted")
        assert response.status_code == 404

    async def test_provider_cannot_edit_the_referral(self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.patch(f"{URL}/{world.referrals['legal_sent']}", json={"reason": "x"},
                                      headers=world.auth("service_provider") | {"If-Match": "*"})
        assert response.status_code == 409


PROPERTY = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@PROPERTY
@given(steps=st.lists(st.tuples(st.sampled_from(["case_worker", "service_provider"]),
                                st.sampled_from(list(ReferralStatus))), max_size=8))
async def test_history_always_matches_the_status(client: httpx.AsyncClient, world: World,
                                                 steps: list[tuple[str, ReferralStatus]]) -> None:
    created = await client.post(URL, headers=world.auth("case_worker"), json={
        "client_id": str(world.clients["case_worker"]), "service_type": "legal_counselling",
        "to_organisation_id": str(world.organisations["legal_aid_hanoi"])})
    referral_id = created.json()["id"]
    status = "draft"
    for account, to in steps:
        response = await _step(client, world, account, referral_id, to.value, decline_reason="lý do", outcome="kết quả")
        side_ok = any(frm == status and target == to for (frm, target) in TRANSITIONS)
        if response.status_code == 200:
            assert side_ok
            status = to.value
        else:
            assert response.status_code in (404, 409), response.text
    view = (await client.get(f"{URL}/{referral_id}", headers=world.auth("case_worker"))).json()
    assert view["status"] == status
    history = view["history"]
    assert history[0]["from_status"] is None and history[-1]["to_status"] == status
    for before, after in zip(history, history[1:], strict=False):
        assert after["from_status"] == before["to_status"]
        assert (ReferralStatus(after["from_status"]), ReferralStatus(after["to_status"])) in TRANSITIONS


class TestCreation:
    async def test_from_a_contacts_needs_in_one_step(self, client: httpx.AsyncClient, world: World) -> None:
        targets = [{"service_type": "health_check", "to_organisation_id": str(world.organisations["health_hanoi"])},
                   {"service_type": "legal_counselling",
                    "to_organisation_id": str(world.organisations["legal_aid_hanoi"])}]
        response = await client.post(f"/api/v1/contacts/{world.contacts['case_worker']}/referrals",
                                     headers=world.auth("case_worker"),
                                     json={"targets": targets, "follow_up_due_on": "2026-12-15"})
        assert response.status_code == 201, response.text
        assert [(r["service_type"], r["status"]) for r in response.json()] == [
            ("health_check", "sent"), ("legal_counselling", "sent")]
        assert {r["contact_id"] for r in response.json()} == {str(world.contacts["case_worker"])}

    async def test_provider_must_offer_the_service(self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.post(URL, headers=world.auth("case_worker"), json={
            "client_id": str(world.clients["case_worker"]), "service_type": "shelter",
            "to_organisation_id": str(world.organisations["legal_aid_hanoi"])})
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "service_type"]

    async def test_anonymous_contact_cannot_be_referred(self, client: httpx.AsyncClient, world: World) -> None:
        contact = await client.post("/api/v1/contacts", headers=world.auth("case_worker"), json={
            "contacted_on": "2026-11-20", "org_unit_id": str(world.units["ba_dinh"].id), "place": "community",
            "needs": ["health_check"]})
        response = await client.post(f"/api/v1/contacts/{contact.json()['id']}/referrals",
                                     headers=world.auth("case_worker"), json={"targets": [{
                                         "service_type": "health_check",
                                         "to_organisation_id": str(world.organisations["health_hanoi"])}]})
        assert response.status_code == 422

    async def test_victim_without_consent_needs_a_legal_basis(self, client: httpx.AsyncClient, world: World) -> None:
        victim = await client.post("/api/v1/clients", headers=world.auth("case_worker"), json={
            "sex": "female", "birth_year": 2004, "group": "trafficking_victim",
            "org_unit_id": str(world.units["ba_dinh"].id)})
        body = {"client_id": victim.json()["id"], "service_type": "legal_counselling",
                "to_organisation_id": str(world.organisations["legal_aid_hanoi"]), "send": True}
        refused = await client.post(URL, headers=world.auth("case_worker"), json=body)
        assert refused.status_code == 422
        assert {tuple(e["loc"]) for e in refused.json()["errors"]} == {("body", "legal_basis"),
                                                                       ("body", "legal_basis_reason")}
        sent = await client.post(URL, headers=world.auth("case_worker"), json=body | {
            "legal_basis": "Luật Phòng, chống mua bán người 2024, Điều 31",
            "legal_basis_reason": "Cần trợ giúp pháp lý khẩn cấp để lấy lại giấy tờ"})
        assert sent.status_code == 201
        provider_view = (await client.get(f"{URL}/{sent.json()['id']}", headers=world.auth("service_provider"))).json()
        assert provider_view["client"]["group"] is None and "full_name" not in provider_view["client"]
        assert "trafficking" not in str(provider_view)
        events = (await client.get("/api/v1/audit-events", params={"action": "disclose_without_consent"},
                                   headers=world.auth("admin"))).json()["items"]
        assert [e["resource_id"] for e in events] == [sent.json()["id"]]

    async def test_overdue_filter(self, client: httpx.AsyncClient, world: World) -> None:
        await client.patch(f"{URL}/{world.referrals['health_sent']}", json={"follow_up_due_on": "2026-01-01"},
                           headers=world.auth("case_worker") | {"If-Match": "*"})
        overdue = (await client.get(URL, params={"overdue": "true"}, headers=world.auth("case_worker"))).json()
        assert [r["id"] for r in overdue["items"]] == [str(world.referrals["health_sent"])]
        assert overdue["items"][0]["overdue"] is True


async def test_a_lists_history_is_the_one_its_referral_shows(client: httpx.AsyncClient, world: World,
                                                             session: AsyncSession) -> None:
    """On PostgreSQL a list page's histories are JSON the database writes (referrals.repository), a referral
    read alone gets its own from rows: the two must agree to the character, for times with and without
    microseconds and for notes that JSON has to escape."""
    created = await client.post(URL, headers=world.auth("case_worker"), json={
        "client_id": str(world.clients["case_worker"]), "service_type": "legal_counselling",
        "to_organisation_id": str(world.organisations["legal_aid_hanoi"])})
    referral_id = created.json()["id"]
    notes = ['Gửi "gấp"\n\tvì C:\\hồ sơ ✓ 🙏', "\u001f\u007f</script>"]
    assert (await _step(client, world, "case_worker", referral_id, "sent", note=notes[0])).status_code == 200
    assert (await _step(client, world, "service_provider", referral_id, "accepted", note=notes[1])).status_code == 200
    # One step on a whole second (written without a fraction), the next five microseconds past it.
    steps = ReferralEvent.referral_id == uuid.UUID(referral_id)
    drafted = (await session.execute(select(ReferralEvent.at).where(steps, ReferralEvent.to_status == "draft"))
               ).scalar_one()
    whole = drafted.replace(microsecond=0) + timedelta(seconds=1)
    for status, at in (("sent", whole), ("accepted", whole + timedelta(microseconds=5))):
        await session.execute(update(ReferralEvent).where(steps, ReferralEvent.to_status == status).values(at=at))
    await session.flush()
    for account in ("case_worker", "service_provider"):
        alone = await client.get(f"{URL}/{referral_id}", headers=world.auth(account))
        listed = await client.get(URL, params={"client": str(world.clients["case_worker"]), "limit": 500},
                                  headers=world.auth(account))
        assert alone.status_code == listed.status_code == 200
        item = next(i for i in listed.json()["items"] if i["id"] == referral_id)
        assert item["history"] == alone.json()["history"], account
        assert [(s["to_status"], s["note"]) for s in item["history"]] == [
            ("draft", None), ("sent", notes[0]), ("accepted", notes[1])]
        second = whole.strftime("%Y-%m-%dT%H:%M:%S")
        assert [s["at"] for s in item["history"][1:]] == [f"{second}Z", f"{second}.000005Z"]
        # The text too, character for character: compact, escaped as the reader's own answer escapes it.
        written = orjson.dumps(item["history"]).decode()
        listed_at = listed.text.index('"history":', listed.text.index(f'"id":"{referral_id}"')) + 10
        alone_at = alone.text.index('"history":') + 10
        assert listed.text[listed_at:listed_at + len(written)] == alone.text[alone_at:alone_at + len(written)] \
            == written
