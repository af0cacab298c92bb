"""A new field-encryption key: old rows still read, and rotation rewrites them under the new key."""
from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.config import Settings
from donghanh.core import crypto
from donghanh.core.key_rotation import rotate
from tests.fixtures.world import World


@pytest.fixture
def restore_ring(settings: Settings) -> Iterator[None]:
    yield
    crypto.configure(settings.field_encryption_keys, settings.field_encryption_active_kid, settings.blind_index_key)


async def test_rotation_to_a_new_key(client: httpx.AsyncClient, world: World, session: AsyncSession,
                                     settings: Settings, restore_ring: None) -> None:
    url = f"/api/v1/clients/{world.clients['case_worker']}"
    before = (await client.get(url, headers=world.auth("case_worker"))).json()
    keys = dict(settings.field_encryption_keys) | {"k2": "a brand new key of at least thirty-two chars"}
    crypto.configure(keys, "k2", settings.blind_index_key)
    # Still readable under the new ring (old rows carry their key id) ...
    assert (await client.get(url, headers=world.auth("case_worker"))).json()["full_name"] == before["full_name"]
    report = await rotate(session)
    assert report.rows >= 4 and report.values >= 8
    raw = (await session.execute(text("SELECT full_name FROM client WHERE full_name IS NOT NULL"))).scalars().all()
    assert raw and all(v.startswith("v1:k2:") for v in raw)
    # ... and after rotation the old key is no longer needed.
    crypto.configure({"k2": keys["k2"]}, "k2", settings.blind_index_key)
    assert (await client.get(url, headers=world.auth("case_worker"))).json()["full_name"] == before["full_name"]
    assert (await rotate(session)).rows == 0
