"""A register large enough for the bulk path (several chunks, COPY on PostgreSQL): every contact is stored as
the form would store it, each has its own chained audit event, a re-run changes nothing, and a write that
fails inside a chunk is still reported against its row with nothing written."""
from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.contacts import service as contacts_service
from donghanh.contacts.models import OutreachContact
from donghanh.core import bulk
from donghanh.core.audit import AuditEvent, verify_chain
from donghanh.imports import engine
from donghanh.imports.repository import Lookup
from tests.api.imports.files import contact_rows, csv_bytes
from tests.api.imports.test_imports import _import
from tests.fixtures.objects import audit_events
from tests.fixtures.world import World

ROWS = 130  # three chunks of 50 (the last one short), each above the COPY threshold but the last


def _scoped(stmt: Any) -> Any:
    return stmt.execution_options(donghanh_scoped=True)  # the test reads the table as it is, on purpose


async def _contacts(session: AsyncSession) -> dict[str, OutreachContact]:
    found = await session.execute(_scoped(select(OutreachContact).where(OutreachContact.external_id.like("TC-%"))))
    return {c.external_id: c for c in found.scalars()}


@pytest.fixture(autouse=True)
def _small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "CHUNK_ROWS", 50)
    monkeypatch.setattr(bulk, "COPY_FROM_ROWS", 40)


class TestBulkContacts:
    async def test_every_contact_is_stored_and_audited_as_one_by_one(
            self, client: httpx.AsyncClient, world: World, session: AsyncSession,
            monkeypatch: pytest.MonkeyPatch) -> None:
        one_by_one: list[Any] = []

        async def create(*args: Any, **kwargs: Any) -> Any:
            one_by_one.append(kwargs["contact_in"].external_id)  # the replay, were a bulk write to fail

        monkeypatch.setattr(contacts_service, "create", create)
        response = await _import(client, world, "contacts", csv_bytes(contact_rows(ROWS)), account="case_worker")
        assert response.status_code == 200, response.text
        assert (response.json()["created"], response.json()["committed"]) == (ROWS, True)
        assert one_by_one == []

        stored = await _contacts(session)
        assert sorted(stored) == [f"TC-{i:05d}" for i in range(ROWS)]
        for i in (0, 49, 50, 129):
            contact = stored[f"TC-{i:05d}"]
            assert (contact.contacted_on.day, contact.contacted_on.month) == (i % 28 + 1, 10)
            assert contact.org_unit_id == world.units["ba_dinh"].id
            assert contact.recorded_by == world.user_ids["case_worker"]
            assert (contact.place, contact.first_contact) == ("community", i % 2 == 0)
            assert contact.topics == ["labour_rights", "health_hiv_sti"]
            assert contact.needs == ["health_check", "legal_counselling"]
            assert contact.materials == {"leaflets": i % 7, "condoms": 10}
            assert contact.notes == f"Gặp chị em ở khu trọ số {i}, cần hỗ trợ học nghề"
            assert contact.version == 1 and contact.created_at is not None
        raw = await session.scalar(text("SELECT notes FROM outreach_contact WHERE external_id = 'TC-00050'"))
        assert raw.startswith("v1:") and "khu trọ" not in raw  # stored encrypted, like a form's contact

        assert (await verify_chain(session)).ok  # the import's events chained, and the chain holds
        events = (await session.execute(select(AuditEvent).where(
            AuditEvent.resource == "outreach_contact", AuditEvent.action == "create",
            AuditEvent.resource_id.in_([str(c.id) for c in stored.values()])))).scalars().all()
        assert sorted(e.resource_id for e in events) == sorted(str(c.id) for c in stored.values())
        assert {(e.actor_id, e.org_unit_id) for e in events} == {
            (world.user_ids["case_worker"], world.units["ba_dinh"].id)}
        assert "notes" in events[0].fields and "external_id" in events[0].fields

        again = (await _import(client, world, "contacts", csv_bytes(contact_rows(ROWS)),
                               account="case_worker")).json()
        assert (again["rows"], again["created"], again["updated"], again["unchanged"]) == (ROWS, 0, 0, ROWS)

    async def test_a_row_whose_write_fails_in_a_chunk_is_reported_and_nothing_is_written(
            self, client: httpx.AsyncClient, world: World, session: AsyncSession,
            monkeypatch: pytest.MonkeyPatch) -> None:
        first = await _import(client, world, "contacts", csv_bytes(contact_rows(1)), account="case_worker")
        assert first.json()["created"] == 1
        audits = await audit_events(session)
        # As if another import had written TC-00000 between this one's look-up and its write: the chunk's
        # bulk write hits the unique index, and the row-by-row replay names the row.
        monkeypatch.setattr(Lookup, "by_keys", _finding_nothing)
        response = await _import(client, world, "contacts", csv_bytes(contact_rows(ROWS)), account="case_worker")
        assert response.status_code == 422
        assert [(e["row"], e["column"]) for e in response.json()["errors"]] == [(2, "Mã tham chiếu")]
        assert sorted(await _contacts(session)) == ["TC-00000"]
        assert await audit_events(session) == audits + 1  # the refusal's


async def _finding_nothing(self: Lookup, key_field: str, keys: Any) -> list[Any]:
    return []
