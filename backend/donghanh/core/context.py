"""Per-request facts (client address, request id) that audit events record."""
from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestContext:
    request_id: str | None = None
    ip: str | None = None


current_request: ContextVar[RequestContext] = ContextVar("current_request", default=RequestContext())
