"""Sign-in, refresh-token rotation with reuse detection, sign-out, and turning a token into a Principal."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import Row, Select, bindparam, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.api_clients import service as api_clients
from donghanh.auth.models import AuthSession, LoginFailure, RefreshToken
from donghanh.auth.schemas import Me, OrganisationRef, TokenResponse
from donghanh.config import Settings
from donghanh.core import audit
from donghanh.core.base import utcnow
from donghanh.core.errors import TooManyRequests, Unauthorized, Unprocessable
from donghanh.core.permissions import Role
from donghanh.core.principal import SYSTEM, Principal
from donghanh.core.security import (
    create_access_token,
    decode_access_token,
    new_opaque_token,
    token_digest,
    verify_password,
)
from donghanh.org_units import service as org_units
from donghanh.org_units.schemas import OrgUnitSummary
from donghanh.organisations import service as organisations
from donghanh.users import service as users
from donghanh.users.models import User

BAD_CREDENTIALS = "Wrong username or password."
# Where each role's work starts (the SPA never decides this from the role itself).
HOME_SCREEN = {Role.peer_educator: "contact_entry", Role.service_provider: "referral_inbox", Role.viewer: "dashboard",
               Role.inspector: "establishments", Role.program_manager: "establishments",
               Role.case_worker: "establishments", Role.admin: "users"}
MAX_FAILURES_PER_IP = 50


class LoginRejected(Unauthorized):
    """Raised after the failure was recorded: the caller must commit before answering."""


@dataclass
class IssuedTokens:
    response: TokenResponse
    refresh_token: str


async def _check_throttle(session: AsyncSession, settings: Settings, username: str, ip: str | None) -> None:
    since = utcnow() - timedelta(minutes=settings.login_failure_window_minutes)
    by_name = await session.scalar(
        select(func.count()).select_from(LoginFailure)
        .where(LoginFailure.username == username, LoginFailure.at >= since)
    )
    by_ip = 0
    if ip:
        by_ip = await session.scalar(
            select(func.count()).select_from(LoginFailure).where(LoginFailure.ip == ip, LoginFailure.at >= since)
        ) or 0
    if (by_name or 0) >= settings.login_max_failures or by_ip >= MAX_FAILURES_PER_IP:
        retry = settings.login_failure_window_minutes * 60
        raise TooManyRequests(
            "Too many failed sign-in attempts. Wait and try again, or ask an administrator.",
            headers={"Retry-After": str(retry)},
        )


async def _issue(
    session: AsyncSession, settings: Settings, user: User, auth_session: AuthSession
) -> IssuedTokens:
    now = utcnow()
    refresh = new_opaque_token()
    session.add(RefreshToken(session_id=auth_session.id, token_hash=token_digest(refresh), issued_at=now,
                             expires_at=auth_session.expires_at))
    access, expires_in = create_access_token(
        settings, subject=str(user.id), role=user.role, org_unit=str(user.org_unit_id),
        organisation=str(user.organisation_id) if user.organisation_id else None, scope="",
        session_id=str(auth_session.id), now=now,
    )
    await session.flush()
    return IssuedTokens(TokenResponse(access_token=access, expires_in=expires_in, refresh_token=refresh), refresh)


async def login(
    session: AsyncSession, settings: Settings, *, username: str, password: str, ip: str | None, user_agent: str | None
) -> IssuedTokens:
    username = username.strip().lower()[:80]
    await _check_throttle(session, settings, username, ip)
    user = await users.get_by_username_for_login(session, username)
    # The same argon2 work and the same answer whether the username exists, is disabled or not.
    candidate_hash = user.password_hash if user is not None and user.active else None
    if not verify_password(password, candidate_hash):
        session.add(LoginFailure(username=username, ip=ip))
        await audit.record(session, Principal(kind="user", id=user.id if user else None, name=username,
                                              role=Role.viewer, org_unit_id=None, scope_paths=()),
                           "login_failed", "auth_session", None)
        raise LoginRejected(BAD_CREDENTIALS)
    assert user is not None
    await session.execute(delete(LoginFailure).where(LoginFailure.username == username))
    now = utcnow()
    auth_session = AuthSession(user_id=user.id, created_at=now, last_used_at=now,
                               expires_at=now + timedelta(days=settings.refresh_token_days),
                               ip=ip, user_agent=(user_agent or "")[:300])
    session.add(auth_session)
    await session.flush()
    await users.mark_login(session, user)
    issued = await _issue(session, settings, user, auth_session)
    await audit.record(session, await principal_for(session, user, auth_session.id), "login", "auth_session",
                       auth_session.id, org_unit_id=user.org_unit_id)
    return issued


def _session_alive(auth_session: AuthSession, user: User | None) -> bool:
    return user is not None and _alive(user.active, user.sessions_valid_after, auth_session.revoked_at,
                                       auth_session.expires_at, auth_session.created_at)


def _alive(active: bool, sessions_valid_after: Any, revoked_at: Any, expires_at: Any, created_at: Any) -> bool:
    if not active or revoked_at is not None or expires_at <= utcnow():
        return False
    return sessions_valid_after is None or created_at >= sessions_valid_after


async def refresh(session: AsyncSession, settings: Settings, *, refresh_token: str) -> IssuedTokens:
    invalid = LoginRejected("The refresh token is invalid or expired; sign in again.")
    row = (
        await session.execute(
            select(RefreshToken, AuthSession)
            .join(AuthSession, AuthSession.id == RefreshToken.session_id)
            .where(RefreshToken.token_hash == token_digest(refresh_token))
        )
    ).first()
    if row is None:
        raise invalid
    token, auth_session = row
    user = await users.get_for_authentication(session, auth_session.user_id)
    # Claim the token atomically: of two requests presenting it, exactly one wins.
    claimed = await session.execute(
        update(RefreshToken).where(RefreshToken.id == token.id, RefreshToken.used_at.is_(None))
        .values(used_at=utcnow()).execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:
        # A rotated-out token came back: someone holds a stolen copy. End the whole family.
        await revoke_session(session, auth_session.id, "refresh_reuse")
        actor = await principal_for(session, user, auth_session.id) if user else SYSTEM
        await audit.record(session, actor, "refresh_reuse_detected", "auth_session", auth_session.id,
                           org_unit_id=user.org_unit_id if user else None)
        raise invalid
    if not _session_alive(auth_session, user) or token.expires_at <= utcnow():
        raise invalid
    assert user is not None
    auth_session.last_used_at = utcnow()
    return await _issue(session, settings, user, auth_session)


async def revoke_session(session: AsyncSession, session_id: uuid.UUID, reason: str) -> None:
    await session.execute(
        update(AuthSession).where(AuthSession.id == session_id, AuthSession.revoked_at.is_(None))
        .values(revoked_at=utcnow(), revoked_reason=reason).execution_options(synchronize_session=False)
    )


async def logout(session: AsyncSession, principal: Principal) -> None:
    if principal.session_id is not None:
        await revoke_session(session, principal.session_id, "logout")
    await audit.record(session, principal, "logout", "auth_session", principal.session_id,
                       org_unit_id=principal.org_unit_id)


async def principal_for(session: AsyncSession, user: User | Row[Any], session_id: uuid.UUID | None) -> Principal:
    """The principal of an account: a User, or the row of its columns that authentication reads."""
    return Principal.for_user(
        user_id=user.id, username=user.username, role=Role(user.role), org_unit_id=user.org_unit_id,
        scope_paths=await org_units.scope_paths_of(session, user.org_unit_id), organisation_id=user.organisation_id,
        session_id=session_id, full_name=user.full_name,
    )


async def client_credentials(
    session: AsyncSession, settings: Settings, *, client_id: str, client_secret: str, scope: str
) -> TokenResponse:
    """OAuth2 client-credentials for partner systems: no refresh token; ask again when it expires."""
    client = await api_clients.verify(session, client_id[:64], client_secret[:200])
    if client is None:
        raise LoginRejected("Unknown client or wrong secret.")
    requested = set(scope.split()) if scope.strip() else set(client.scopes)
    if not requested <= set(client.scopes):
        raise Unprocessable.field(["body", "scope"],
                                  f"Not granted to this client: {', '.join(sorted(requested - set(client.scopes)))}.")
    organisation = await organisations.get(session, client.organisation_id)
    access, expires_in = create_access_token(
        settings, subject=str(client.id), role=Role.service_provider.value, org_unit=str(organisation.org_unit_id),
        organisation=str(organisation.id), scope=" ".join(sorted(requested)), session_id=None, kind="api_client",
    )
    await audit.record(session, await _client_principal(session, client, requested), "token_issued", "api_client",
                       client.id, org_unit_id=organisation.org_unit_id)
    return TokenResponse(access_token=access, expires_in=expires_in, scope=" ".join(sorted(requested)))


async def _client_principal(session: AsyncSession, client: Any, scopes: set[str]) -> Principal:
    organisation = await organisations.get(session, client.organisation_id)
    return Principal.for_api_client(client_id=client.id, name=client.name, organisation_id=organisation.id,
                                    org_unit_id=organisation.org_unit_id, scopes=frozenset(scopes))


_account_and_session_statement: Select[Any] | None = None


def _account_and_session(session: AsyncSession) -> Select[Any]:
    """The statement authentication runs on every request, built once: its structure never changes, and
    building it (with its cache key) cost as much as running it. Plain columns, read on the connection:
    building User and AuthSession instances for a check that keeps neither took half its time."""
    global _account_and_session_statement  # noqa: PLW0603  (a constant, built on first use)
    if _account_and_session_statement is None:
        _account_and_session_statement = (
            users.select_for_authentication(
                session, User.id, User.username, User.full_name, User.role, User.org_unit_id, User.organisation_id,
                User.active, User.sessions_valid_after, AuthSession.revoked_at, AuthSession.expires_at,
                AuthSession.created_at.label("session_created_at"))
            .join(AuthSession, AuthSession.user_id == User.id)
            .where(User.id == bindparam("user_id", required=True),
                   AuthSession.id == bindparam("session_id", required=True)))
    return _account_and_session_statement


async def authenticate(session: AsyncSession, settings: Settings, token: str) -> Principal:
    claims = decode_access_token(settings, token)
    invalid = Unauthorized("The access token is invalid or expired.")
    if claims.get("kind") == "api_client":
        try:
            client = await api_clients.get_active(session, uuid.UUID(claims["sub"]))
        except ValueError as exc:
            raise invalid from exc
        if client is None:
            raise invalid
        granted = set(claims.get("scope", "").split()) & set(client.scopes)
        return await _client_principal(session, client, granted)
    try:
        user_id = uuid.UUID(claims["sub"])
        session_id = uuid.UUID(claims["sid"]) if claims.get("sid") else None
    except (ValueError, TypeError) as exc:
        raise invalid from exc
    if session_id is None:
        raise invalid
    # The account and its session in one round trip, read on every request: revocation takes effect at once.
    connection = await session.connection()
    row = (await connection.execute(_account_and_session(session), {"user_id": user_id, "session_id": session_id})
           ).first()
    if row is None or not _alive(row.active, row.sessions_valid_after, row.revoked_at, row.expires_at,
                                 row.session_created_at):
        raise invalid
    if claims["role"] != row.role or claims.get("org_unit") != str(row.org_unit_id):
        raise invalid
    return await principal_for(session, row, session_id)


async def me(session: AsyncSession, principal: Principal) -> Me:
    user = await users.get_for_authentication(session, principal.id) if principal.id else None
    if user is None:
        raise Unauthorized("The account no longer exists.")
    unit = await org_units.require_unit(session, user.org_unit_id)
    organisation = None
    if user.organisation_id:
        org = await organisations.get(session, user.organisation_id)
        organisation = OrganisationRef(id=org.id, name=org.name)
    return Me(
        id=user.id, username=user.username, full_name=user.full_name, role=Role(user.role),
        org_unit=OrgUnitSummary.model_validate(unit), organisation=organisation,
        permissions=sorted(principal.permissions), home=HOME_SCREEN.get(Role(user.role), "home"),
    )
