from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.fixtures.world import World


class TestPeerGroups:
    async def test_group_with_members(self, client: httpx.AsyncClient, world: World) -> None:
        created = await client.post("/api/v1/peer-groups", headers=world.auth("case_worker"), json={
            "name": "Câu lạc bộ Phụ nữ Đội Cấn", "kind": "club", "org_unit_id": str(world.units["ba_dinh"].id),
            "established_on": "2025-09-01"})
        assert created.status_code == 201, created.text
        url = f"/api/v1/peer-groups/{created.json()['id']}/members"
        for role in ["leader", "deputy", "core_member", "peer_educator"]:
            response = await client.post(url, headers=world.auth("case_worker"), json={
                "full_name": f"Chị {role}", "member_role": role, "joined_on": "2025-09-01"})
            assert response.status_code == 201
        second_leader = await client.post(url, headers=world.auth("case_worker"), json={
            "full_name": "Chị khác", "member_role": "leader"})
        assert second_leader.status_code == 409
        group = await client.get(f"/api/v1/peer-groups/{created.json()['id']}", headers=world.auth("case_worker"))
        assert group.json()["members_active"] == 4
        members = await client.get(url, headers=world.auth("case_worker"))
        assert [m["member_role"] for m in members.json()] == ["leader", "deputy", "core_member", "peer_educator"]

    async def test_left_before_joined_is_422(self, client: httpx.AsyncClient, world: World) -> None:
        url = f"/api/v1/peer-groups/{world.peer_groups['ba_dinh']}/members"
        response = await client.post(url, headers=world.auth("case_worker"), json={
            "full_name": "Chị Hạnh", "joined_on": "2026-05-01", "left_on": "2026-04-01"})
        assert response.status_code == 422

    async def test_educator_may_read_her_group_but_not_manage_it(self, client: httpx.AsyncClient,
                                                                 world: World) -> None:
        url = f"/api/v1/peer-groups/{world.peer_groups['ba_dinh']}"
        assert (await client.get(url, headers=world.auth("peer_educator"))).status_code == 200
        assert (await client.get(f"{url}/members", headers=world.auth("peer_educator"))).status_code == 200
        response = await client.post(f"{url}/members", headers=world.auth("peer_educator"),
                                     json={"full_name": "Chị Mới"})
        assert response.status_code == 403

    async def test_member_names_are_ciphertext(self, client: httpx.AsyncClient, world: World, session: Any) -> None:
        from sqlalchemy import text

        raw = (await session.execute(text("SELECT full_name FROM peer_group_member"))).scalars().all()
        assert raw and all(v.startswith("v1:") for v in raw)


class TestActivities:
    async def test_leader_records_the_monthly_meeting(self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.post("/api/v1/activities", headers=world.auth("peer_educator"), json={
            "kind": "group_meeting", "title": "Sinh hoạt nhóm tháng 11", "starts_on": "2026-11-15",
            "org_unit_id": str(world.units["ba_dinh"].id), "peer_group_id": str(world.peer_groups["ba_dinh"]),
            "participants_total": 22, "participants_female": 21, "materials": {"leaflets": 40}})
        assert response.status_code == 201, response.text
        listed = await client.get("/api/v1/activities", params={"peer_group": str(world.peer_groups["ba_dinh"])},
                                  headers=world.auth("peer_educator_2"))
        assert [a["participants_total"] for a in listed.json()["items"]] == [22]

    @pytest.mark.parametrize(("overrides", "needle"), [
        ({"participants_female": 30}, "participants_female"),
        ({"ends_on": "2026-11-01"}, "ends_on"),
        ({"kind": "party"}, "kind"),
        ({"participants_total": -1}, "participants_total"),
        ({"peer_group_id": "00000000-0000-0000-0000-000000000009"}, "peer_group_id"),
        ({"organiser_id": "00000000-0000-0000-0000-000000000009"}, "organiser_id"),
    ])
    async def test_bad_activity(self, client: httpx.AsyncClient, world: World, overrides: dict[str, Any],
                                needle: str) -> None:
        body = {"kind": "training", "title": "Tập huấn", "starts_on": "2026-11-10",
                "org_unit_id": str(world.units["ba_dinh"].id), "participants_total": 25} | overrides
        response = await client.post("/api/v1/activities", headers=world.auth("case_worker"), json=body)
        assert response.status_code == 422, response.text
        assert needle in response.text

    async def test_finance_officer_reads_but_cannot_write(self, client: httpx.AsyncClient, world: World) -> None:
        assert (await client.get("/api/v1/activities", headers=world.auth("finance_officer"))).status_code == 200
        response = await client.post("/api/v1/activities", headers=world.auth("finance_officer"), json={})
        assert response.status_code == 403
