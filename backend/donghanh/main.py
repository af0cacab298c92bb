from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import anyio
from fastapi import FastAPI, Response
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette._utils import get_route_path
from starlette.types import Receive, Scope, Send

import donghanh.models  # noqa: F401  (registers every model and scope policy)
from donghanh import __version__
from donghanh.api import include_api
from donghanh.auth.dependencies import authenticate_request
from donghanh.config import Settings, get_settings
from donghanh.core import audit, collector, crypto
from donghanh.core.errors import install_error_handlers, problem_response
from donghanh.core.input_guard import NulCharacterGuard
from donghanh.core.protocol_errors import install_protocol_handlers
from donghanh.core.rate_limit import RateLimiter
from donghanh.core.repository import install_scope_guard
from donghanh.core.request_context import MAX_BODY_BYTES, RequestContextMiddleware
from donghanh.db import Database
from donghanh.webhooks import service as webhooks

log = logging.getLogger("donghanh")



def create_app(settings: Settings | None = None, database: Database | None = None) -> FastAPI:
    settings = settings or get_settings()
    install_scope_guard()
    crypto.configure(settings.field_encryption_keys, settings.field_encryption_active_kid, settings.blind_index_key)
    database = database or Database(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        stop = asyncio.Event()
        worker = None
        if settings.outbox_worker_in_process:
            # Embedded setup: webhooks leave and audit events are chained from inside the server. Production
            # runs `donghanh worker`.
            worker = asyncio.create_task(webhooks.run_worker(database.sessionmaker, settings, stop))
        collector.freeze_start_up()
        yield
        stop.set()
        if worker is not None:
            await worker
        await database.dispose()

    app = FastAPI(
        title="Đồng Hành API",
        version=__version__,
        description=(
            "Case management for social protection against prostitution and human trafficking. "
            "Errors are application/problem+json (RFC 9457). Out-of-scope objects answer 404."
        ),
        lifespan=lifespan,
        openapi_url="/api/v1/openapi.json",
        docs_url="/api/docs" if settings.api_docs else None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.database = database
    app.state.sessionmaker = database.sessionmaker
    app.state.authenticate = authenticate_request
    install_error_handlers(app)
    rate_limiter = RateLimiter(settings.rate_limit_per_minute, settings.rate_limit_heavy_per_minute,
                               settings.rate_limit_anonymous_per_minute, settings.rate_limit_storage)
    install_protocol_handlers(app)

    include_api(app)
    app.add_middleware(NulCharacterGuard, max_body_bytes=MAX_BODY_BYTES)
    app.add_middleware(RequestContextMiddleware, settings=settings, rate_limiter=rate_limiter,
                       write_denials=lambda: _write_denials(app))
    if settings.cors_origins:  # an allow-list, never "*": tokens and the refresh cookie are credentials
        app.add_middleware(
            CORSMiddleware, allow_origins=settings.cors_origins, allow_credentials=True,
            allow_methods=["GET", "POST", "PATCH", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "If-Match", "Idempotency-Key", "Accept-Language"],
            expose_headers=["ETag", "Location", "X-Request-ID", "Content-Disposition"], max_age=600)

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, str]:
        # Reaches the database: while it is down this answers 503 (the connection-error handler), so a load
        # balancer stops sending traffic. On SQLite a checkout is enough: a statement would begin IMMEDIATE
        # and wait behind a running import.
        async with database.engine.connect() as connection:
            if not settings.is_sqlite:
                await connection.exec_driver_sql("SELECT 1")
        return {"status": "ok", "version": __version__}

    _mount_spa(app, settings)
    return app


async def _write_denials(app: FastAPI) -> None:
    """Refused accesses are audited in their own transaction, after the refusal rolled the request's back."""
    try:
        await audit.write_denials(app.state.sessionmaker)
    except Exception:  # the answer is already decided; a lost denial event must not turn it into a 500
        log.exception("could not write the audit events of refused accesses")


def _mount_spa(app: FastAPI, settings: Settings) -> None:
    dist = Path(settings.spa_dist)
    index = dist / "index.html"
    if not settings.serve_spa or not index.is_file():
        log.info("SPA not served: %s has no index.html (build it with `make spa`)", dist)
        return
    if (dist / "assets").is_dir():
        app.mount("/assets", StaticFiles(directory=dist / "assets"), name="assets")
    root = dist.resolve()

    def file_for(path: str) -> tuple[Path, dict[str, str]]:
        candidate = (root / path).resolve()
        if path and candidate.is_file() and root in candidate.parents:
            return candidate, {}
        return index, {"Cache-Control": "no-cache"}  # the SPA's own router draws the page; a new build is seen

    async def spa(scope: Scope, receive: Receive, send: Send) -> None:
        """The router's fallback rather than a catch-all route, so it answers only after every route and
        the trailing-slash redirect had their turn (`/api/v1/clients/` still redirects, POST to an API
        path still gets its 405)."""
        if scope["type"] != "http":
            await app.router.not_found(scope, receive, send)
            return
        path = get_route_path(scope).lstrip("/")
        response: Response
        if path == "api" or path.startswith("api/"):
            response = problem_response(404, "Not found", "not-found", f"No API route /{path}.")
        elif scope["method"] not in ("GET", "HEAD"):
            response = problem_response(405, "Method not allowed", "method-not-allowed",
                                        "The application's pages are only read.", headers={"Allow": "GET, HEAD"})
        else:  # stat calls in a thread: they never block the loop
            file, headers = await anyio.to_thread.run_sync(file_for, path)
            response = FileResponse(file, headers=headers)
        await response(scope, receive, send)

    app.router.default = spa
