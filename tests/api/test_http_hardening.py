"""HTTP hardening (OWASP ASVS 5.0 L2, chapter V3/V14): security headers everywhere, no caching of
personal data, HSTS over HTTPS, a CORS allow-list, API docs that can be switched off, a 500 that tells
nothing, and logs that never hold a password, a token or a protected field."""
from __future__ import annotations

import logging
from typing import Any

import httpx
import pytest

from donghanh.db import Database
from donghanh.main import create_app
from tests.fixtures.world import PASSWORD, World


async def test_security_headers_and_no_store_on_personal_data(client: httpx.AsyncClient, world: World) -> None:
    response = await client.get(f"/api/v1/clients/{world.clients['case_worker']}", headers=world.auth("case_worker"))
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert "Strict-Transport-Security" not in response.headers  # plain HTTP: HSTS would be ignored


async def test_hsts_over_https(app: Any, world: World, session: Any) -> None:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="https://donghanh.example") as secure:
        response = await secure.get("/api/v1/me", headers=world.auth("viewer"))
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def _app_with(app: Any, engine: Any, **changes: Any) -> Any:
    settings = app.state.settings.model_copy(update=changes)
    other = create_app(settings, Database(settings, engine=engine))
    other.state.sessionmaker = app.state.sessionmaker
    return other


async def test_cors_allows_only_listed_origins(app: Any, engine: Any, world: World, session: Any) -> None:
    allowed = "https://spa.donghanh.example"
    other = _app_with(app, engine, cors_origins=[allowed])
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=other), base_url="http://test") as c:
        preflight = {"Access-Control-Request-Method": "PATCH", "Access-Control-Request-Headers": "if-match"}
        ok = await c.options("/api/v1/establishments", headers={"Origin": allowed} | preflight)
        assert ok.headers["access-control-allow-origin"] == allowed
        assert "if-match" in ok.headers["access-control-allow-headers"].lower()
        refused = await c.options("/api/v1/establishments", headers={"Origin": "https://evil.example"} | preflight)
        assert "access-control-allow-origin" not in refused.headers
        plain = await c.get("/api/v1/me", headers={"Origin": "https://evil.example"} | world.auth("viewer"))
        assert "access-control-allow-origin" not in plain.headers
    # Without an allow-list no origin is allowed at all (the embedded SPA is same-origin).
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as c:
        none = await c.options("/api/v1/establishments", headers={"Origin": allowed} | preflight)
        assert "access-control-allow-origin" not in none.headers


async def test_api_docs_can_be_switched_off(app: Any, engine: Any, session: Any) -> None:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as c:
        assert (await c.get("/api/docs")).status_code == 200
    closed = _app_with(app, engine, api_docs=False, serve_spa=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=closed), base_url="http://test") as c:
        assert (await c.get("/api/docs")).status_code == 404


async def test_an_unexpected_error_tells_nothing(app: Any, world: World, session: Any, monkeypatch: Any) -> None:
    from donghanh.establishments import service

    async def broken(*_: Any, **__: Any) -> None:
        raise RuntimeError("connection string postgresql://app:s3cret@db/donghanh")

    monkeypatch.setattr(service, "list", broken)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
        response = await c.get("/api/v1/establishments", headers=world.auth("program_manager"))
    assert response.status_code == 500
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.text
    assert "s3cret" not in body and "Traceback" not in body and "RuntimeError" not in body
    assert response.json()["detail"] == "An unexpected error occurred."


@pytest.mark.parametrize("level", [logging.DEBUG])
async def test_logs_hold_no_password_token_or_protected_field(client: httpx.AsyncClient, world: World,
                                                              caplog: Any, level: int) -> None:
    caplog.set_level(level)
    login = await client.post("/api/v1/auth/token", data={"grant_type": "password", "username": "case.worker",
                                                          "password": PASSWORD})
    tokens = login.json()
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    secret = {"full_name": "Nguyễn Thị Bí Mật", "phone": "0987654321", "id_number": "001199012345"}
    created = await client.post("/api/v1/clients", headers=headers, json={
        "org_unit_id": str(world.units["ba_dinh"].id), "sex": "female", "birth_year": 1999,
        "group": "establishment_worker", "consent_data_processing_on": "2026-10-01", "allow_duplicate": True}
        | secret)
    assert created.status_code == 201, created.text
    await client.get(f"/api/v1/clients/{created.json()['id']}", headers=headers)
    await client.post("/api/v1/auth/token", data={"grant_type": "password", "username": "case.worker",
                                                  "password": "sai-mat-khau"})
    logged = caplog.text
    assert logged  # something was logged, so the scan means something
    for value in [PASSWORD, "sai-mat-khau", tokens["access_token"], *secret.values()]:
        assert value not in logged
    if tokens.get("refresh_token"):
        assert tokens["refresh_token"] not in logged
