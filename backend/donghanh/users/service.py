from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Select
from sqlalchemy import update as sql_update
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.core import audit
from donghanh.core.base import utcnow
from donghanh.core.concurrency import check_precondition
from donghanh.core.errors import Conflict
from donghanh.core.pagination import Page
from donghanh.core.principal import SYSTEM, Principal
from donghanh.core.security import hash_password
from donghanh.org_units import service as org_units
from donghanh.organisations import service as organisations
from donghanh.users.models import User
from donghanh.users.repository import UserRepository
from donghanh.users.schemas import UserCreate, UserFilter, UserRead, UserUpdate

# Changing any of these ends the user's open sessions at once.
_SESSION_BREAKING = {"password", "role", "org_unit_id", "organisation_id", "active"}


async def list(  # noqa: A001
    session: AsyncSession, principal: Principal, flt: UserFilter, cursor: str | None, limit: int
) -> Page[UserRead]:
    unit_paths = await org_units.filter_paths(session, flt.org_unit)
    rows, next_cursor = await UserRepository(session, principal).list(flt, unit_paths, cursor, limit)
    return Page[UserRead](items=[UserRead.model_validate(u) for u in rows], next_cursor=next_cursor)


async def get(session: AsyncSession, principal: Principal, user_id: uuid.UUID) -> User:
    return await UserRepository(session, principal).get(user_id)


async def get_by_username_for_login(session: AsyncSession, username: str) -> User | None:
    return await UserRepository(session, SYSTEM).by_username(username)


async def get_for_authentication(session: AsyncSession, user_id: uuid.UUID) -> User | None:
    return await UserRepository(session, SYSTEM).find(user_id)


def select_for_authentication(session: AsyncSession, *columns: Any) -> Select[Any]:
    """The SYSTEM-scoped SELECT of accounts' `columns` that authentication extends (joining the account's
    session, so a request's token is checked in one round trip)."""
    return UserRepository(session, SYSTEM).select(*columns)


async def create(session: AsyncSession, principal: Principal, *, user_in: UserCreate) -> User:
    await org_units.require_unit(session, user_in.org_unit_id)
    if user_in.organisation_id:
        await organisations.require_organisation(session, user_in.organisation_id, "organisation_id")
    if await get_by_username_for_login(session, user_in.username):
        raise Conflict(f"The username {user_in.username!r} is taken.",
                       errors=[{"loc": ["body", "username"], "msg": "This username is taken."}])
    user = User(
        username=user_in.username, full_name=user_in.full_name, password_hash=hash_password(user_in.password),
        role=user_in.role.value, org_unit_id=user_in.org_unit_id, organisation_id=user_in.organisation_id,
        active=True, created_by=principal.id,
    )
    session.add(user)
    await session.flush()
    await audit.record(session, principal, "create", "user", user.id,
                       fields=sorted(user_in.model_dump(exclude={"password"})) + ["password"],
                       org_unit_id=user.org_unit_id)
    return user


async def update(
    session: AsyncSession, principal: Principal, user_id: uuid.UUID, *, user_in: UserUpdate, if_match: str | None
) -> User:
    user = await get(session, principal, user_id)
    check_precondition(if_match, user.id, user.version, user_in.version)
    changes = user_in.model_dump(exclude_unset=True, exclude={"version"})
    if changes.get("org_unit_id"):
        await org_units.require_unit(session, changes["org_unit_id"])
    if changes.get("organisation_id"):
        await organisations.require_organisation(session, changes["organisation_id"], "organisation_id")
    if principal.id == user.id and (changes.get("active") is False or "role" in changes):
        raise Conflict("You cannot disable your own account or change your own role.")
    for field, value in changes.items():
        if field == "password":
            user.password_hash = hash_password(value)
        elif field == "role":
            user.role = value.value if hasattr(value, "value") else value
        else:
            setattr(user, field, value)
    if _SESSION_BREAKING & set(changes):
        user.sessions_valid_after = utcnow()
    await session.flush()
    await audit.record(session, principal, "update", "user", user.id, fields=sorted(changes),
                       org_unit_id=user.org_unit_id)
    return user


async def mark_login(session: AsyncSession, user: User) -> None:
    # Bookkeeping, not an edit: a statement-level UPDATE leaves the optimistic-lock version alone.
    await session.execute(
        sql_update(User).where(User.id == user.id).values(last_login_at=utcnow())
        .execution_options(synchronize_session=False)
    )
