from __future__ import annotations

import secrets
import uuid
from datetime import timedelta

from sqlalchemy import or_, select
from sqlalchemy import update as sql_update
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.api_clients.models import ApiClient, ApiClientSecret
from donghanh.api_clients.schemas import (
    ApiClientCreate,
    ApiClientRead,
    ApiClientUpdate,
    ApiClientWithSecret,
    SecretInfo,
)
from donghanh.core import audit
from donghanh.core.base import utcnow
from donghanh.core.errors import NotFound, Unprocessable
from donghanh.core.principal import Principal
from donghanh.core.roles import API_CLIENT_SCOPES
from donghanh.core.security import token_digest
from donghanh.organisations import service as organisations


def _check_scopes(scopes: list[str]) -> list[str]:
    wrong = [s for s in scopes if s not in API_CLIENT_SCOPES]
    if wrong:
        raise Unprocessable.field(["body", "scopes"], f"Not grantable to a partner system: {', '.join(wrong)}.")
    return sorted({str(s) for s in scopes})


async def _secrets(session: AsyncSession, client: ApiClient) -> list[SecretInfo]:
    now = utcnow()
    rows = (await session.execute(
        select(ApiClientSecret).where(ApiClientSecret.api_client_id == client.id,
                                      or_(ApiClientSecret.expires_at.is_(None), ApiClientSecret.expires_at > now))
        .order_by(ApiClientSecret.created_at)
    )).scalars().all()
    return [SecretInfo(id=r.id, hint=r.hint, created_at=r.created_at, expires_at=r.expires_at) for r in rows]


async def read(session: AsyncSession, client: ApiClient) -> ApiClientRead:
    return ApiClientRead.model_validate(client).model_copy(update={"secrets": await _secrets(session, client)})


async def _new_secret(session: AsyncSession, client: ApiClient) -> str:
    secret = "dhs_" + secrets.token_urlsafe(32)
    session.add(ApiClientSecret(api_client_id=client.id, secret_hash=token_digest(secret), hint=secret[-4:]))
    await session.flush()
    return secret


async def list(session: AsyncSession) -> list[ApiClientRead]:  # noqa: A001
    rows = (await session.execute(select(ApiClient).order_by(ApiClient.name))).scalars().all()
    return [await read(session, c) for c in rows]


async def get(session: AsyncSession, client_id: uuid.UUID) -> ApiClient:
    found = await session.get(ApiClient, client_id)
    if found is None:
        raise NotFound("No such API client.")
    return found


async def create(session: AsyncSession, principal: Principal, *, client_in: ApiClientCreate) -> ApiClientWithSecret:
    organisation = await organisations.require_organisation(session, client_in.organisation_id, "organisation_id")
    client = ApiClient(name=client_in.name, client_id="dhc_" + secrets.token_hex(12), organisation_id=organisation.id,
                       scopes=_check_scopes(client_in.scopes), active=True, created_by=principal.id)
    session.add(client)
    await session.flush()
    secret = await _new_secret(session, client)
    await audit.record(session, principal, "create", "api_client", client.id, fields=["scopes", "client_secret"],
                       org_unit_id=organisation.org_unit_id)
    return ApiClientWithSecret(**(await read(session, client)).model_dump(), client_secret=secret)


async def update(session: AsyncSession, principal: Principal, client_id: uuid.UUID, *,
                 client_in: ApiClientUpdate) -> ApiClientRead:
    client = await get(session, client_id)
    changes = client_in.model_dump(exclude_unset=True)
    if "scopes" in changes and changes["scopes"] is not None:
        changes["scopes"] = _check_scopes(changes["scopes"])
    for field, value in changes.items():
        if value is None:
            raise Unprocessable.field(["body", field], "may not be null")
        setattr(client, field, value)
    await session.flush()
    await audit.record(session, principal, "update", "api_client", client.id, fields=sorted(changes))
    return await read(session, client)


async def rotate_secret(session: AsyncSession, principal: Principal, client_id: uuid.UUID, *,
                        overlap_hours: int) -> ApiClientWithSecret:
    """A new secret now; the current ones keep working for `overlap_hours` so the partner can switch."""
    client = await get(session, client_id)
    until = utcnow() + timedelta(hours=overlap_hours)
    await session.execute(
        sql_update(ApiClientSecret).where(ApiClientSecret.api_client_id == client.id,
                                      or_(ApiClientSecret.expires_at.is_(None), ApiClientSecret.expires_at > until))
        .values(expires_at=until).execution_options(synchronize_session=False)
    )
    secret = await _new_secret(session, client)
    await audit.record(session, principal, "rotate_secret", "api_client", client.id, fields=["client_secret"])
    return ApiClientWithSecret(**(await read(session, client)).model_dump(), client_secret=secret)


async def verify(session: AsyncSession, client_id: str, client_secret: str) -> ApiClient | None:
    """The client, if id and a current secret match and it is active. Compared by digest lookup: the
    secret is high-entropy, so equality of SHA-256 digests is as good as a constant-time compare."""
    row = (await session.execute(
        select(ApiClient, ApiClientSecret).join(ApiClientSecret, ApiClientSecret.api_client_id == ApiClient.id)
        .where(ApiClient.client_id == client_id, ApiClientSecret.secret_hash == token_digest(client_secret))
    )).first()
    if row is None:
        return None
    client, secret = row
    if not client.active or (secret.expires_at is not None and secret.expires_at <= utcnow()):
        return None
    await session.execute(sql_update(ApiClient).where(ApiClient.id == client.id).values(last_used_at=utcnow())
                          .execution_options(synchronize_session=False))
    return client


async def get_active(session: AsyncSession, api_client_id: uuid.UUID) -> ApiClient | None:
    client = await session.get(ApiClient, api_client_id)
    return client if client is not None and client.active else None
