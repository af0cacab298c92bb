"""Refuse NUL characters anywhere in a request: PostgreSQL cannot store them in text, and no legitimate
input contains one. Answered as a 422 naming where it was found, before any handler runs.

The body is read here whole, so its size is capped here too: a body sent without Content-Length (chunked)
past the limit is a 413, like one that declares its size up front (checked in main.py)."""
from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from donghanh.core.errors import problem_response


def _nul_path(value: Any, path: list[str | int]) -> list[str | int] | None:
    if isinstance(value, str):
        return path if "\x00" in value else None
    if isinstance(value, dict):
        for key, item in value.items():
            if "\x00" in key:
                return [*path, key]
            found = _nul_path(item, [*path, key])
            if found:
                return found
    if isinstance(value, list):
        for index, item in enumerate(value):
            found = _nul_path(item, [*path, index])
            if found:
                return found
    return None


class NulCharacterGuard:
    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        query = scope.get("query_string", b"")
        if b"%00" in query.lower() or b"\x00" in query:
            await self._refuse(scope, receive, send, ["query"])
            return
        content_type = dict(scope.get("headers", [])).get(b"content-type", b"")
        if content_type.lower().startswith(b"multipart/form-data"):
            # Uploaded files (imports) stream through unbuffered; the importer refuses NUL in any cell itself.
            await self.app(scope, receive, send)
            return
        size = 0
        more = True
        messages: list[Message] = []
        while more:
            message = await receive()
            messages.append(message)
            size += len(message.get("body", b""))
            if size > self.max_body_bytes:
                response = problem_response(413, "Payload too large", "payload-too-large",
                                            f"Request bodies are limited to {self.max_body_bytes // 1024} KiB.")
                await response(scope, receive, send)
                return
            more = message.get("more_body", False) and message["type"] == "http.request"
        body = b"".join(m.get("body", b"") for m in messages)
        location = self._find(scope, body)
        if location is not None:
            await self._refuse(scope, receive, send, location)
            return

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)

    @staticmethod
    def _find(scope: Scope, body: bytes) -> list[str | int] | None:
        if b"\\u0000" not in body and b"\x00" not in body and b"%00" not in body:
            return None
        headers = dict(scope.get("headers", []))
        content_type = headers.get(b"content-type", b"").decode("latin-1")
        if "json" in content_type:
            try:
                return _nul_path(json.loads(body), ["body"])
            except ValueError:
                return None  # malformed JSON: the validation layer reports it
        if "x-www-form-urlencoded" in content_type:
            for key, value in parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True):
                if "\x00" in key or "\x00" in value:
                    return ["body", key.replace("\x00", "")]
            return None
        return ["body"] if b"\x00" in body else None

    @staticmethod
    async def _refuse(scope: Scope, receive: Receive, send: Send, location: list[str | int]) -> None:
        message = "NUL characters (\\u0000) are not allowed."
        response = problem_response(422, "Validation failed", "validation", f"{'.'.join(map(str, location))}: "
                                    f"{message}", [{"loc": location, "msg": message}])
        await response(scope, receive, send)
