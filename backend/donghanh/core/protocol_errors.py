"""Answers the framework gives before any route runs, kept true to the OpenAPI document: a 405 names every
method of the path in `Allow`, and a body that cannot even be parsed (JSON that is not UTF-8, broken multipart)
is refused like malformed JSON, with a 422 on `body`."""
from __future__ import annotations

import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from donghanh.core.errors import problem_response

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
UUID_SEGMENT = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"


def install_protocol_handlers(app: FastAPI) -> None:
    @app.exception_handler(405)
    async def _method_not_allowed(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        # The framework's Allow names the methods of the first route that matched; FastAPI has one route per
        # method, so the document tells the whole answer for the path.
        allowed = allowed_methods(request.app.openapi(), request.url.path)
        headers = {"Allow": ", ".join(allowed)} if allowed else exc.headers
        return problem_response(405, "Method not allowed", "method-not-allowed",
                                f"{request.method} is not allowed here.", headers=headers)

    @app.exception_handler(400)
    async def _unparsable_body(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        # The framework's only 400s are bodies it could not parse (the app's own are BadRequest, an AppError).
        msg = f"Malformed body: {exc.detail}"
        return problem_response(422, "Validation failed", "validation", msg, [{"loc": ["body"], "msg": msg}])


def allowed_methods(document: dict[str, Any], path: str) -> list[str]:
    """Every method the document declares for a path; HEAD goes with GET. An id declared as a UUID only
    matches a UUID (`/victim-cases/statistics` is not `/victim-cases/{case_id}`)."""
    methods: set[str] = set()
    for template, item in document.get("paths", {}).items():
        uuids = {p["name"] for op in item.values() if isinstance(op, dict) for p in op.get("parameters", [])
                 if p.get("in") == "path" and p.get("schema", {}).get("format") == "uuid"}
        segment = lambda m, uuids=uuids: UUID_SEGMENT if m[1] in uuids else "[^/]+"  # noqa: E731
        pattern = re.sub(r"\\{([^}]+)\\}", segment, re.escape(template))
        if re.fullmatch(pattern, path):
            methods |= {m.upper() for m in item if m in HTTP_METHODS}
    if "GET" in methods:
        methods.add("HEAD")
    return sorted(methods)
