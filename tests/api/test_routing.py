"""Routing: each domain router skips paths outside where it is mounted (core/routing.py), and that changes
nothing a caller sees — every operation is still found, a wrong method is still a 405, a trailing slash
still redirects, and the app still routes behind a proxy's path prefix."""
from __future__ import annotations

from typing import Any

import httpx
import pytest
from starlette.routing import Match

from donghanh.api import API_PREFIX, DOMAIN_ROUTERS, route_inventory
from donghanh.referrals.router import router as referrals_router
from tests.fixtures.world import World


def _scope(path: str, method: str = "GET", root_path: str = "") -> dict[str, Any]:
    return {"type": "http", "path": root_path + path, "root_path": root_path, "method": method,
            "headers": [], "query_string": b""}


def test_every_domain_router_knows_where_it_is_mounted(app: Any) -> None:
    assert all(router.mounted_at == API_PREFIX + router.prefix for router in DOMAIN_ROUTERS)


def test_a_router_skips_paths_outside_its_prefix(app: Any) -> None:
    """(Paths inside it still reach their routes: the next test walks every operation.)"""
    assert referrals_router.mounted_at == f"{API_PREFIX}/referrals"
    assert referrals_router.matches(_scope(f"{API_PREFIX}/contacts"))[0] == Match.NONE
    # Behind a proxy's prefix the path the routes match is the one without it.
    assert referrals_router.matches(_scope(f"{API_PREFIX}/contacts", root_path="/dh"))[0] == Match.NONE


@pytest.mark.parametrize("root_path", ["", "/dh"])
async def test_every_operation_is_still_found(app: Any, root_path: str) -> None:
    """No path the inventory lists falls through to a 404 or 405: each reaches its route (unauthenticated,
    so a 401), with and without a proxy's path prefix."""
    transport = httpx.ASGITransport(app=app, root_path=root_path)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        for method, path, route in route_inventory():
            concrete = path.replace("{", "").replace("}", "")  # any value: the router's answer is what counts
            for name, convertor in route.param_convertors.items():
                if type(convertor).__name__ == "UUIDConvertor":
                    concrete = concrete.replace(name, "00000000-0000-4000-8000-000000000000")
            response = await client.request(method, root_path + concrete)
            assert response.status_code not in (404, 405), (method, path, response.status_code, response.text)


async def test_a_wrong_method_is_still_405_and_a_trailing_slash_still_redirects(
    client: httpx.AsyncClient, world: World
) -> None:
    wrong = await client.delete(f"{API_PREFIX}/referrals", headers=world.auth("case_worker"))
    assert wrong.status_code == 405
    slashed = await client.get(f"{API_PREFIX}/referrals/", headers=world.auth("case_worker"))
    assert slashed.status_code == 307
    assert slashed.headers["location"].endswith(f"{API_PREFIX}/referrals")
    elsewhere = await client.get(f"{API_PREFIX}/no-such-thing", headers=world.auth("case_worker"))
    assert elsewhere.status_code == 404
