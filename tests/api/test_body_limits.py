"""Oversize input: bodies past the limit answer 413 whether they declare their size or stream it chunked;
page sizes past the maximum answer 422. Nothing is buffered past the limit."""
from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from donghanh.main import MAX_BODY_BYTES
from tests.fixtures.figures import record
from tests.fixtures.world import World

URL = "/api/v1/establishments"


async def test_a_declared_oversize_body_is_413(client: httpx.AsyncClient, world: World) -> None:
    body = b'{"name": "' + b"a" * (MAX_BODY_BYTES + 10) + b'"}'
    response = await client.post(URL, content=body, headers=world.auth("case_worker") | {
        "content-type": "application/json"})
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("application/problem+json")
    record("limits", case="body past 2 MiB with Content-Length", sent=1, refused_413=1)


async def test_a_chunked_oversize_body_is_413(client: httpx.AsyncClient, world: World) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"name": "'
        for _ in range(MAX_BODY_BYTES // 65536 + 2):
            yield b"a" * 65536
        yield b'"}'

    response = await client.post(URL, content=chunks(), headers=world.auth("case_worker") | {
        "content-type": "application/json"})
    assert response.status_code == 413
    assert response.json()["title"] == "Payload too large"
    record("limits", case="chunked body past 2 MiB", sent=1, refused_413=1)


async def test_a_body_under_the_limit_goes_through(client: httpx.AsyncClient, world: World) -> None:
    response = await client.post(URL, json={"name": "Quán karaoke Nhỏ", "type": "karaoke",
                                            "org_unit_id": str(world.units["ba_dinh"].id)},
                                 headers=world.auth("case_worker"))
    assert response.status_code == 201


@pytest.mark.parametrize("url", ["/api/v1/establishments", "/api/v1/clients", "/api/v1/contacts",
                                 "/api/v1/referrals", "/api/v1/activities", "/api/v1/audit-events"])
@pytest.mark.parametrize("limit", ["501", "100000", "0", "-1", "1e3"])
async def test_page_sizes_past_the_maximum_are_422(client: httpx.AsyncClient, world: World, url: str,
                                                   limit: str) -> None:
    response = await client.get(url, params={"limit": limit}, headers=world.auth("program_manager"))
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["loc"] == ["query", "limit"]
