from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from donghanh.core.roles import API_CLIENT_SCOPES, Permission

ScopeName = Permission  # validated against API_CLIENT_SCOPES in the service


class ApiClientCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=2, max_length=200)
    organisation_id: uuid.UUID
    scopes: list[ScopeName] = Field(min_length=1, max_length=10,
                                    description=f"Any of: {', '.join(sorted(API_CLIENT_SCOPES))}")


class ApiClientUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str | None = Field(None, min_length=2, max_length=200)
    scopes: list[ScopeName] | None = Field(None, min_length=1, max_length=10)
    active: bool | None = None


class SecretInfo(BaseModel):
    id: uuid.UUID
    hint: str = Field(description="Last characters of the secret, to tell them apart.")
    created_at: datetime
    expires_at: datetime | None


class ApiClientRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    client_id: str
    organisation_id: uuid.UUID
    scopes: list[str]
    active: bool
    last_used_at: datetime | None
    created_at: datetime
    secrets: list[SecretInfo] = Field(default_factory=list)


class ApiClientWithSecret(ApiClientRead):
    client_secret: str = Field(description="Shown once: store it now; only its hash is kept.")


class SecretRotation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    overlap_hours: int = Field(24, ge=0, le=24 * 30, description="How long the current secrets stay valid.")
