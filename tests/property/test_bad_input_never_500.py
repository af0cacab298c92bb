"""Whatever a client sends, the answer is a clear 2xx/4xx — never a 500."""
from __future__ import annotations

from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fixtures.world import World

JSON_SCALARS = (
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=300)
)
JSON = st.recursive(JSON_SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
    st.text(max_size=20), inner, max_size=4), max_leaves=12)
FIELDS = ["name", "type", "org_unit_id", "address", "latitude", "longitude", "owner_name", "workers_female",
          "workers_male", "status", "commitment_signed_on", "risk_level", "external_id", "license_expires_on",
          "version", "created_by", "id"]
BODIES = st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=10), JSON, max_size=10) | JSON
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _assert_clean(response: httpx.Response) -> None:
    assert response.status_code < 500, response.text
    if response.status_code >= 400:
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["detail"]


@PROPERTY
@given(body=BODIES)
async def test_create_establishment(client: httpx.AsyncClient, world: World, body: Any) -> None:
    _assert_clean(await client.post("/api/v1/establishments", json=body, headers=world.auth("program_manager")))


@PROPERTY
@given(body=BODIES, if_match=st.none() | st.text(max_size=40).filter(lambda s: s.isprintable() and s.isascii()))
async def test_update_establishment(client: httpx.AsyncClient, world: World, body: Any, if_match: str | None) -> None:
    headers = world.auth("program_manager") | ({"If-Match": if_match} if if_match is not None else {})
    url = f"/api/v1/establishments/{world.establishments['ba_dinh']}"
    _assert_clean(await client.patch(url, json=body, headers=headers))


QUERY_KEYS = ["org_unit", "type", "status", "risk_level", "has_commitment", "q", "sort", "limit", "cursor"]


@PROPERTY
@given(params=st.dictionaries(st.sampled_from(QUERY_KEYS), st.text(max_size=60), max_size=6))
async def test_list_filters(client: httpx.AsyncClient, world: World, params: dict[str, str]) -> None:
    _assert_clean(await client.get("/api/v1/establishments", params=params, headers=world.auth("case_worker")))
    _assert_clean(await client.get("/api/v1/org-units", params=params, headers=world.auth("case_worker")))


@PROPERTY
@given(raw=st.binary(max_size=200))
async def test_raw_bytes_as_json(client: httpx.AsyncClient, world: World, raw: bytes) -> None:
    headers = world.auth("inspector") | {"content-type": "application/json"}
    url = f"/api/v1/establishments/{world.establishments['ba_dinh']}/inspections"
    _assert_clean(await client.post(url, content=raw, headers=headers))


@PROPERTY
@given(username=st.text(max_size=300), password=st.text(max_size=300))
async def test_sign_in_form(client: httpx.AsyncClient, username: str, password: str) -> None:
    response = await client.post("/api/v1/auth/token",
                                 data={"grant_type": "password", "username": username, "password": password})
    assert response.status_code in (401, 422, 429), response.text
