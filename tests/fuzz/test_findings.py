"""What Schemathesis found (issue #10), each pinned by a plain request, so a regression names itself here
before the fuzz run has to find it again."""
from __future__ import annotations

import httpx
import pytest

from tests.fixtures.world import World

CASE_ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"


@pytest.mark.parametrize(("method", "path", "allow"), [
    ("TRACE", "/api/v1/me", "GET, HEAD"),
    ("PUT", "/api/v1/users/{viewer}", "GET, HEAD, PATCH"),
    ("DELETE", f"/api/v1/victim-cases/{CASE_ID}", "GET, HEAD, PATCH"),
    # A word beside an id is its own path: not a malformed id (422) of the route next to it.
    ("PATCH", "/api/v1/victim-cases/statistics", "GET, HEAD"),
    ("GET", "/api/v1/reports/overdue/transitions", None),
])
async def test_a_method_the_path_lacks_is_405_naming_every_method_it_has(
    client: httpx.AsyncClient, world: World, method: str, path: str, allow: str | None
) -> None:
    response = await client.request(method, path.format(viewer=world.user_ids["viewer"]),
                                    headers=world.auth("program_manager"))
    if allow is None:
        assert response.status_code == 404
        return
    assert response.status_code == 405
    assert response.headers["Allow"] == allow
    assert response.headers["Content-Type"] == "application/problem+json"


async def test_a_body_that_cannot_be_decoded_is_422_on_body(client: httpx.AsyncClient, world: World) -> None:
    response = await client.post("/api/v1/organisations", content=b'{"name": "\xff\xfe"}',
                                 headers={**world.auth("admin"), "Content-Type": "application/json"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body"]


async def test_broken_multipart_is_422_on_body(client: httpx.AsyncClient, world: World) -> None:
    response = await client.post("/api/v1/imports/clients", content=b"--x\r\nnot a part",
                                 headers={**world.auth("program_manager"),
                                          "Content-Type": "multipart/form-data; boundary=x"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body"]


@pytest.mark.parametrize("until", ["0", "0.5", "1700000000", "-1e-107"])
async def test_a_date_filter_refuses_a_number(client: httpx.AsyncClient, world: World, until: str) -> None:
    response = await client.get("/api/v1/contacts", params={"until": until}, headers=world.auth("program_manager"))
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["query", "until"]


async def test_a_date_filter_still_takes_an_iso_date(client: httpx.AsyncClient, world: World) -> None:
    response = await client.get("/api/v1/contacts", params={"until": "2026-10-05"},
                                headers=world.auth("program_manager"))
    assert response.status_code == 200


async def test_an_empty_idempotency_key_is_refused_on_its_header(client: httpx.AsyncClient, world: World) -> None:
    response = await client.post("/api/v1/organisations", json={}, headers={**world.auth("admin"),
                                                                           "Idempotency-Key": ""})
    assert response.status_code == 422
    assert ["header", "Idempotency-Key"] in [error["loc"] for error in response.json()["errors"]]


async def test_refresh_without_any_token_is_401(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/v1/auth/refresh")
    assert response.status_code == 401
