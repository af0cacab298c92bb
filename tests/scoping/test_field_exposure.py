"""Field exposure: for every account × every JSON GET route, what the answer holds.

Two checks on the recursive key set of each answer:
- every key is declared in the route's OpenAPI response schema: a field the document does not name is a
  leak no reviewer would see;
- no key falls outside what PRODUCT.md §1 lets the role see. The forbidden sets below are written from the
  role table, not from the code's permission table: people-level data (client, contact, referral and victim
  fields) never reaches admin, inspector, finance officer or viewer; identity fields reach only those who
  may see identities; a service provider gets a referral's minimum client data and nothing of the record.

Refusals (403/404) must carry a problem document and nothing else."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.api import route_inventory
from tests.fixtures.figures import record
from tests.fixtures.objects import make_objects
from tests.fixtures.world import ACCOUNTS, World

# Objects that describe a person served, her contacts, referrals, needs, consent or trafficking case.
PERSON_SCHEMAS = {"ClientRead", "ClientIdentityRead", "ContactRead", "ReferralRead", "ProviderReferralRead",
                  "SharedClient", "SharedClientJson", "VictimCaseRead", "CaseEventRead", "SupportRead",
                  "HistoryEntry", "DuplicateCandidate", "MemberRead"}
# Field names that mean person-level data wherever they appear; other names (`code`, `phone`, `client_id`)
# are forbidden only inside a person object, since org units have codes and agencies have phones.
PERSON_KEYS = {"birth_year", "ethnicity", "id_number", "needs", "has_identity", "consent_data_processing_on",
               "consent_share_with_providers", "exploitation", "exploitation_country", "intake_notes",
               "client_code"}
# What a provider never sees of the record behind a referral (PRODUCT.md: "minimum client data").
PROVIDER_FORBIDDEN = {"id_number", "notes", "needs", "ethnicity", "intake_notes", "exploitation",
                      "exploitation_country", "consent_data_processing_on", "contact_id", "legal_basis",
                      "legal_basis_reason", "recorded_by", "establishment_id", "created_by", "birth_year_exact"}


def forbidden(account: str, owner: frozenset[str], key: str) -> bool:
    """May this account not see `key` of an object of schema `owner`? From PRODUCT.md §1."""
    role = ACCOUNTS[account][0].value
    person = bool(owner & PERSON_SCHEMAS)
    if role in ("admin", "inspector", "finance_officer", "viewer"):  # never people-level data
        return person or key in PERSON_KEYS
    if role == "service_provider":
        return person and key in PROVIDER_FORBIDDEN
    return False


PROBLEM_KEYS = {"type", "title", "status", "detail", "instance", "errors", "loc", "msg", "code", "request_id",
                "message", "retry_after"}


def json_get_routes() -> list[str]:
    """Every GET route that answers JSON (files are checked by the export tests)."""
    return sorted({path for method, path, route in route_inventory()
                   if method == "GET" and route.response_model is not None})


def _object_ids(world: World, account: str, made: dict[str, str]) -> dict[str, str]:
    """Path parameter values: an object the account should be able to see, where one exists."""
    person = {"peer_educator_2": "educator_2", "program_manager_hcm": "hcm"}.get(account, "educator_1")
    referral = {"service_provider_2": "health_sent", "program_manager_hcm": "hcm"}.get(account, "legal_sent")
    hcm = account == "program_manager_hcm"
    return {
        "establishment_id": str(world.establishments["hcm" if hcm else "ba_dinh"]),
        "inspection_id": str(world.inspections["hcm" if hcm else "ba_dinh"]),
        "client_id": str(world.clients[person]), "contact_id": str(world.contacts[person]),
        "activity_id": str(world.activities[person]), "referral_id": str(world.referrals[referral]),
        "group_id": str(world.peer_groups["hcm" if hcm else "ba_dinh"]),
        "member_id": str(world.members["hcm" if hcm else "leader"]),
        "unit_id": str(world.units["hcm" if hcm else "ba_dinh"].id),
        "organisation_id": str(world.organisations["legal_aid_hanoi"]),
        "user_id": str(world.user_ids[account]),
    } | made


def _query(openapi: dict[str, Any], path: str, world: World, account: str) -> dict[str, Any]:
    """Values for the route's required query parameters."""
    root = ACCOUNTS[account][1]
    unit = next(u for u in world.units.values() if u.path == root)
    # Reconciliation is for periods kept along the pre-2025 units.
    period = "2024" if path.endswith("/reconciliation") else "2026Q4"
    known = {"year": 2026, "period": period, "org_unit": str(unit.id), "since": "2026-01-01", "until": "2026-12-31"}
    params = {}
    for parameter in openapi["paths"][path]["get"].get("parameters", []):
        if parameter["in"] == "query" and parameter.get("required"):
            assert parameter["name"] in known, f"{path}: no test value for required {parameter['name']}"
            params[parameter["name"]] = known[parameter["name"]]
    return params


def _resolve(openapi: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = openapi["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _object_view(openapi: dict[str, Any], schema: dict[str, Any]) -> tuple[dict[str, Any], Any, list[Any]]:
    """(properties, additionalProperties, item schemas) of a schema, merged over anyOf/oneOf/allOf branches."""
    schema = _resolve(openapi, schema)
    properties: dict[str, Any] = dict(schema.get("properties", {}))
    extra = schema.get("additionalProperties")
    items = [schema["items"]] if "items" in schema else []
    for branch in schema.get("anyOf", []) + schema.get("oneOf", []) + schema.get("allOf", []):
        p, e, i = _object_view(openapi, branch)
        properties.update(p)
        extra = extra or e
        items += i
    return properties, extra, items


def walk(openapi: dict[str, Any], value: Any, schema: dict[str, Any], at: str = "",
         owner: frozenset[str] = frozenset()) -> Iterator[tuple[frozenset[str], str, str, bool]]:
    """(owner schemas, key, where, declared) for every field name in `value`; keys of free-form maps are data.
    The owner is the named schema of the object holding the key (every branch's name under anyOf)."""
    owner = _names(schema) or owner
    properties, extra, items = _object_view(openapi, schema)
    if isinstance(value, dict):
        for key, inner in value.items():
            if key in properties:
                yield owner, key, f"{at}.{key}", True
                yield from walk(openapi, inner, properties[key], f"{at}.{key}", owner)
            elif isinstance(extra, dict):
                yield from walk(openapi, inner, extra, f"{at}[{key!r}]", owner)
            else:
                yield owner, key, f"{at}.{key}", extra is True
    elif isinstance(value, list):
        for inner in value:
            for item_schema in items or [{}]:
                yield from walk(openapi, inner, item_schema, f"{at}[]", owner)


def _names(schema: dict[str, Any]) -> frozenset[str]:
    if "$ref" in schema:
        return frozenset({schema["$ref"].rsplit("/", 1)[1]})
    branches = schema.get("anyOf", []) + schema.get("oneOf", []) + schema.get("allOf", [])
    return frozenset().union(*(_names(branch) for branch in branches))


def _response_schema(openapi: dict[str, Any], path: str) -> dict[str, Any]:
    return openapi["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]


async def _exposure(client: httpx.AsyncClient, app: Any, world: World, account: str,
                    made: dict[str, str]) -> dict[str, Any]:
    openapi = app.openapi()
    ids = _object_ids(world, account, made)
    found: dict[str, Any] = {"answered": set(), "undeclared": [], "forbidden": [], "refusals_with_data": []}
    for path in json_get_routes():
        url = path
        for name, value in ids.items():
            url = url.replace("{" + name + "}", value)
        assert "{" not in url, f"no test object for {path}"
        response = await client.get(url, params=_query(openapi, path, world, account), headers=world.auth(account))
        assert response.status_code < 500, (path, response.text)
        if response.status_code != 200:
            assert response.status_code in (403, 404, 409, 422), (account, path, response.status_code, response.text)
            assert response.headers["content-type"].startswith("application/problem+json")
            keys = {key for _, key, _, _ in walk(openapi, response.json(), {})}
            if keys - PROBLEM_KEYS:
                found["refusals_with_data"].append((path, sorted(keys - PROBLEM_KEYS)))
            continue
        found["answered"].add(path)
        for owner, key, where, declared in walk(openapi, response.json(), _response_schema(openapi, path)):
            if not declared:
                found["undeclared"].append((path, where))
            if forbidden(account, owner, key):
                found["forbidden"].append((path, owner, where))
    return found


@pytest.mark.parametrize("account", list(ACCOUNTS))
async def test_answers_hold_only_declared_and_allowed_fields(
    client: httpx.AsyncClient, session: AsyncSession, app: Any, world: World, account: str
) -> None:
    found = await _exposure(client, app, world, account, await make_objects(client, session, world))
    record("field_exposure", account=account, routes=len(json_get_routes()), answered=len(found["answered"]),
           undeclared=len(found["undeclared"]), forbidden=len(found["forbidden"]),
           refusals_with_data=len(found["refusals_with_data"]))
    assert found["undeclared"] == []
    assert found["forbidden"] == []
    assert found["refusals_with_data"] == []


async def test_every_json_route_answers_someone(
    client: httpx.AsyncClient, session: AsyncSession, app: Any, world: World
) -> None:
    """The check above is not vacuous: between them, the roles that may call each route got a 200 from it."""
    answered: set[str] = set()
    made = await make_objects(client, session, world)
    for account in ("program_manager", "admin", "service_provider"):
        answered |= (await _exposure(client, app, world, account, made))["answered"]
    assert sorted(set(json_get_routes()) - answered) == []
