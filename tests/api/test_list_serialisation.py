"""The main lists are serialised by orjson straight from their rows (core.pagination.RowPage), not through
their schemas. Their answers must still be exactly what the schema makes of them: every declared field,
nothing else, and each value written the way pydantic writes it (UTC times with Z, enums as values…)."""
from __future__ import annotations

from typing import Any

import httpx
import pytest
from pydantic import TypeAdapter

from donghanh.clients.schemas import ClientRead
from donghanh.contacts.schemas import ContactRead
from donghanh.core.pagination import Page, RowPage, item_of
from donghanh.establishments.schemas import EstablishmentRead
from donghanh.referrals.schemas import ProviderReferralRead, ReferralRead
from tests.fixtures.world import World

LISTS: list[tuple[str, str, Any]] = [
    ("program_manager", "/api/v1/contacts", ContactRead),
    ("peer_educator", "/api/v1/contacts", ContactRead),
    ("program_manager", "/api/v1/clients", ClientRead),
    ("program_manager", "/api/v1/establishments", EstablishmentRead),
    ("inspector", "/api/v1/establishments", EstablishmentRead),
    ("program_manager", "/api/v1/referrals", ReferralRead | ProviderReferralRead),
    ("service_provider", "/api/v1/referrals", ReferralRead | ProviderReferralRead),
]


@pytest.mark.parametrize(("account", "path", "schema"), LISTS)
async def test_a_list_answer_is_what_its_schema_makes_of_it(
    client: httpx.AsyncClient, world: World, account: str, path: str, schema: Any
) -> None:
    response = await client.get(path, params={"limit": 500}, headers=world.auth(account))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert body["items"], f"{account} sees nothing at {path}: the comparison would prove nothing"
    adapter = TypeAdapter(Page[schema])  # type: ignore[valid-type]
    assert adapter.dump_python(adapter.validate_json(response.content), mode="json") == body


async def test_a_clients_timeline_is_what_its_schema_makes_of_it(client: httpx.AsyncClient, world: World) -> None:
    response = await client.get(f"/api/v1/clients/{world.clients['case_worker']}/contacts",
                                headers=world.auth("case_worker"))
    assert response.status_code == 200, response.text
    adapter = TypeAdapter(Page[ContactRead])
    assert response.json()["items"]
    assert adapter.dump_python(adapter.validate_json(response.content), mode="json") == response.json()


def test_an_item_holds_only_declared_fields_nested_ones_included() -> None:
    history = {"at": "2026-10-05T00:00:00Z", "actor_type": "user", "actor_name": "A", "from_status": None,
               "to_status": "sent", "note": None, "referral_id": "not declared"}
    item = item_of(ReferralRead, {name: None for name in ReferralRead.model_fields} | {
        "history": [history], "secret": "not declared"})
    assert "secret" not in item
    assert item["history"] == [{k: v for k, v in history.items() if k != "referral_id"}]


def test_a_schema_the_rows_path_cannot_reproduce_is_refused() -> None:
    from pydantic import BaseModel, Field, field_serializer

    class Aliased(BaseModel):
        value: int = Field(serialization_alias="v")

    class Serialised(BaseModel):
        value: int

        @field_serializer("value")
        def _twice(self, value: int) -> int:
            return value * 2

    for schema in (Aliased, Serialised):
        with pytest.raises(TypeError):
            RowPage(schema, [item_of(schema, {"value": 1})], None)
