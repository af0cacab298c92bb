from __future__ import annotations

import httpx

from tests.fixtures.world import World


class TestUsers:
    async def test_admin_creates_a_user_who_can_sign_in(self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.post("/api/v1/users", headers=world.auth("admin"), json={
            "username": "canbo.hoankiem", "full_name": "Ngô Thị Bích", "password": "mật khẩu đủ dài",
            "role": "case_worker", "org_unit_id": str(world.units["hoan_kiem"].id)})
        assert response.status_code == 201, response.text
        assert "password" not in response.json() and "password_hash" not in response.json()
        login = await client.post("/api/v1/auth/token", data={
            "grant_type": "password", "username": "canbo.hoankiem", "password": "mật khẩu đủ dài"})
        assert login.status_code == 200
        me = await client.get("/api/v1/me", headers={"Authorization": f"Bearer {login.json()['access_token']}"})
        assert me.json()["org_unit"]["name"] == "Phường Hoàn Kiếm"
        assert "establishments:write" in me.json()["permissions"]

    async def test_duplicate_username_is_409(self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.post("/api/v1/users", headers=world.auth("admin"), json={
            "username": "viewer", "full_name": "Trùng tên", "password": "mật khẩu đủ dài",
            "role": "viewer", "org_unit_id": str(world.units["hanoi"].id)})
        assert response.status_code == 409
        assert response.json()["errors"][0]["loc"] == ["body", "username"]

    async def test_weak_password_names_the_field(self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.post("/api/v1/users", headers=world.auth("admin"), json={
            "username": "yeu", "full_name": "Mật khẩu yếu", "password": "aaaaaaaaaaaa",
            "role": "viewer", "org_unit_id": str(world.units["hanoi"].id)})
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "password"]

    async def test_program_manager_may_list_but_not_create(self, client: httpx.AsyncClient, world: World) -> None:
        listed = await client.get("/api/v1/users", params={"limit": 500}, headers=world.auth("program_manager"))
        assert listed.status_code == 200
        usernames = {u["username"] for u in listed.json()["items"]}
        assert "program.manager.hcm" not in usernames and "case.worker" in usernames
        created = await client.post("/api/v1/users", headers=world.auth("program_manager"), json={})
        assert created.status_code == 403

    async def test_hcm_manager_cannot_see_a_hanoi_user(self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.get(f"/api/v1/users/{world.user_ids['case_worker']}",
                                    headers=world.auth("program_manager_hcm"))
        assert response.status_code == 404

    async def test_admin_cannot_disable_themself(self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.patch(f"/api/v1/users/{world.user_ids['admin']}", json={"active": False},
                                      headers=world.auth("admin") | {"If-Match": "*"})
        assert response.status_code == 409


class TestOrganisations:
    async def test_admin_creates_and_everyone_reads(self, client: httpx.AsyncClient, world: World) -> None:
        created = await client.post("/api/v1/organisations", headers=world.auth("admin"), json={
            "name": "Trung tâm Trợ giúp pháp lý Hoàn Kiếm", "kind": "legal_aid_center",
            "org_unit_id": str(world.units["hoan_kiem"].id), "services": ["legal_counselling"],
            "email": "tgpl@example.vn"})
        assert created.status_code == 201, created.text
        found = await client.get("/api/v1/organisations", params={"q": "tro giup phap ly hoan kiem"},
                                 headers=world.auth("peer_educator"))
        assert [o["id"] for o in found.json()["items"]] == [created.json()["id"]]
        by_service = await client.get("/api/v1/organisations", params={"service": "legal_counselling"},
                                      headers=world.auth("viewer"))
        assert created.json()["id"] in [o["id"] for o in by_service.json()["items"]]

    async def test_non_admin_cannot_create(self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.post("/api/v1/organisations", headers=world.auth("program_manager"), json={
            "name": "X", "kind": "ngo", "org_unit_id": str(world.units["hanoi"].id)})
        assert response.status_code == 403

    async def test_bad_kind_and_email(self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.post("/api/v1/organisations", headers=world.auth("admin"), json={
            "name": "Tổ chức", "kind": "mafia", "org_unit_id": str(world.units["hanoi"].id), "email": "nope"})
        assert response.status_code == 422
        assert {tuple(e["loc"]) for e in response.json()["errors"]} == {("body", "kind"), ("body", "email")}

    async def test_patch_requires_matching_version(self, client: httpx.AsyncClient, world: World) -> None:
        url = f"/api/v1/organisations/{world.organisations['police_hanoi']}"
        current = await client.get(url, headers=world.auth("admin"))
        ok = await client.patch(url, json={"phone": "024 3826 9999"},
                                headers=world.auth("admin") | {"If-Match": current.headers["etag"]})
        assert ok.status_code == 200
        stale = await client.patch(url, json={"phone": "024 0000 0000"},
                                   headers=world.auth("admin") | {"If-Match": current.headers["etag"]})
        assert stale.status_code == 412
