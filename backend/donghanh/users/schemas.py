from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator

from donghanh.core.permissions import Role

USERNAME_PATTERN = r"^[a-z0-9][a-z0-9._-]{2,79}$"


def _strong_enough(password: str) -> str:
    if len(set(password)) < 5:
        raise ValueError("password is too simple: use at least 5 different characters")
    return password


class UserCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    username: str = Field(pattern=USERNAME_PATTERN, description="Lower-case letters, digits, . _ -")
    full_name: str = Field(min_length=2, max_length=150)
    password: str = Field(min_length=10, max_length=128)
    role: Role
    org_unit_id: uuid.UUID
    organisation_id: uuid.UUID | None = None

    _password = field_validator("password")(_strong_enough)


class UserUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    full_name: str | None = Field(None, min_length=2, max_length=150)
    password: str | None = Field(None, min_length=10, max_length=128)
    role: Role | None = None
    org_unit_id: uuid.UUID | None = None
    organisation_id: uuid.UUID | None = None
    active: bool | None = None
    version: int | None = None

    @field_validator("password")
    @classmethod
    def _password(cls, value: str | None) -> str | None:
        return _strong_enough(value) if value is not None else None


class UserRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    username: str
    full_name: str
    role: Role
    org_unit_id: uuid.UUID
    organisation_id: uuid.UUID | None
    active: bool
    last_login_at: datetime | None
    version: int
    created_at: datetime
    updated_at: datetime


class UserFilter(BaseModel):
    q: str | None = Field(None, max_length=100)
    role: Role | None = None
    active: bool | None = None
    org_unit: uuid.UUID | None = None
