"""Per-request facts (client address, request id) that audit events record."""
from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class RequestContext:
    request_id: str | None = None
    ip: str | None = None
    # Refused accesses noted during the request, written after it in their own transaction (audit.py).
    denials: list[tuple[Any, str, str | None]] = field(default_factory=list)


current_request: ContextVar[RequestContext] = ContextVar("current_request", default=RequestContext())
