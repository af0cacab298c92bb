"""Large files run as jobs; a run that breaks off at any row leaves the database as it was."""
from __future__ import annotations

import io
import random
from typing import Any

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.contacts import service as contacts_service
from donghanh.contacts.models import OutreachContact
from donghanh.imports import service as imports
from donghanh.imports.resources import RESOURCES
from tests.api.imports.files import contact_rows, csv_bytes
from tests.api.imports.test_imports import _import
from tests.fixtures.objects import audit_events
from tests.fixtures.world import World


async def _snapshot(session: AsyncSession) -> list[tuple[Any, ...]]:
    """Every contact as stored (the scope guard is for requests; this reads the whole table on purpose)."""
    rows = await session.execute(
        select(OutreachContact.id, OutreachContact.external_id, OutreachContact.version, OutreachContact.notes,
               OutreachContact.contacted_on).order_by(OutreachContact.id).execution_options(donghanh_scoped=True))
    return [tuple(r) for r in rows]


class Killed(BaseException):
    """Stands for the process being stopped mid-run (not an error the importer could report)."""


def _failing_at(row: int, exception: BaseException, verb: str = "create") -> Any:
    """The domain service, broken for the contact of one data row (as a bug that always hits it would)."""
    original = getattr(contacts_service, verb)
    external_id = f"TC-{row - 1:05d}"

    async def broken(session: Any, principal: Any, *args: Any, **kwargs: Any) -> Any:
        given = kwargs.get("contact_in")
        contact = args[0] if args else None
        hit = getattr(given, "external_id", None) == external_id or (
            contact is not None and await _external_id_of(session, contact) == external_id)
        if hit:
            raise exception
        return await original(session, principal, *args, **kwargs)

    return broken


def _failing_many_at(row: int, exception: BaseException) -> Any:
    """The bulk path (create_many), broken for the same contact: any batch that holds it fails."""
    original = contacts_service.create_many
    external_id = f"TC-{row - 1:05d}"

    async def broken(session: Any, principal: Any, *, contacts_in: Any, **kwargs: Any) -> Any:
        if any(c.external_id == external_id for c in contacts_in):
            raise exception
        return await original(session, principal, contacts_in=contacts_in, **kwargs)

    return broken


async def _external_id_of(session: AsyncSession, contact_id: Any) -> str | None:
    stmt = select(OutreachContact.external_id).where(OutreachContact.id == contact_id)
    return await session.scalar(stmt.execution_options(donghanh_scoped=True))


class TestBreakingOff:
    async def test_a_bug_at_a_random_row_rolls_back_every_row(self, client: httpx.AsyncClient, world: World,
                                                              session: AsyncSession,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
        content = csv_bytes(contact_rows(40))
        before = await _snapshot(session)
        row = random.randint(1, 40)
        monkeypatch.setattr(contacts_service, "create", _failing_at(row, RuntimeError("disk on fire")))
        monkeypatch.setattr(contacts_service, "create_many", _failing_many_at(row, RuntimeError("disk on fire")))
        response = await _import(client, world, "contacts", content, account="case_worker")
        assert response.status_code == 422
        (error,) = response.json()["errors"]
        assert error["row"] == row + 1 and "Lỗi hệ thống" in error["message"]
        assert await _snapshot(session) == before
        monkeypatch.undo()

        first = (await _import(client, world, "contacts", content, account="case_worker")).json()
        assert (first["created"], first["committed"]) == (40, True)
        second = (await _import(client, world, "contacts", content, account="case_worker")).json()
        assert (second["rows"], second["created"], second["updated"], second["unchanged"]) == (40, 0, 0, 40)

    async def test_a_run_killed_mid_way_writes_nothing(self, world: World, session: AsyncSession,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
        from donghanh.auth import service as auth
        from donghanh.users import service as users

        user = await users.get_for_authentication(session, world.user_ids["case_worker"])
        assert user is not None
        principal = await auth.principal_for(session, user, None)
        spec = RESOURCES["contacts"]
        content = csv_bytes(contact_rows(30))
        await imports.run(session, principal, spec, io.BytesIO(content), dry_run=False, language="vi")
        baseline = await _snapshot(session)
        audits = await audit_events(session)

        changed = contact_rows(30)
        for line in changed[1:]:
            line[10] = line[10] + " (đã sửa)"
        row = random.randint(1, 30)
        monkeypatch.setattr(contacts_service, "update", _failing_at(row, Killed(), "update"))
        with pytest.raises(Killed):
            await imports.run(session, principal, spec, io.BytesIO(csv_bytes(changed)), dry_run=False,
                              language="vi")
        assert await _snapshot(session) == baseline
        assert await audit_events(session) == audits
        monkeypatch.undo()

        again = await imports.run(session, principal, spec, io.BytesIO(content), dry_run=False, language="vi")
        assert (again.rows, again.unchanged, again.errors_total) == (30, 30, 0)


class TestJobs:
    async def test_a_large_file_answers_202_and_the_job_reports_the_result(
            self, client: httpx.AsyncClient, world: World, app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(app.state.settings, "import_job_threshold_rows", 10)
        response = await _import(client, world, "contacts", csv_bytes(contact_rows(25)), account="case_worker")
        assert response.status_code == 202, response.text
        location = response.headers["location"]
        assert location == f"/api/v1/imports/jobs/{response.json()['id']}"
        assert response.json()["rows_total"] == 25
        job = await client.get(location, headers=world.auth("case_worker"))
        assert job.status_code == 200
        body = job.json()
        assert (body["status"], body["rows_done"]) == ("succeeded", 25)
        assert (body["result"]["created"], body["result"]["committed"]) == (25, True)
        # Only the person who started it sees it.
        other = await client.get(location, headers=world.auth("program_manager"))
        assert other.status_code == 404

    async def test_a_job_with_errors_is_rejected_and_writes_nothing(
            self, client: httpx.AsyncClient, world: World, app: Any, session: AsyncSession,
            monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(app.state.settings, "import_job_threshold_rows", 10)
        rows = contact_rows(12)
        rows[7][1] = "hôm qua"
        before = await _snapshot(session)
        response = await _import(client, world, "contacts", csv_bytes(rows), account="case_worker")
        job = (await client.get(response.headers["location"], headers=world.auth("case_worker"))).json()
        assert job["status"] == "rejected"
        assert job["result"]["errors"] == [{"row": 8, "column": "Ngày tiếp cận",
                                            "message": "“hôm qua” không phải là ngày (dd/mm/yyyy hoặc yyyy-mm-dd)."}]
        assert await _snapshot(session) == before


class TestLimits:
    async def test_a_file_over_the_limit_is_413(self, client: httpx.AsyncClient, world: World, app: Any,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(app.state.settings, "import_max_bytes", 1000)
        response = await _import(client, world, "contacts", csv_bytes(contact_rows(50)), account="case_worker")
        assert response.status_code == 413
        assert response.headers["content-type"] == "application/problem+json"

    async def test_not_a_spreadsheet(self, client: httpx.AsyncClient, world: World) -> None:
        response = await _import(client, world, "contacts", b"PK\x03\x04garbage", account="case_worker",
                                 dry_run=True)
        assert response.status_code == 200
        assert response.json()["errors"][0]["message"] == "Tệp phải là CSV (UTF-8) hoặc XLSX."
        latin1 = "Mã tham chiếu,Ngày tiếp cận\nTC-1,Hôm nay".encode("cp1258", errors="replace")
        response = await _import(client, world, "contacts", latin1 + b"\xff\xfe", account="case_worker",
                                 dry_run=True)
        assert "UTF-8" in response.json()["errors"][0]["message"]
