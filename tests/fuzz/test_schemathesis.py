"""Schemathesis over the whole OpenAPI document, signed in as each role (issue #10): no server error, no
response outside what the document declares (status, content type, headers, body schema), invalid input
refused and valid input accepted.

The schema comes from the app itself (Schemathesis' ASGI loader). The requests then go to the same app on
pytest's session event loop, where the suite's engine lives, inside the rolled-back transaction of the
`session` fixture: whatever the fuzzer creates or changes is gone after each operation and role, and the
shared `world` is left as it was. Generation is deterministic (fixed seed, derandomized) and bounded per
operation. Every built-in check is on; the three that need a stateful sequence (use_after_free,
ensure_resource_availability, object_level_authorization) have nothing to judge in these single calls.

DONGHANH_SECURITY_FIGURES=<path> appends one JSON line per role with its totals."""
from __future__ import annotations

import asyncio
import http
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

import httpx
import pytest
import pytest_asyncio
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig
from schemathesis.core.failures import FailureGroup
from schemathesis.generation.meta import TestPhase

from donghanh.api import route_inventory
from donghanh.core.roles import permissions_for
from donghanh.db import Database
from donghanh.main import create_app
from tests.fixtures.database import settings_for_tests
from tests.fixtures.world import ACCOUNTS, ROLE_ACCOUNTS, World, sign_in, username_of

OPENAPI_PATH = "/api/v1/openapi.json"
LOGOUT = "POST /api/v1/auth/logout"
# Every role gets the document's examples and this many drawn cases per operation, valid and invalid input.
MAX_EXAMPLES = 5

CONFIG = SchemathesisConfig.from_dict({
    "seed": 20261123,
    "generation": {"mode": "all", "max-examples": MAX_EXAMPLES, "deterministic": True, "database": "none"},
    "checks": {
        "enabled": True,
        # Schema-valid input may still break a rule JSON Schema cannot state, and the API answers those with a
        # 422 naming the field: a referenced row that does not exist or is out of scope (STYLE.md), a cursor it
        # never issued, a rule across fields (latitude with longitude, at most one way to name the client). Any
        # other refusal of schema-valid input (400, 415, ...) still fails this check.
        "positive_data_acceptance": {"expected-statuses": ["2xx", "3xx", "401", "403", "404", "409", "422", "429"]},
    },
    "operations": [{
        # Multipart carries bytes, not JSON types: an upload "of the wrong type" (the file as an integer) reaches
        # the server as a file like any other, so refusing it would be wrong. Every other check still runs.
        "include-path-regex": "^/api/v1/imports/[a-z-]+$", "include-method": "POST",
        "checks": {"negative_data_rejection": {"enabled": False}},
    }],
})


@dataclass
class Tally:
    role: str
    operations: set[str] = field(default_factory=set)
    cases: int = 0
    failures: set[tuple[str, str, str]] = field(default_factory=set)

    def as_json(self) -> str:
        return json.dumps({"suite": "schemathesis", "role": self.role, "operations": len(self.operations),
                           "cases": self.cases, "failures": len(self.failures)})


class OnSessionLoop:
    """A WSGI face for the ASGI app, so that Schemathesis' own transport (requests, and the probes some checks
    send, such as `ignored_auth` without credentials) reach the app synchronously. Each request runs to its end
    on pytest's session event loop, idle while this synchronous test runs: the only loop the database engine and
    the test's transaction may be used from."""

    def __init__(self, app: Any, loop: asyncio.AbstractEventLoop) -> None:
        self.app = app
        self.loop = loop

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        status, headers, body = self.loop.run_until_complete(self._call(environ))
        start_response(f"{status} {_phrase(status)}", headers)
        return [body]

    async def _call(self, environ: dict[str, Any]) -> tuple[int, list[tuple[str, str]], bytes]:
        raw_uri = environ.get("RAW_URI") or environ.get("REQUEST_URI") or environ["PATH_INFO"]
        path, _, query = raw_uri.partition("?")
        headers = [(k[5:].replace("_", "-").lower(), v) for k, v in environ.items() if k.startswith("HTTP_")]
        headers += [(k.replace("_", "-").lower(), environ[k]) for k in ("CONTENT_TYPE", "CONTENT_LENGTH")
                    if environ.get(k)]
        length = int(environ.get("CONTENT_LENGTH") or 0)
        request_body = environ["wsgi.input"].read(length) if length else b""
        scope = {
            "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": environ["REQUEST_METHOD"],
            "scheme": environ.get("wsgi.url_scheme", "http"), "path": unquote(path), "raw_path": path.encode(),
            "root_path": "", "query_string": (query or environ.get("QUERY_STRING", "")).encode("latin-1"),
            "headers": [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers],
            "client": ("192.0.2.10", 50000), "server": (environ["SERVER_NAME"], int(environ["SERVER_PORT"])),
        }
        sent = False
        complete = asyncio.Event()
        answer: dict[str, Any] = {"status": 500, "headers": [], "body": b""}

        async def receive() -> dict[str, Any]:
            nonlocal sent
            if sent:  # like a real client, stay connected until the whole response has arrived
                await complete.wait()
                return {"type": "http.disconnect"}
            sent = True
            return {"type": "http.request", "body": request_body, "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                answer["status"] = message["status"]
                answer["headers"] = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in message["headers"]]
            elif message["type"] == "http.response.body":
                answer["body"] += message.get("body", b"")
                if not message.get("more_body", False):
                    complete.set()

        await self.app(scope, receive, send)
        return answer["status"], answer["headers"], answer["body"]


def _phrase(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return ""


def _document_app() -> Any:
    """The app as the suite builds it, asked only for its document at collection time (it never reaches a
    database: the requests go to the `app` fixture). `schemathesis.pytest.from_fixture` would load it from
    the fixture instead, but its lazy tests fail under pytest 9.2 (they set `Node._nodeid`)."""
    settings = settings_for_tests("sqlite+aiosqlite:///:memory:")
    return create_app(settings, Database(settings))


schema = schemathesis.openapi.from_asgi(OPENAPI_PATH, _document_app(), config=CONFIG)


def _dependency_calls(dependant: Any) -> Iterator[Any]:
    for dependency in dependant.dependencies:
        yield dependency.call
        yield from _dependency_calls(dependency)


def _first_role_allowed(route: Any) -> str:
    """The role the coverage phase runs as: the program manager, else the admin, else any role the route's
    permission lets in (another role would be refused before its input is even read)."""
    requires = [call for call in _dependency_calls(route.dependant) if hasattr(call, "required_permissions")]
    for account in ("program_manager", "admin", *ROLE_ACCOUNTS):
        held = permissions_for(ACCOUNTS[account][0])
        if all((needed & held) if call.any_of else (needed <= held)
               for call in requires for needed in [call.required_permissions]):
            return account
    raise AssertionError(f"no role may call {route.path}")


# The coverage phase (boundary and invalid values of every parameter, methods the path does not have: some
# sixty cases per operation) runs once per operation, as a role allowed to call it; drawn cases as every role.
COVERAGE_ROLE = {f"{method} {path}": _first_role_allowed(route) for method, path, route in route_inventory()}
TALLIES = {role: Tally(role) for role in ROLE_ACCOUNTS}


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def session_loop() -> asyncio.AbstractEventLoop:
    return asyncio.get_running_loop()


@pytest.fixture(params=ROLE_ACCOUNTS)
def role(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(scope="module", autouse=True)
def figures() -> Iterator[None]:
    yield
    target = os.environ.get("DONGHANH_SECURITY_FIGURES")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.writelines(tally.as_json() + "\n" for tally in TALLIES.values() if tally.cases)


async def _fresh_token(app: Any, role: str) -> str:
    transport = httpx.ASGITransport(app=app, client=("192.0.2.11", 50000))
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        return await sign_in(client, username_of(role))


@schema.parametrize()
# All cases of one operation, as one role, share the function-scoped rolled-back transaction, on purpose.
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_every_operation_conforms_to_the_document(
    case: Any, role: str, world: World, session: Any, session_loop: asyncio.AbstractEventLoop, app: Any,
) -> None:
    label = case.operation.label
    if case.meta is not None and case.meta.phase.name == TestPhase.COVERAGE and role != COVERAGE_ROLE[label]:
        return
    if label == LOGOUT:
        # Logging out revokes the token it was sent with: the logout cases get a session of their own (inside
        # the rolled-back transaction), so the role's token stays valid for every other operation.
        token = session_loop.run_until_complete(_fresh_token(app, role))
    else:
        token = world.tokens[role]
    tally = TALLIES[role]
    tally.operations.add(label)
    tally.cases += 1
    try:
        case.call_and_validate(app=OnSessionLoop(app, session_loop), headers={"Authorization": f"Bearer {token}"})
    except FailureGroup as group:
        tally.failures.update((label, failure.code, failure.title) for failure in group.exceptions)
        raise
