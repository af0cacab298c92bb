"""Typed application errors and their one rendering: application/problem+json (RFC 9457)."""
from __future__ import annotations

import errno
import logging
from collections.abc import Iterator
from typing import Any

import asyncpg
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger("donghanh.errors")

PROBLEM_JSON = "application/problem+json"
TYPE_BASE = "https://donghanh.vn/problems/"


class AppError(Exception):
    status: int = 500
    title: str = "Internal error"
    slug: str = "internal"

    def __init__(
        self,
        detail: str | None = None,
        *,
        errors: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail or self.title
        self.errors = errors
        self.headers = headers or {}
        self.extra = extra or {}


class BadRequest(AppError):
    status, title, slug = 400, "Bad request", "bad-request"


class Unauthorized(AppError):
    status, title, slug = 401, "Not authenticated", "unauthorized"

    def __init__(self, detail: str | None = None, **kw: Any) -> None:
        kw.setdefault("headers", {"WWW-Authenticate": "Bearer"})
        super().__init__(detail, **kw)


class Forbidden(AppError):
    status, title, slug = 403, "Forbidden", "forbidden"


class NotFound(AppError):
    status, title, slug = 404, "Not found", "not-found"


class Conflict(AppError):
    status, title, slug = 409, "Conflict", "conflict"


class PreconditionFailed(AppError):
    status, title, slug = 412, "Precondition failed", "precondition-failed"


class PreconditionRequired(AppError):
    status, title, slug = 428, "Precondition required", "precondition-required"


class PayloadTooLarge(AppError):
    status, title, slug = 413, "Payload too large", "payload-too-large"


class Unprocessable(AppError):
    status, title, slug = 422, "Validation failed", "validation"

    @classmethod
    def field(cls, loc: list[str | int], msg: str) -> Unprocessable:
        return cls(msg, errors=[{"loc": loc, "msg": msg}])


class TooManyRequests(AppError):
    status, title, slug = 429, "Too many requests", "too-many-requests"


# How long a client should wait before trying again while the database is unreachable (a restart takes seconds).
RETRY_AFTER_SECONDS = 5
# SQLSTATE classes and codes that say "the database is not there", not "your statement is wrong":
# 08 connection exception, 53 insufficient resources (too many connections), 57P01-57P03 shutdown/starting up.
_UNAVAILABLE_SQLSTATE_CLASSES = ("08", "53")
_UNAVAILABLE_SQLSTATES = ("57P01", "57P02", "57P03")
_UNAVAILABLE_ERRNOS = {errno.ECONNREFUSED, errno.ECONNRESET, errno.ECONNABORTED, errno.EPIPE, errno.ETIMEDOUT,
                       errno.EHOSTUNREACH, errno.ENETUNREACH}


def _causes(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        # SQLAlchemy keeps the driver's error in .orig; plain exceptions chain through __cause__/__context__.
        orig = getattr(current, "orig", None)
        current = orig if isinstance(orig, BaseException) else current.__cause__ or current.__context__


def database_unavailable(exc: BaseException) -> bool:
    """Whether `exc` means the database cannot be reached (down, restarting, connection lost, pool exhausted,
    SQLite busy), as opposed to a statement that failed: the first is a 503 worth retrying, the second a bug."""
    for cause in _causes(exc):
        if isinstance(cause, DBAPIError) and cause.connection_invalidated:
            return True
        if isinstance(cause, PoolTimeout | ConnectionError | TimeoutError):
            return True
        if isinstance(cause, OSError) and cause.errno in _UNAVAILABLE_ERRNOS:
            return True
        # SQLite: another writer (a large import) held the database past busy_timeout; it will let go.
        if str(getattr(cause, "sqlite_errorname", "")).startswith("SQLITE_BUSY"):
            return True
        sqlstate = getattr(cause, "sqlstate", None)
        if isinstance(sqlstate, str) and (sqlstate[:2] in _UNAVAILABLE_SQLSTATE_CLASSES
                                          or sqlstate in _UNAVAILABLE_SQLSTATES):
            return True
    return False


class Problem(BaseModel):
    """The body of every error response."""

    type: str
    title: str
    status: int
    detail: str | None = None
    errors: list[dict[str, Any]] | None = None


def problem_response(
    status: int,
    title: str,
    slug: str,
    detail: str | None,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {"type": TYPE_BASE + slug, "title": title, "status": status, "detail": detail}
    if errors is not None:
        body["errors"] = errors
    if extra:
        body.update(extra)
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


# Constraint name → (field, message): integrity errors become 409/422 naming the field.
CONSTRAINT_MESSAGES: dict[str, tuple[int, str, str]] = {}


def register_constraint(name: str, status: int, field: str, message: str, *, sqlite: str | None = None) -> None:
    """`name` is what PostgreSQL reports; SQLite reports the columns instead (`sqlite`, e.g. "t.a, t.b")."""
    CONSTRAINT_MESSAGES[name] = (status, field, message)
    if sqlite:
        CONSTRAINT_MESSAGES[f"UNIQUE constraint failed: {sqlite}"] = (status, field, message)


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    errors = []
    for err in exc.errors():
        loc = list(err.get("loc", ()))
        msg = err.get("msg", "invalid")
        if err.get("type") == "json_invalid":
            msg = "Malformed JSON: " + str(err.get("ctx", {}).get("error", "cannot be parsed"))
            loc = ["body"]
        errors.append({"loc": loc, "msg": msg, "type": err.get("type")})
    return errors


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(AppError)
    async def _app_error(_: Request, exc: AppError) -> JSONResponse:
        return problem_response(exc.status, exc.title, exc.slug, exc.detail, exc.errors, exc.headers, exc.extra)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = _validation_errors(exc)
        first = errors[0] if errors else {"loc": [], "msg": "invalid"}
        where = ".".join(str(p) for p in first["loc"] if p != "body") or "body"
        detail = f"{where}: {first['msg']}"
        return problem_response(422, "Validation failed", "validation", detail, errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        titles = {404: "Not found", 405: "Method not allowed", 401: "Not authenticated"}
        slug = {404: "not-found", 405: "method-not-allowed", 401: "unauthorized"}.get(exc.status_code, "http")
        return problem_response(
            exc.status_code,
            titles.get(exc.status_code, "HTTP error"),
            slug,
            str(exc.detail),
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(IntegrityError)
    async def _integrity(_: Request, exc: IntegrityError) -> JSONResponse:
        message = str(exc.orig)
        for name, (status, field, text) in CONSTRAINT_MESSAGES.items():
            if name in message:
                return problem_response(
                    status, "Conflict" if status == 409 else "Validation failed",
                    "conflict" if status == 409 else "validation", text,
                    [{"loc": ["body", field], "msg": text}],
                )
        log.warning("unmapped integrity error: %s", message)
        return problem_response(409, "Conflict", "conflict", "The change conflicts with existing data.")

    @app.exception_handler(StaleDataError)
    async def _stale(_: Request, exc: StaleDataError) -> JSONResponse:
        return problem_response(
            412, "Precondition failed", "precondition-failed",
            "The object was changed by someone else; reload it and try again.",
        )

    @app.exception_handler(Exception)
    async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error")
        return problem_response(500, "Internal error", "internal", "An unexpected error occurred.")

    # Connection-level failures are handled here (inside the app), so an outage of the database answers 503
    # with Retry-After; anything else of these types is still a bug and goes to the 500 handler above.
    # asyncpg's own errors arrive unwrapped when a connection cannot be opened ("the database system is
    # shutting down"), so they are caught here as well as SQLAlchemy's.
    async def _database_unavailable(request: Request, exc: Exception) -> JSONResponse:
        if not database_unavailable(exc):
            return await _unexpected(request, exc)
        log.warning("database unavailable: %s: %s", type(exc).__name__, str(exc).splitlines()[0][:200])
        return problem_response(503, "Service unavailable", "service-unavailable",
                                "The database cannot be reached; try again in a few seconds.",
                                headers={"Retry-After": str(RETRY_AFTER_SECONDS)})

    for kind in (DBAPIError, PoolTimeout, OSError, asyncpg.PostgresError, asyncpg.InterfaceError):
        app.add_exception_handler(kind, _database_unavailable)


PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem, "content": {PROBLEM_JSON: {}}, "description": title}
    for status, title in [
        (401, "Not authenticated"),
        (403, "Forbidden"),
        (404, "Not found"),
        (422, "Validation failed"),
    ]
}


def problems(*statuses: int) -> dict[int | str, dict[str, Any]]:
    titles = {400: "Bad request", 409: "Conflict", 412: "Precondition failed", 413: "Payload too large",
              428: "Precondition required", 429: "Too many requests"}
    out = dict(PROBLEM_RESPONSES)
    for status in statuses:
        out[status] = {"model": Problem, "content": {PROBLEM_JSON: {}}, "description": titles.get(status, "Error")}
    return out
