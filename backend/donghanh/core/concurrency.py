"""Optimistic concurrency (ETag / If-Match) and safe retries of creates (Idempotency-Key)."""
from __future__ import annotations

import hashlib
import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Annotated, Any

from fastapi import Header, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import JSON, Integer, String, UniqueConstraint, Uuid, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from donghanh.core.base import Base, UTCDateTime, utcnow
from donghanh.core.errors import PreconditionFailed, PreconditionRequired, Unprocessable, register_constraint
from donghanh.core.principal import Principal

# Declared with its bounds, so the OpenAPI document says what `idempotent` refuses.
IdempotencyKey = Annotated[str | None, Header(alias="Idempotency-Key", min_length=1, max_length=200)]


def etag_for(object_id: uuid.UUID, version: int) -> str:
    return f'"{object_id.hex}.{version}"'


def check_precondition(if_match: str | None, object_id: uuid.UUID, version: int, body_version: int | None) -> None:
    """An update must say which version it was made against, or it could silently undo another's."""
    current = etag_for(object_id, version)
    if if_match is not None:
        candidates = [tag.strip().removeprefix("W/") for tag in if_match.split(",")]
        if "*" not in candidates and current not in candidates:
            raise PreconditionFailed(
                "The object was changed by someone else since you loaded it; reload and try again.",
                headers={"ETag": current},
            )
        return
    if body_version is not None:
        if body_version != version:
            raise PreconditionFailed(
                f"You edited version {body_version}, but the object is now at version {version}.",
                headers={"ETag": current},
            )
        return
    raise PreconditionRequired("Send If-Match with the ETag you read (or `version` in the body).")


class IdempotencyRecord(Base):
    __tablename__ = "idempotency_record"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    actor: Mapped[str] = mapped_column(String(80))
    key: Mapped[str] = mapped_column(String(200))
    method: Mapped[str] = mapped_column(String(8))
    path: Mapped[str] = mapped_column(String(300))
    fingerprint: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int] = mapped_column(Integer)
    body: Mapped[Any] = mapped_column(JSON)
    headers: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)

    __table_args__ = (UniqueConstraint("actor", "key"),)


register_constraint(
    "uq_idempotency_record_actor_key", 409, "Idempotency-Key",
    "A request with this Idempotency-Key is already being processed; retry shortly.",
    sqlite="idempotency_record.actor, idempotency_record.key",
)

Produce = Callable[[], Awaitable[tuple[int, BaseModel, dict[str, str]]]]


def _actor(principal: Principal) -> str:
    return f"{principal.kind}:{principal.id}"


async def idempotent(
    session: AsyncSession,
    principal: Principal,
    request: Request,
    key: str | None,
    payload: BaseModel,
    produce: Produce,
) -> JSONResponse:
    """Run `produce` once per (caller, key); a retry with the same body gets the stored answer."""
    if key is not None and not (1 <= len(key) <= 200):
        raise Unprocessable.field(["header", "Idempotency-Key"], "Idempotency-Key must be 1–200 characters.")
    fingerprint = hashlib.sha256(
        f"{request.method} {request.url.path}\n{payload.model_dump_json()}".encode()
    ).hexdigest()
    if key is not None:
        stored = (
            await session.execute(
                select(IdempotencyRecord).where(
                    IdempotencyRecord.actor == _actor(principal), IdempotencyRecord.key == key
                )
            )
        ).scalar_one_or_none()
        if stored is not None:
            if stored.fingerprint != fingerprint or stored.path != request.url.path:
                raise Unprocessable.field(
                    ["header", "Idempotency-Key"],
                    "This Idempotency-Key was already used for a different request.",
                )
            headers = dict(stored.headers) | {"Idempotent-Replayed": "true"}
            return JSONResponse(stored.body, status_code=stored.status_code, headers=headers)
    status, model, headers = await produce()
    body = model.model_dump(mode="json")
    if key is not None:
        session.add(
            IdempotencyRecord(
                actor=_actor(principal), key=key, method=request.method, path=request.url.path,
                fingerprint=fingerprint, status_code=status, body=body, headers=headers,
            )
        )
        await session.flush()
    return JSONResponse(body, status_code=status, headers=headers)
