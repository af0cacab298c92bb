from __future__ import annotations

import base64
from typing import Annotated, Literal
from urllib.parse import unquote

from fastapi import Body, Form, Request, Response

from donghanh.auth import service
from donghanh.auth.schemas import Me, RefreshRequest, TokenResponse
from donghanh.config import Settings, SettingsDep
from donghanh.core.errors import Unauthorized, Unprocessable, problems
from donghanh.core.permissions import CurrentPrincipal
from donghanh.core.routing import DomainRouter
from donghanh.db import SessionDep

router = DomainRouter(tags=["auth"])


def _client_ip(request: Request) -> str | None:
    return request.client.host if request.client else None


def _client_credentials(request: Request, client_id: str | None, client_secret: str | None) -> tuple[str, str]:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("basic "):
        try:
            decoded = base64.b64decode(header[6:], validate=True).decode()
            basic_id, _, basic_secret = decoded.partition(":")
        except (ValueError, UnicodeDecodeError):
            raise Unauthorized("Malformed HTTP Basic credentials.") from None
        return unquote(basic_id), unquote(basic_secret)
    if not client_id or not client_secret:
        raise Unprocessable(errors=[{"loc": ["body", f], "msg": "Field required"}
                                    for f, v in (("client_id", client_id), ("client_secret", client_secret)) if not v])
    return client_id, client_secret


def _set_refresh_cookie(response: Response, settings: Settings, token: str) -> None:
    response.set_cookie(
        settings.refresh_cookie_name, token, max_age=settings.refresh_token_days * 86400, httponly=True,
        secure=settings.cookie_secure, samesite="strict", path="/api/v1/auth",
    )


@router.post("/auth/token", response_model=TokenResponse, responses=problems(400, 429))
async def issue_token(
    request: Request,
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
    grant_type: Annotated[
        Literal["password", "client_credentials"],
        Form(description="`password` for people; `client_credentials` for partner systems."),
    ],
    username: Annotated[str | None, Form(min_length=1, max_length=200)] = None,
    password: Annotated[str | None, Form(min_length=1, max_length=200)] = None,
    client_id: Annotated[str | None, Form(min_length=1, max_length=200)] = None,
    client_secret: Annotated[str | None, Form(min_length=1, max_length=200)] = None,
    scope: Annotated[str, Form(max_length=500)] = "",
) -> TokenResponse:
    """OAuth2 token endpoint. Partner systems may also send their credentials with HTTP Basic auth."""
    if grant_type == "client_credentials":
        client_id, client_secret = _client_credentials(request, client_id, client_secret)
        try:
            return await service.client_credentials(session, settings, client_id=client_id,
                                                    client_secret=client_secret, scope=scope)
        except service.LoginRejected:
            await session.commit()
            raise
    if not username or not password:
        raise Unprocessable(errors=[{"loc": ["body", f], "msg": "Field required"}
                                    for f, v in (("username", username), ("password", password)) if not v])
    try:
        issued = await service.login(
            session, settings, username=username, password=password, ip=_client_ip(request),
            user_agent=request.headers.get("user-agent"),
        )
    except service.LoginRejected:
        # The failed attempt must outlive this request (throttling counts it): commit it, then refuse.
        await session.commit()
        raise
    _set_refresh_cookie(response, settings, issued.refresh_token)
    response.headers["Cache-Control"] = "no-store"
    return issued.response


@router.post("/auth/refresh", response_model=TokenResponse, responses=problems())
async def refresh_token(
    request: Request,
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
    body: Annotated[RefreshRequest | None, Body()] = None,
) -> TokenResponse:
    token = (body.refresh_token if body else None) or request.cookies.get(settings.refresh_cookie_name)
    if not token:
        # No credential at all is "not authenticated", like a wrong one (a 400 would refuse schema-valid input).
        raise Unauthorized("No refresh token: send it in the body or the HttpOnly cookie.")
    try:
        issued = await service.refresh(session, settings, refresh_token=token)
    except service.LoginRejected:
        await session.commit()  # keep the family revocation that reuse detection just made
        response_cookie_cleared = Unauthorized("The refresh token is invalid or expired; sign in again.")
        raise response_cookie_cleared from None
    _set_refresh_cookie(response, settings, issued.refresh_token)
    response.headers["Cache-Control"] = "no-store"
    return issued.response


@router.post("/auth/logout", status_code=204, responses=problems())
async def logout(session: SessionDep, settings: SettingsDep, principal: CurrentPrincipal) -> Response:
    await service.logout(session, principal)
    response = Response(status_code=204)
    response.delete_cookie(settings.refresh_cookie_name, path="/api/v1/auth")
    return response


@router.get("/me", response_model=Me, responses=problems())
async def read_me(session: SessionDep, principal: CurrentPrincipal) -> Me:
    return await service.me(session, principal)
