from __future__ import annotations

from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.auth import service
from donghanh.core.principal import Principal


async def authenticate_request(request: Request, session: AsyncSession, token: str) -> Principal:
    """Installed on app.state as core.permissions' Authenticator."""
    return await service.authenticate(session, request.app.state.settings, token)
