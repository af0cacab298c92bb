"""Tokens: only what we signed, for us, still in force, from a live session, gets in."""
from __future__ import annotations

import base64
import json
import time
from datetime import datetime
from typing import Any

import httpx
import pytest
from jose import jwt
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.auth import service as auth_service
from donghanh.config import Settings
from donghanh.core import security
from donghanh.core.errors import Unauthorized
from tests.fixtures.world import PASSWORD, World, sign_in, username_of


def _claims(world: World, account: str = "program_manager", **overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    claims = {
        "sub": str(world.user_ids[account]), "role": "program_manager", "org_unit": None, "org": None,
        "scope": "", "typ": "access", "iss": "donghanh", "aud": "donghanh-api", "iat": now, "nbf": now,
        "exp": now + 600, "jti": "abc123",
    }
    return claims | overrides


def _clock(timestamp: float) -> Any:
    """security.datetime, stopped at `timestamp`."""
    class Stopped(datetime):
        @classmethod
        def now(cls, tz: Any = None) -> datetime:  # type: ignore[override]
            return datetime.fromtimestamp(timestamp, tz)

    return Stopped


def _b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


async def _me(client: httpx.AsyncClient, token: str) -> httpx.Response:
    return await client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})


class TestAccessTokens:
    async def test_a_fresh_token_works(self, client: httpx.AsyncClient, world: World) -> None:
        assert (await client.get("/api/v1/me", headers=world.auth("case_worker"))).status_code == 200

    async def test_a_request_reads_the_account_and_its_session_in_one_statement(
        self, client: httpx.AsyncClient, world: World, session: AsyncSession, settings: Settings
    ) -> None:
        """Every request checks its token against the account and the session (so revocation is immediate),
        in one joined read; the caller's unit paths come from the cache after the first request."""
        token = world.auth("case_worker")["Authorization"].removeprefix("Bearer ")
        await auth_service.authenticate(session, settings, token)
        seen: list[str] = []
        conn = await session.connection()

        def on(_c: Any, _cur: Any, statement: str, *_: Any) -> None:
            seen.append(statement)

        event.listen(conn.sync_connection, "before_cursor_execute", on)
        try:
            principal = await auth_service.authenticate(session, settings, token)
        finally:
            event.remove(conn.sync_connection, "before_cursor_execute", on)
        assert principal.id == world.user_ids["case_worker"] and principal.scope_paths
        assert len(seen) == 1, seen
        assert "user_account" in seen[0] and "auth_session" in seen[0]

    async def test_no_token_is_401_problem(self, client: httpx.AsyncClient) -> None:
        response = await client.get("/api/v1/me")
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"
        assert response.headers["www-authenticate"] == "Bearer"

    async def test_tampered_signature_is_refused(self, client: httpx.AsyncClient, world: World) -> None:
        header, payload, signature = world.tokens["case_worker"].split(".")
        forged = _b64(json.loads(base64.urlsafe_b64decode(payload + "==")) | {"role": "admin"})
        assert (await _me(client, f"{header}.{forged}.{signature}")).status_code == 401
        flipped = signature[:-2] + ("AA" if signature[-2:] != "AA" else "BB")
        assert (await _me(client, f"{header}.{payload}.{flipped}")).status_code == 401

    async def test_alg_none_is_refused(self, client: httpx.AsyncClient, world: World) -> None:
        token = f"{_b64({'alg': 'none', 'typ': 'JWT', 'kid': 'k1'})}.{_b64(_claims(world))}."
        assert (await _me(client, token)).status_code == 401

    @pytest.mark.parametrize("alg", ["HS384", "HS512"])
    async def test_other_hmac_algorithms_are_refused(
        self, client: httpx.AsyncClient, world: World, settings: Settings, alg: str
    ) -> None:
        token = jwt.encode(_claims(world), settings.jwt_keys["k1"], algorithm=alg, headers={"kid": "k1"})
        assert (await _me(client, token)).status_code == 401

    async def test_rs256_header_is_refused(self, client: httpx.AsyncClient, world: World) -> None:
        token = f"{_b64({'alg': 'RS256', 'kid': 'k1'})}.{_b64(_claims(world))}.c2lnbmF0dXJl"
        assert (await _me(client, token)).status_code == 401

    @pytest.mark.parametrize(
        "overrides",
        [
            {"exp": int(time.time()) - 5},
            {"aud": "someone-else"},
            {"iss": "evil"},
            {"nbf": int(time.time()) + 3600},
            {"typ": "refresh"},
        ],
        ids=["expired", "wrong-aud", "wrong-iss", "future-nbf", "wrong-type"],
    )
    async def test_bad_claims_are_refused(
        self, client: httpx.AsyncClient, world: World, settings: Settings, overrides: dict[str, Any]
    ) -> None:
        token = jwt.encode(_claims(world, **overrides), settings.jwt_keys["k1"], algorithm="HS256",
                           headers={"kid": "k1"})
        assert (await _me(client, token)).status_code == 401

    @pytest.mark.parametrize("missing", ["exp", "aud", "iss", "jti", "iat", "sub"])
    async def test_missing_required_claims_are_refused(
        self, client: httpx.AsyncClient, world: World, settings: Settings, missing: str
    ) -> None:
        claims = _claims(world)
        del claims[missing]
        token = jwt.encode(claims, settings.jwt_keys["k1"], algorithm="HS256", headers={"kid": "k1"})
        assert (await _me(client, token)).status_code == 401

    @pytest.mark.parametrize("kid", ["k9", "../../etc/passwd", None])
    async def test_unknown_kid_is_refused(
        self, client: httpx.AsyncClient, world: World, settings: Settings, kid: str | None
    ) -> None:
        headers = {"kid": kid} if kid else {}
        token = jwt.encode(_claims(world), settings.jwt_keys["k1"], algorithm="HS256", headers=headers)
        assert (await _me(client, token)).status_code == 401

    async def test_token_signed_with_another_listed_key_but_wrong_kid_is_refused(
        self, client: httpx.AsyncClient, world: World, settings: Settings
    ) -> None:
        token = jwt.encode(_claims(world), settings.jwt_keys["k2"], algorithm="HS256", headers={"kid": "k1"})
        assert (await _me(client, token)).status_code == 401

    async def test_a_well_signed_token_without_a_live_session_is_refused(
        self, client: httpx.AsyncClient, world: World, settings: Settings
    ) -> None:
        token = jwt.encode(_claims(world), settings.jwt_keys["k1"], algorithm="HS256", headers={"kid": "k1"})
        assert (await _me(client, token)).status_code == 401

    async def test_a_token_verified_once_still_expires(
        self, world: World, session: AsyncSession, settings: Settings, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Signatures are remembered once checked (security._verified_claims); the time window is not."""
        token = world.auth("case_worker")["Authorization"].removeprefix("Bearer ")
        claims = security.decode_access_token(settings, token)
        monkeypatch.setattr(security, "datetime", _clock(claims["exp"]))
        with pytest.raises(Unauthorized):
            security.decode_access_token(settings, token)
        monkeypatch.setattr(security, "datetime", _clock(claims["exp"] - 1))
        assert security.decode_access_token(settings, token)["jti"] == claims["jti"]

    async def test_a_token_verified_once_is_refused_once_its_key_is_replaced(
        self, world: World, settings: Settings
    ) -> None:
        token = world.auth("case_worker")["Authorization"].removeprefix("Bearer ")
        security.decode_access_token(settings, token)
        replaced = settings.model_copy(update={"jwt_keys": settings.jwt_keys | {"k1": "x" * 48}})
        with pytest.raises(Unauthorized):
            security.decode_access_token(replaced, token)

    async def test_oversized_token_is_refused(self, client: httpx.AsyncClient) -> None:
        assert (await _me(client, "a" * 10000)).status_code == 401


class TestSignIn:
    async def test_wrong_password_and_unknown_user_get_the_same_answer(self, client: httpx.AsyncClient) -> None:
        known = await client.post("/api/v1/auth/token", data={"grant_type": "password", "username": "viewer",
                                                              "password": "wrong password!"})
        unknown = await client.post("/api/v1/auth/token", data={"grant_type": "password", "username": "nobody.here",
                                                                "password": "wrong password!"})
        assert known.status_code == unknown.status_code == 401
        assert known.json() == unknown.json()

    async def test_repeated_failures_lock_the_username(self, client: httpx.AsyncClient, world: World) -> None:
        form = {"grant_type": "password", "username": username_of("finance_officer"), "password": "not it at all"}
        statuses = [(await client.post("/api/v1/auth/token", data=form)).status_code for _ in range(6)]
        assert statuses == [401, 401, 401, 401, 401, 429]
        right = await client.post("/api/v1/auth/token", data=form | {"password": PASSWORD})
        assert right.status_code == 429
        assert right.headers["retry-after"] == "900"

    async def test_sign_in_returns_tokens_and_sets_an_http_only_cookie(self, client: httpx.AsyncClient) -> None:
        response = await client.post("/api/v1/auth/token", data={
            "grant_type": "password", "username": "viewer", "password": PASSWORD})
        assert response.status_code == 200
        body = response.json()
        assert body["token_type"] == "bearer" and body["expires_in"] == 900 and body["refresh_token"]
        cookie = response.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/api/v1/auth" in cookie

    async def test_unsupported_grant_type_is_422(self, client: httpx.AsyncClient) -> None:
        response = await client.post("/api/v1/auth/token", data={
            "grant_type": "implicit", "username": "viewer", "password": PASSWORD})
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["body", "grant_type"]


async def _login(client: httpx.AsyncClient, account: str = "viewer") -> dict[str, Any]:
    response = await client.post("/api/v1/auth/token", data={
        "grant_type": "password", "username": username_of(account), "password": PASSWORD})
    assert response.status_code == 200, response.text
    return response.json()


class TestRefreshAndRevocation:
    async def test_refresh_rotates_the_token(self, client: httpx.AsyncClient) -> None:
        first = await _login(client)
        second = await client.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
        assert second.status_code == 200
        assert second.json()["refresh_token"] != first["refresh_token"]
        assert (await _me(client, second.json()["access_token"])).status_code == 200

    async def test_refresh_from_the_cookie(self, client: httpx.AsyncClient) -> None:
        await _login(client)  # the client keeps the HttpOnly cookie
        response = await client.post("/api/v1/auth/refresh", json={})
        assert response.status_code == 200

    async def test_reusing_a_rotated_refresh_token_revokes_the_family(self, client: httpx.AsyncClient) -> None:
        first = await _login(client)
        second = (await client.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})).json()
        reuse = await client.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
        assert reuse.status_code == 401
        # The thief's replay killed the legitimate holder's tokens too.
        assert (await client.post("/api/v1/auth/refresh",
                                  json={"refresh_token": second["refresh_token"]})).status_code == 401
        assert (await _me(client, second["access_token"])).status_code == 401

    async def test_unknown_refresh_token_is_401(self, client: httpx.AsyncClient) -> None:
        response = await client.post("/api/v1/auth/refresh", json={"refresh_token": "made-up"})
        assert response.status_code == 401

    async def test_an_access_token_is_not_a_refresh_token(self, client: httpx.AsyncClient) -> None:
        tokens = await _login(client)
        response = await client.post("/api/v1/auth/refresh", json={"refresh_token": tokens["access_token"]})
        assert response.status_code in (401, 422)

    async def test_logout_revokes_access_and_refresh_at_once(self, client: httpx.AsyncClient) -> None:
        tokens = await _login(client)
        response = await client.post("/api/v1/auth/logout",
                                     headers={"Authorization": f"Bearer {tokens['access_token']}"})
        assert response.status_code == 204
        assert (await _me(client, tokens["access_token"])).status_code == 401
        assert (await client.post("/api/v1/auth/refresh",
                                  json={"refresh_token": tokens["refresh_token"]})).status_code == 401

    async def test_disabling_an_account_revokes_its_tokens(
        self, client: httpx.AsyncClient, world: World, session: AsyncSession
    ) -> None:
        tokens = await _login(client, "inspector")
        user_url = f"/api/v1/users/{world.user_ids['inspector']}"
        disabled = await client.patch(user_url, json={"active": False}, headers=world.auth("admin") | {"If-Match": "*"})
        assert disabled.status_code == 200, disabled.text
        assert (await _me(client, tokens["access_token"])).status_code == 401
        assert (await client.post("/api/v1/auth/token", data={
            "grant_type": "password", "username": "inspector", "password": PASSWORD})).status_code == 401

    async def test_password_change_revokes_existing_sessions(
        self, client: httpx.AsyncClient, world: World
    ) -> None:
        tokens = await _login(client, "case_worker")
        changed = await client.patch(f"/api/v1/users/{world.user_ids['case_worker']}",
                                     json={"password": "a brand new passphrase"},
                                     headers=world.auth("admin") | {"If-Match": "*"})
        assert changed.status_code == 200
        assert (await _me(client, tokens["access_token"])).status_code == 401
        assert await sign_in(client, "case.worker", "a brand new passphrase")


    @pytest.mark.parametrize("change", ["org_unit", "role"])
    async def test_a_scope_or_role_change_revokes_existing_sessions(
        self, client: httpx.AsyncClient, world: World, change: str
    ) -> None:
        tokens = await _login(client, "inspector")
        body = ({"org_unit_id": str(world.units["ba_dinh"].id)} if change == "org_unit"
                else {"role": "viewer"})
        changed = await client.patch(f"/api/v1/users/{world.user_ids['inspector']}", json=body,
                                     headers=world.auth("admin") | {"If-Match": "*"})
        assert changed.status_code == 200, changed.text
        assert (await _me(client, tokens["access_token"])).status_code == 401
        assert (await client.post("/api/v1/auth/refresh",
                                  json={"refresh_token": tokens["refresh_token"]})).status_code == 401


class TestKeyConfusion:
    """HS256 signed with an RSA public key as the HMAC secret (the classic RS256→HS256 confusion), and the
    refresh token presented as an access token: none of them gets in."""

    @staticmethod
    def _public_keys() -> dict[str, bytes]:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa

        public = rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key()
        return {
            "pem": public.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo),
            "der": public.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo),
        }

    @pytest.mark.parametrize("encoding", ["pem", "der"])
    @pytest.mark.parametrize("kid", ["k1", None])
    async def test_hmac_signed_with_a_public_key_is_refused(
        self, client: httpx.AsyncClient, world: World, encoding: str, kid: str | None
    ) -> None:
        import hashlib
        import hmac

        header = {"alg": "HS256", "typ": "JWT"} | ({"kid": kid} if kid else {})
        signing_input = f"{_b64(header)}.{_b64(_claims(world))}"
        signature = hmac.new(self._public_keys()[encoding], signing_input.encode(), hashlib.sha256).digest()
        token = f"{signing_input}.{base64.urlsafe_b64encode(signature).decode().rstrip('=')}"
        assert (await _me(client, token)).status_code == 401

    async def test_a_refresh_token_is_not_an_access_token(self, client: httpx.AsyncClient) -> None:
        tokens = await _login(client)
        assert (await _me(client, tokens["refresh_token"])).status_code == 401
        assert (await _me(client, tokens["access_token"])).status_code == 200
