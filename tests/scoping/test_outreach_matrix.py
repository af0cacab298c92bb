"""Role × outreach operation × object, and what keys ever reach the roles that must not see people.

Expectations come from PRODUCT.md's role table and issue #3, independently of the code's tables:
program managers and case workers see their subtree; a peer educator sees only the clients she reached
and the contacts she recorded (and her own group); nobody else sees clients or contacts at all."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from donghanh.api import route_inventory
from tests.fixtures.world import ACCOUNTS, World

VISIBLE: dict[str, dict[str, set[str]]] = {
    "clients": {
        "program_manager": {"educator_1", "educator_2", "case_worker"},
        "case_worker": {"educator_1", "educator_2", "case_worker"},
        "peer_educator": {"educator_1"},
        "peer_educator_2": {"educator_2"},
        "program_manager_hcm": {"hcm"},
    },
    "peer_groups": {
        "program_manager": {"ba_dinh"}, "case_worker": {"ba_dinh"}, "peer_educator": {"ba_dinh"},
        "peer_educator_2": {"ba_dinh"}, "program_manager_hcm": {"hcm"},
    },
    "activities": {
        "program_manager": {"educator_1", "educator_2", "case_worker"},
        "case_worker": {"educator_1", "educator_2", "case_worker"},
        "finance_officer": {"educator_1", "educator_2", "case_worker"},
        "peer_educator": {"educator_1"},
        "peer_educator_2": {"educator_2"},
        "program_manager_hcm": {"hcm"},
    },
}
VISIBLE["contacts"] = VISIBLE["clients"]
VISIBLE["members"] = {k: {"leader", "educator_2"} if "ba_dinh" in v else {"hcm"}
                      for k, v in VISIBLE["peer_groups"].items()}

OUTREACH = {"clients_read", "clients_write", "contacts_read", "contacts_write", "groups_read", "activities_read",
            "activities_write"}
MAY = {
    "admin": set(), "service_provider": set(), "inspector": set(), "viewer": set(),
    "finance_officer": {"activities_read"},
    "program_manager": OUTREACH | {"groups_write"}, "program_manager_hcm": OUTREACH | {"groups_write"},
    "case_worker": OUTREACH | {"groups_write"},
    "peer_educator": OUTREACH, "peer_educator_2": OUTREACH, "service_provider_2": set(),
}
# Keys that must never reach roles without access to individuals.
FORBIDDEN_KEYS = {"full_name", "phone", "id_number", "notes", "group", "client_id", "client_code", "code",
                  "consent_data_processing_on", "consent_share_with_providers", "needs"}


@dataclass(frozen=True)
class Op:
    method: str
    route: str
    kind: str  # which VISIBLE table decides
    needs: str
    success: int
    body: dict[str, Any] | None = None

    def url(self, world: World, target: str) -> str:
        group = "hcm" if target == "hcm" else "ba_dinh"
        member = {"hcm": "hcm", "case_worker": "leader", "educator_1": "leader"}.get(target, "educator_2")
        return (self.route.replace("{client_id}", str(world.clients[target]))
                .replace("{contact_id}", str(world.contacts[target]))
                .replace("{activity_id}", str(world.activities[target]))
                .replace("{group_id}", str(world.peer_groups[group]))
                .replace("{member_id}", str(world.members[member])))

    def target_key(self, target: str) -> str:
        if self.kind == "peer_groups":
            return "hcm" if target == "hcm" else "ba_dinh"
        if self.kind == "members":
            return {"hcm": "hcm", "case_worker": "leader", "educator_1": "leader"}.get(target, "educator_2")
        return target


OPS = [
    Op("GET", "/api/v1/clients/{client_id}", "clients", "clients_read", 200),
    Op("PATCH", "/api/v1/clients/{client_id}", "clients", "clients_write", 200, {"ethnicity": "Kinh"}),
    Op("GET", "/api/v1/clients/{client_id}/contacts", "clients", "contacts_read", 200),
    Op("GET", "/api/v1/contacts/{contact_id}", "contacts", "contacts_read", 200),
    Op("PATCH", "/api/v1/contacts/{contact_id}", "contacts", "contacts_write", 200, {"first_contact": True}),
    Op("GET", "/api/v1/activities/{activity_id}", "activities", "activities_read", 200),
    Op("PATCH", "/api/v1/activities/{activity_id}", "activities", "activities_write", 200, {"location": "Nhà văn hóa"}),
    Op("GET", "/api/v1/peer-groups/{group_id}", "peer_groups", "groups_read", 200),
    Op("PATCH", "/api/v1/peer-groups/{group_id}", "peer_groups", "groups_write", 200, {"active": True}),
    Op("GET", "/api/v1/peer-groups/{group_id}/members", "peer_groups", "groups_read", 200),
    Op("POST", "/api/v1/peer-groups/{group_id}/members", "peer_groups", "groups_write", 201,
       {"full_name": "Thành viên mới", "member_role": "collaborator"}),
    Op("PATCH", "/api/v1/peer-groups/{group_id}/members/{member_id}", "members", "groups_write", 200,
       {"phone": "0987654321"}),
]
COLLECTIONS = {
    ("GET", "/api/v1/clients"), ("POST", "/api/v1/clients"), ("GET", "/api/v1/contacts"),
    ("POST", "/api/v1/contacts"), ("GET", "/api/v1/activities"), ("POST", "/api/v1/activities"),
    ("GET", "/api/v1/peer-groups"), ("POST", "/api/v1/peer-groups"),
}
PEOPLE_ROUTES = ("/api/v1/clients", "/api/v1/contacts", "/api/v1/activities", "/api/v1/peer-groups",
                 "/api/v1/establishments")
TARGETS = ["educator_1", "educator_2", "case_worker", "hcm"]


def test_ops_cover_every_outreach_route() -> None:
    prefixes = ("/api/v1/clients", "/api/v1/contacts", "/api/v1/activities", "/api/v1/peer-groups")
    routes = {(m, p) for m, p, _ in route_inventory() if p.startswith(prefixes) and not p.endswith("/referrals")}
    assert routes == {(o.method, o.route) for o in OPS} | COLLECTIONS


def _keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("op", OPS, ids=lambda o: f"{o.method} {o.route.removeprefix('/api/v1')}")
@pytest.mark.parametrize("account", list(ACCOUNTS))
async def test_matrix(client: httpx.AsyncClient, world: World, account: str, op: Op, target: str) -> None:
    headers = world.auth(account) | ({"If-Match": "*"} if op.method == "PATCH" else {})
    response = await client.request(op.method, op.url(world, target), json=op.body, headers=headers)
    if op.needs not in MAY[account]:
        expected = 403
    elif op.target_key(target) in VISIBLE[op.kind].get(account, set()):
        expected = op.success
    else:
        expected = 404
    assert response.status_code == expected, response.text
    if expected >= 400:
        assert not (_keys(response.json()) & FORBIDDEN_KEYS)
        assert "Người " not in response.text


@pytest.mark.parametrize("account", list(ACCOUNTS))
@pytest.mark.parametrize(("url", "kind"), [("/api/v1/clients", "clients"), ("/api/v1/contacts", "contacts"),
                                           ("/api/v1/activities", "activities"),
                                           ("/api/v1/peer-groups", "peer_groups")])
async def test_collections_return_exactly_what_is_visible(
    client: httpx.AsyncClient, world: World, account: str, url: str, kind: str
) -> None:
    response = await client.get(url, params={"limit": 500}, headers=world.auth(account))
    needs = {"clients": "clients_read", "contacts": "contacts_read", "activities": "activities_read",
             "peer_groups": "groups_read"}[kind]
    if needs not in MAY[account]:
        assert response.status_code == 403
        return
    ids = {item["id"] for item in response.json()["items"]}
    table = getattr(world, kind)
    assert ids == {str(table[k]) for k in VISIBLE[kind].get(account, set())}


@pytest.mark.parametrize("account", ["inspector", "finance_officer", "viewer", "admin"])
async def test_roles_without_people_access_never_receive_people_fields(
    client: httpx.AsyncClient, world: World, account: str
) -> None:
    seen: set[str] = set()
    for method, path, _ in route_inventory():
        # Reference data (units, organisations, staff accounts, /me) legitimately has codes, phones and names.
        if method != "GET" or not path.startswith(PEOPLE_ROUTES):
            continue
        url = (path.replace("{client_id}", str(world.clients["educator_1"]))
               .replace("{contact_id}", str(world.contacts["educator_1"]))
               .replace("{activity_id}", str(world.activities["educator_1"]))
               .replace("{group_id}", str(world.peer_groups["ba_dinh"]))
               .replace("{establishment_id}", str(world.establishments["ba_dinh"]))
               .replace("{inspection_id}", str(world.inspections["ba_dinh"]))
               .replace("{unit_id}", str(world.units["ba_dinh"].id))
               .replace("{organisation_id}", str(world.organisations["police_hanoi"]))
               .replace("{user_id}", str(world.user_ids["case_worker"])))
        response = await client.get(url, headers=world.auth(account))
        assert response.status_code < 500
        seen |= _keys(response.json())
    assert not (seen & FORBIDDEN_KEYS)
