"""Rate limits: past its allowance a caller gets 429 problem+json with Retry-After; other callers do not."""
from __future__ import annotations

from typing import Any

import httpx

from tests.api.test_http_hardening import _app_with
from tests.fixtures.figures import record
from tests.fixtures.world import World


def _client(app: Any, ip: str = "198.51.100.4") -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app, client=(ip, 40000)), base_url="http://test")


def _sign_in(username: str) -> dict[str, str]:
    return {"grant_type": "password", "username": username, "password": "sai mat khau"}


async def test_a_caller_past_its_limit_gets_429_and_others_go_on(
    app: Any, engine: Any, world: World, session: Any
) -> None:
    limited = _app_with(app, engine, rate_limit_per_minute=10, rate_limit_heavy_per_minute=0,
                        rate_limit_anonymous_per_minute=0)
    async with _client(limited) as c:
        answers = [(await c.get("/api/v1/establishments", headers=world.auth("case_worker"))).status_code
                   for _ in range(14)]
        refused = await c.get("/api/v1/establishments", headers=world.auth("case_worker"))
        other = await c.get("/api/v1/establishments", headers=world.auth("program_manager"))
    assert answers == [200] * 10 + [429] * 4
    assert refused.status_code == 429
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert refused.json()["title"] == "Too many requests"
    assert other.status_code == 200  # the limit is the caller's, not the server's
    record("limits", case="general limit per caller", sent=15, refused_429=answers.count(429) + 1)


async def test_heavy_routes_have_their_own_smaller_limit(app: Any, engine: Any, world: World, session: Any) -> None:
    limited = _app_with(app, engine, rate_limit_per_minute=100, rate_limit_heavy_per_minute=3,
                        rate_limit_anonymous_per_minute=0)
    async with _client(limited) as c:
        exports = [(await c.get("/api/v1/exports/establishments.csv", headers=world.auth("program_manager")))
                   .status_code for _ in range(5)]
        light = await c.get("/api/v1/establishments", headers=world.auth("program_manager"))
    assert exports == [200, 200, 200, 429, 429]
    assert light.status_code == 200
    record("limits", case="heavy routes (exports, imports, indicators)", sent=5, refused_429=exports.count(429))


async def test_callers_without_a_token_are_limited_by_address(
    app: Any, engine: Any, world: World, session: Any
) -> None:
    limited = _app_with(app, engine, rate_limit_per_minute=0, rate_limit_heavy_per_minute=0,
                        rate_limit_anonymous_per_minute=5)
    async with _client(limited) as c:
        answers = [(await c.post("/api/v1/auth/token", data=_sign_in(f"khong-co-{i}"))).status_code
                   for i in range(7)]
    async with _client(limited, ip="198.51.100.5") as elsewhere:
        fresh = await elsewhere.post("/api/v1/auth/token", data=_sign_in("khong-co"))
    assert answers == [401] * 5 + [429] * 2
    assert fresh.status_code == 401
    record("limits", case="anonymous per address", sent=7, refused_429=answers.count(429))


async def test_limits_are_off_when_set_to_zero(app: Any, engine: Any, world: World, session: Any) -> None:
    async with _client(app) as c:  # the suite's own app: every limit 0
        answers = {(await c.get("/api/v1/me", headers=world.auth("viewer"))).status_code for _ in range(30)}
    assert answers == {200}
