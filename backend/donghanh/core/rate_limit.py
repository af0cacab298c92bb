"""Request rate limits (OWASP API4: unrestricted resource consumption), with the `limits` library.

A caller is the bearer token it presents (hashed: the limiter never holds a credential), or its IP address
when it presents none. Every API request counts against the caller's general limit; exports, imports,
indicators and the dashboard, which read whole tables, also count against a smaller one. Signing in is
throttled separately, per username (auth.service). Over a limit the answer is 429 with Retry-After.

Counters live in memory by default (one process); with several workers, point
DONGHANH_RATE_LIMIT_STORAGE at Redis (`async+redis://host:6379`) so they share one count."""
from __future__ import annotations

import hashlib
import math
import time

from fastapi import Request
from fastapi.responses import JSONResponse
from limits import RateLimitItem, RateLimitItemPerMinute
from limits.aio.strategies import MovingWindowRateLimiter
from limits.storage import storage_from_string

from donghanh.core.errors import problem_response

API_PREFIX = "/api/"
# Routes that read or write whole tables per request (uploads to /imports/; polling a job is light).
HEAVY_PREFIXES = ("/api/v1/exports/", "/api/v1/indicators", "/api/v1/dashboard", "/api/v1/reports/consolidation",
                  "/api/v1/victim-cases/export")
UPLOAD_PREFIX = "/api/v1/imports/"


class RateLimiter:
    def __init__(self, per_minute: int, heavy_per_minute: int, anonymous_per_minute: int, storage: str) -> None:
        self.general = RateLimitItemPerMinute(per_minute) if per_minute > 0 else None
        self.heavy = RateLimitItemPerMinute(heavy_per_minute) if heavy_per_minute > 0 else None
        self.anonymous = RateLimitItemPerMinute(anonymous_per_minute) if anonymous_per_minute > 0 else None
        self.enabled = any((self.general, self.heavy, self.anonymous))
        self.limiter = MovingWindowRateLimiter(storage_from_string(storage)) if self.enabled else None

    async def refuse(self, request: Request) -> JSONResponse | None:
        """None when the request may go on; otherwise the 429 to answer with."""
        path = request.url.path
        if self.limiter is None or not path.startswith(API_PREFIX) or request.method == "OPTIONS":
            return None
        caller = _caller(request)
        limits: list[RateLimitItem | None] = [self.general if caller.startswith("token:") else self.anonymous]
        if path.startswith(HEAVY_PREFIXES) or (path.startswith(UPLOAD_PREFIX) and request.method == "POST"):
            limits.append(self.heavy)
        for item in limits:
            if item is not None and not await self.limiter.hit(item, caller):
                stats = await self.limiter.get_window_stats(item, caller)
                retry_after = max(1, math.ceil(stats.reset_time - time.time()))
                return problem_response(
                    429, "Too many requests", "too-many-requests",
                    f"More than {item.amount} requests a minute; try again in {retry_after} s.",
                    headers={"Retry-After": str(retry_after)})
        return None


def _caller(request: Request) -> str:
    authorization = request.headers.get("authorization", "")
    if authorization[:7].lower() == "bearer " and len(authorization) > 7:
        return "token:" + hashlib.sha256(authorization[7:].encode()).hexdigest()[:32]
    return "ip:" + (request.client.host if request.client else "unknown")
