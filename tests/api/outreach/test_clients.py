"""Clients: pseudonymous codes, identities encrypted and read only where allowed, consent, duplicates."""
from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from tests.fixtures.world import World

URL = "/api/v1/clients"
CODE = re.compile(r"^DH-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$")


def _person(world: World, **overrides: Any) -> dict[str, Any]:
    return {"sex": "female", "birth_year": 2001, "group": "sex_worker", "org_unit_id": str(world.units["ba_dinh"].id),
            "full_name": "Trịnh Thị Mỹ Dung", "phone": "0987 654 321", "id_number": "001201012345",
            "consent_data_processing_on": "2026-11-01", "consent_share_with_providers": True} | overrides


async def _create(client: httpx.AsyncClient, world: World, account: str = "case_worker", **kw: Any) -> dict[str, Any]:
    response = await client.post(URL, json=_person(world, **kw), headers=world.auth(account))
    assert response.status_code == 201, response.text
    return response.json()


class TestIdentity:
    async def test_code_is_pseudonymous_and_unique(self, client: httpx.AsyncClient, world: World) -> None:
        a = await _create(client, world)
        b = await _create(client, world, full_name="Trịnh Thị Mỹ Dung", allow_duplicate=True)
        assert CODE.match(a["code"]) and CODE.match(b["code"]) and a["code"] != b["code"]
        assert "DUNG" not in a["code"] and "TRINH" not in a["code"]

    async def test_case_worker_reads_identity_and_the_read_is_audited(
        self, client: httpx.AsyncClient, world: World
    ) -> None:
        created = await _create(client, world)
        read = await client.get(f"{URL}/{created['id']}", headers=world.auth("case_worker"))
        assert read.json()["full_name"] == "Trịnh Thị Mỹ Dung" and read.json()["age_group"] == "25-34"
        events = (await client.get("/api/v1/audit-events", params={"resource_id": created["id"], "action": "read"},
                                   headers=world.auth("admin"))).json()["items"]
        assert [(e["actor_name"], e["fields"]) for e in events] == [
            ("case.worker", ["full_name", "id_number", "phone"])]

    async def test_lists_never_carry_identity(self, client: httpx.AsyncClient, world: World) -> None:
        created = await _create(client, world)
        listed = await client.get(URL, params={"q": created["code"][:7]}, headers=world.auth("case_worker"))
        item = next(i for i in listed.json()["items"] if i["id"] == created["id"])
        assert "full_name" not in item and "phone" not in item and item["has_identity"] is True

    @pytest.mark.parametrize(("filled", "expected"), [
        ({"full_name": "Trịnh Thị Mỹ Dung"}, True), ({"phone": "0987 654 321"}, True),
        ({"id_number": "001201012345"}, True), ({"notes": "Gặp ở chợ đêm"}, True), ({"notes": ""}, False), ({}, False),
    ])
    async def test_lists_tell_whether_an_identity_is_kept(
        self, client: httpx.AsyncClient, world: World, filled: dict[str, str], expected: bool
    ) -> None:
        created = await _create(client, world, **({"full_name": None, "phone": None, "id_number": None} | filled))
        listed = await client.get(URL, params={"q": created["code"]}, headers=world.auth("case_worker"))
        assert [i["has_identity"] for i in listed.json()["items"]] == [expected]

    async def test_lists_do_not_decrypt_the_identity_they_leave_out(
        self, client: httpx.AsyncClient, world: World, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from donghanh.core import crypto

        await _create(client, world)
        decrypted: list[str] = []
        decrypt = crypto.KeyRing.decrypt

        def counting(ring: crypto.KeyRing, stored: str, context: str) -> str:
            decrypted.append(context)
            return decrypt(ring, stored, context)

        monkeypatch.setattr(crypto.KeyRing, "decrypt", counting)
        listed = await client.get(URL, headers=world.auth("case_worker"))
        assert listed.status_code == 200 and listed.json()["items"]
        assert not {"client.full_name", "client.phone", "client.id_number"} & set(decrypted)
        # Notes only tell whether there are any: opened for none of these (named, or notes of three bytes
        # and more), only for a nameless client's notes short enough to be empty.
        decrypted.clear()
        for notes in ("Gặp ở chợ đêm", "abc"):
            await _create(client, world, full_name=None, phone=None, id_number=None, notes=notes)
        listed = await client.get(URL, headers=world.auth("case_worker"))
        assert listed.status_code == 200 and decrypted == []
        short = await _create(client, world, full_name=None, phone=None, id_number=None, notes="ab")
        listed = await client.get(URL, params={"q": short["code"]}, headers=world.auth("case_worker"))
        assert [i["has_identity"] for i in listed.json()["items"]] == [True] and decrypted == ["client.notes"]

    async def test_identity_is_ciphertext_in_the_database(
        self, client: httpx.AsyncClient, world: World, session: AsyncSession
    ) -> None:
        created = await _create(client, world)
        row = (await session.execute(text("SELECT full_name, phone, id_number, name_index FROM client WHERE code = :c"),
                                     {"c": created["code"]})).one()
        for stored in row[:3]:
            assert stored.startswith("v1:k1:")
        raw = " ".join(row)
        for secret in ("Dung", "Trịnh", "987", "001201012345"):
            assert secret not in raw


@pytest.mark.parametrize("plain", ["", "a", "ab", "abc", "đ", "Gặp ở chợ đêm", "x" * 4000])
def test_a_sealed_value_tells_whether_it_holds_text(plain: str) -> None:
    from donghanh.core import crypto

    ring = crypto.KeyRing.from_secrets({"k1": "a-secret-for-this-test-only-0123456789"}, "k1", "index-secret")
    assert ring.holds_text(ring.encrypt(plain, "client.notes"), "client.notes") is bool(plain)
    assert ring.holds_text(None, "client.notes") is False


class TestConsent:
    async def test_identity_without_consent_is_refused(self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.post(URL, json=_person(world, consent_data_processing_on=None),
                                     headers=world.auth("case_worker"))
        assert response.status_code == 422
        assert "consent_data_processing_on" in response.json()["detail"]

    async def test_pseudonymous_client_needs_no_consent(self, client: httpx.AsyncClient, world: World) -> None:
        created = await _create(client, world, consent_data_processing_on=None, full_name=None, phone=None,
                                id_number=None, consent_share_with_providers=False)
        assert created["has_identity"] is False and created["full_name"] is None

    async def test_withdrawing_consent_erases_identity(self, client: httpx.AsyncClient, world: World) -> None:
        created = await _create(client, world)
        response = await client.patch(f"{URL}/{created['id']}", json={"consent_data_processing_on": None},
                                      headers=world.auth("case_worker") | {"If-Match": "*"})
        assert response.status_code == 200
        body = response.json()
        assert body["full_name"] is None and body["phone"] is None and body["id_number"] is None
        assert body["consent_share_with_providers"] is False and body["code"] == created["code"]

    async def test_future_consent_date_names_the_field(self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.post(URL, json=_person(world, consent_data_processing_on="2099-01-01"),
                                     headers=world.auth("case_worker"))
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "consent_data_processing_on"]


class TestDuplicates:
    async def test_same_person_again_gets_candidates(self, client: httpx.AsyncClient, world: World) -> None:
        first = await _create(client, world)
        response = await client.post(URL, json=_person(world, full_name="trinh thi my DUNG"),
                                     headers=world.auth("case_worker"))
        assert response.status_code == 409
        assert response.json()["candidates"] == [{
            "id": first["id"], "code": first["code"], "sex": "female", "birth_year": 2001, "match": "same_name",
            "full_name": "Trịnh Thị Mỹ Dung"}]

    async def test_same_given_name_is_a_candidate_too(self, client: httpx.AsyncClient, world: World) -> None:
        await _create(client, world)
        response = await client.post(URL, json=_person(world, full_name="Phạm Dung"), headers=world.auth("case_worker"))
        assert response.status_code == 409
        assert response.json()["candidates"][0]["match"] == "same_given_name"

    async def test_educator_sees_the_code_but_not_the_name_of_someone_else_s_client(
        self, client: httpx.AsyncClient, world: World
    ) -> None:
        first = await _create(client, world, account="case_worker")
        response = await client.post(URL, json=_person(world), headers=world.auth("peer_educator"))
        assert response.status_code == 409
        (candidate,) = response.json()["candidates"]
        assert candidate["code"] == first["code"] and candidate["full_name"] is None
        assert "Dung" not in response.text

    async def test_other_year_is_not_a_duplicate(self, client: httpx.AsyncClient, world: World) -> None:
        await _create(client, world)
        await _create(client, world, birth_year=1990)

    async def test_allow_duplicate_registers_anyway(self, client: httpx.AsyncClient, world: World) -> None:
        await _create(client, world)
        await _create(client, world, allow_duplicate=True)


class TestValidation:
    @pytest.mark.parametrize(("overrides", "field"), [
        ({"sex": "woman"}, "sex"), ({"group": "victim"}, "group"), ({"birth_year": 1800}, "birth_year"),
        ({"birth_year": "2001"}, "birth_year"), ({"phone": "call me"}, "phone"), ({"id_number": "12"}, "id_number"),
        ({"org_unit_id": "00000000-0000-0000-0000-000000000000"}, "org_unit_id"),
        ({"establishment_id": "00000000-0000-0000-0000-000000000000"}, "establishment_id"),
        ({"code": "DH-AAAA-AAAA"}, "code"),
    ])
    async def test_names_the_field(self, client: httpx.AsyncClient, world: World, overrides: dict[str, Any],
                                   field: str) -> None:
        response = await client.post(URL, json=_person(world, **overrides), headers=world.auth("case_worker"))
        assert response.status_code == 422, response.text
        assert ["body", field] in [e["loc"][:2] for e in response.json()["errors"]]

    async def test_establishment_outside_scope_is_unknown(self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.post(URL, json=_person(world, establishment_id=str(world.establishments["hcm"])),
                                     headers=world.auth("case_worker"))
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "establishment_id"]
