"""Route guards: `Require(...)` checks the role's permissions (403); rows are scoped elsewhere (404)."""
from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.core import audit
from donghanh.core.errors import Forbidden, NotFound, Unauthorized
from donghanh.core.principal import Principal
from donghanh.core.roles import ROLE_PERMISSIONS, Permission, Role, permissions_for
from donghanh.db import SessionDep

__all__ = [
    "ROLE_PERMISSIONS", "CurrentPrincipal", "Permission", "Require", "Role", "current_principal", "permissions_for",
]

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token", auto_error=False)

# The auth domain installs the function that turns a bearer token into a Principal
# (core must not import a domain); see auth.dependencies.
Authenticator = Callable[[Request, AsyncSession, str], Awaitable[Principal]]


async def current_principal(
    request: Request, session: SessionDep, token: Annotated[str | None, Depends(oauth2_scheme)]
) -> Principal:
    if not token:
        raise Unauthorized("Sign in first: send `Authorization: Bearer <access token>`.")
    authenticate: Authenticator = request.app.state.authenticate
    principal = await authenticate(request, session, token)
    request.state.principal = principal
    return principal


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]


def Require(  # noqa: N802
    *needed: Permission, hide: bool = False, any_of: bool = False
) -> Callable[..., Awaitable[Principal]]:
    """Route dependency: the caller's role must hold every listed permission, or with `any_of` at least one
    (the service then checks which step each one opens); 403 otherwise.

    `hide=True` answers 404 instead, for records whose very existence is confidential (victim cases):
    a role that may never see one is told there is nothing there."""

    # Authenticates itself rather than through a CurrentPrincipal dependency: FastAPI solves each level of a
    # dependency tree on every request, and this one is on every request.
    async def dependency(
        request: Request, session: SessionDep, token: Annotated[str | None, Depends(oauth2_scheme)]
    ) -> Principal:
        principal = await current_principal(request, session, token)
        missing = [p for p in needed if p not in principal.permissions]
        if missing and not (any_of and len(missing) < len(needed)):
            audit.note_denial(principal, "permission", ",".join(missing))
            if hide:
                raise NotFound("Not found.")
            raise Forbidden(f"Your role ({principal.role}) may not do this: needs {', '.join(missing)}.")
        return principal

    dependency.required_permissions = frozenset(needed)  # type: ignore[attr-defined]
    dependency.any_of = any_of  # type: ignore[attr-defined]
    return dependency
