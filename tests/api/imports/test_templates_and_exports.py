"""Templates to fill in, and exports of what the caller may see."""
from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest
from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.ext.asyncio import async_sessionmaker

from donghanh.auth import service as auth
from donghanh.contacts import service as contacts
from donghanh.contacts.schemas import ContactFilter
from donghanh.core import audit
from donghanh.core.roles import ROLE_PERMISSIONS, Permission, Role
from donghanh.imports import exports
from donghanh.users import service as users
from tests.api.imports.files import csv_bytes, establishment_rows
from tests.api.imports.test_imports import _import, client_rows
from tests.fixtures.world import World


class TestTemplate:
    async def test_template_has_both_headers_lists_and_an_example_and_imports_back(
            self, client: httpx.AsyncClient, world: World) -> None:
        response = await client.get("/api/v1/imports/establishments/template.xlsx",
                                    headers=world.auth("program_manager"))
        assert response.status_code == 200
        book = load_workbook(io.BytesIO(response.content))
        sheet = book["Dữ liệu"]
        assert [c.value for c in sheet[1]][:3] == ["Mã tham chiếu *", "Tên cơ sở *", "Loại hình *"]
        assert [c.value for c in sheet[2]][:3] == ["External ID", "Name", "Type"]
        assert sheet["C3"].value == "Karaoke"
        lists = [v.sqref for v in sheet.data_validations.dataValidation]
        assert any("C3" in str(ref) for ref in lists)
        assert book["Danh mục"].sheet_state == "hidden"
        assert [c.value for c in book["Danh mục"]["A"]][1:4] == ["Karaoke", "Xoa bóp, xông hơi",
                                                                  "Quán bar, vũ trường"]
        sheet["A4"], sheet["B4"], sheet["C4"], sheet["D4"] = "CS-777", "Quán bar Đêm Trắng", "Quán bar, vũ trường", \
            "Phường Ba Đình"
        filled = io.BytesIO()
        book.save(filled)
        result = await _import(client, world, "establishments", filled.getvalue(), filename="mau.xlsx")
        assert result.status_code == 200, result.text
        # The example row left as it was is not data: only the office's own row is imported.
        assert (result.json()["rows"], result.json()["created"]) == (1, 1)
        sheet["B3"] = "Karaoke Hoa Hồng Mới"  # an example row that was edited is data
        filled = io.BytesIO()
        book.save(filled)
        result = await _import(client, world, "establishments", filled.getvalue(), filename="mau.xlsx")
        assert (result.json()["rows"], result.json()["created"], result.json()["unchanged"]) == (2, 1, 1)

    async def test_a_role_that_cannot_import_gets_no_template(self, client: httpx.AsyncClient,
                                                              world: World) -> None:
        response = await client.get("/api/v1/imports/clients/template.xlsx", headers=world.auth("inspector"))
        assert response.status_code == 403

    async def test_importable_resources_follow_the_role(self, client: httpx.AsyncClient, world: World) -> None:
        names = [r["name"] for r in (await client.get("/api/v1/imports",
                                                      headers=world.auth("finance_officer"))).json()]
        assert names == ["budget-lines", "expenditures"]


def _csv(response: httpx.Response) -> list[dict[str, str]]:
    assert response.content.startswith("\ufeff".encode())
    return [*csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))]


class TestExport:
    async def test_establishments_with_the_lists_filter(self, client: httpx.AsyncClient, world: World) -> None:
        await _import(client, world, "establishments", csv_bytes(establishment_rows()))
        response = await client.get("/api/v1/exports/establishments.csv", params={"risk_level": "high"},
                                    headers=world.auth("inspector"))
        assert response.status_code == 200
        assert response.headers["content-disposition"].startswith('attachment; filename="establishments-')
        rows = _csv(response)
        assert [r["Tên cơ sở"] for r in rows] == ["Karaoke Ánh Dương"]
        assert rows[0]["Loại hình"] == "Karaoke" and rows[0]["Mức độ nguy cơ"] == "Cao"
        assert rows[0]["Ngày ký cam kết"] == "2026-03-15"
        assert rows[0]["Đơn vị hành chính"] == "Phường Ba Đình"

    async def test_export_edit_and_import_back_changes_only_the_edit(self, client: httpx.AsyncClient,
                                                                      world: World) -> None:
        await _import(client, world, "establishments", csv_bytes(establishment_rows()))
        exported = await client.get("/api/v1/exports/establishments.xlsx", params={"q": "ba dinh"},
                                    headers=world.auth("program_manager"))
        assert exported.status_code == 200
        book = load_workbook(io.BytesIO(exported.content))
        sheet = book.active
        header = [c.value for c in sheet[1]]
        assert header[:3] == ["Mã hệ thống", "Mã tham chiếu", "Tên cơ sở"]
        rows = [*sheet.iter_rows(min_row=2)]
        # Ours (with an external id) and the world's karaoke bar, registered in the app without one.
        assert len(rows) == 4 and sum(1 for r in rows if r[1].value is None) == 1
        unchanged = io.BytesIO()
        book.save(unchanged)
        again = (await _import(client, world, "establishments", unchanged.getvalue(), filename="x.xlsx")).json()
        assert (again["unchanged"], again["created"], again["errors"]) == (4, 0, [])

        registered_in_app = next(r for r in rows if r[1].value is None)
        registered_in_app[header.index("Số lao động nữ")].value = 17
        edited = io.BytesIO()
        book.save(edited)
        again = (await _import(client, world, "establishments", edited.getvalue(), filename="x.xlsx")).json()
        assert (again["updated"], again["unchanged"], again["created"]) == (1, 3, 0)
        read = await client.get(f"/api/v1/establishments/{registered_in_app[0].value}",
                                headers=world.auth("program_manager"))
        assert read.json()["workers_female"] == 17

    async def test_a_system_id_outside_the_callers_view_is_an_error(self, client: httpx.AsyncClient,
                                                                     world: World) -> None:
        rows = [["Mã hệ thống", "Tên cơ sở", "Loại hình", "Đơn vị hành chính"],
                [str(world.establishments["hcm"]), "Karaoke Bến Thành", "Karaoke", "Phường Ba Đình"],
                ["không-phải-mã", "Karaoke X", "Karaoke", "Phường Ba Đình"]]
        body = (await _import(client, world, "establishments", csv_bytes(rows), dry_run=True)).json()
        # A bad id leaves the row with neither key: both are said.
        assert [(e["row"], e["column"]) for e in body["errors"]] == [(2, "Mã hệ thống"), (3, "Mã hệ thống"),
                                                                      (3, "Mã tham chiếu")]
        assert body["errors"][0]["message"].startswith("Không có bản ghi với mã hệ thống")

    async def test_identity_only_for_roles_that_may_read_it(self, client: httpx.AsyncClient, world: World,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
        await _import(client, world, "clients", csv_bytes(client_rows()), account="case_worker")
        with_identity = _csv(await client.get("/api/v1/exports/clients.csv", headers=world.auth("case_worker")))
        named = {r["Mã tham chiếu"]: r for r in with_identity if r["Mã tham chiếu"]}
        assert named["KH-001"]["Họ và tên"] == "Phạm Thị Thuỷ"
        assert named["KH-002"]["Số điện thoại"] == "0987 654 321"

        monkeypatch.setitem(ROLE_PERMISSIONS, Role.case_worker,
                            ROLE_PERMISSIONS[Role.case_worker] - {Permission.clients_identify})
        without = await client.get("/api/v1/exports/clients.csv", headers=world.auth("case_worker"))
        header = without.content.decode("utf-8-sig").splitlines()[0].split(",")
        assert not {"Họ và tên", "Số điện thoại", "Số CCCD", "Ghi chú"} & set(header)
        assert "Phạm Thị Thuỷ" not in without.content.decode("utf-8-sig")

    async def test_exports_are_audited_and_follow_read_permissions(self, client: httpx.AsyncClient,
                                                                   world: World) -> None:
        assert (await client.get("/api/v1/exports/clients.csv", headers=world.auth("inspector"))).status_code == 403
        await client.get("/api/v1/exports/contacts.xlsx", headers=world.auth("peer_educator"))
        events = await client.get("/api/v1/audit-events", params={"action": "export_xlsx"},
                                  headers=world.auth("program_manager"))
        assert events.status_code == 200, events.text

    async def test_peer_educator_exports_only_her_contacts(self, client: httpx.AsyncClient, world: World) -> None:
        rows = _csv(await client.get("/api/v1/exports/contacts.csv", headers=world.auth("peer_educator")))
        assert len(rows) == 1 and rows[0]["Ghi chú"] == "Ghi chú educator_1"


@pytest.mark.parametrize("resource", ["establishments", "clients", "contacts", "referrals", "peer-groups",
                                      "activities", "expenditures"])
async def test_every_export_streams_for_a_manager(client: httpx.AsyncClient, world: World, resource: str) -> None:
    for fmt in ("csv", "xlsx"):
        response = await client.get(f"/api/v1/exports/{resource}.{fmt}", headers=world.auth("program_manager"))
        assert response.status_code == 200, (resource, fmt, response.text)


async def test_bad_org_unit_filter_is_422_before_the_stream(client: httpx.AsyncClient, world: World) -> None:
    response = await client.get("/api/v1/exports/contacts.csv",
                                params={"org_unit": "00000000-0000-0000-0000-000000000000"},
                                headers=world.auth("program_manager"))
    assert response.status_code == 422




async def _contacts_with_ties(client: httpx.AsyncClient, world: World, count: int) -> None:
    """Contacts on two dates only, so the order rests on the later sort keys too; every other one has notes."""
    for i in range(count):
        response = await client.post("/api/v1/contacts", headers=world.auth("program_manager"), json={
            "contacted_on": (date(2026, 10, 5) - timedelta(days=i % 2)).isoformat(), "place": "hotspot",
            "org_unit_id": str(world.units["ba_dinh"].id), "materials": {"condoms": i},
            "topics": ["health_hiv_sti", "gbv"],
            "notes": f"Ghi chú {i}, \"trích dẫn\"" if i % 2 else None})
        assert response.status_code == 201, response.text


@pytest.mark.parametrize("params", [{}, {"place": "hotspot"}, {"until": "2026-10-04"}])
async def test_a_contacts_export_is_the_list_row_for_row_over_many_pages(
        client: httpx.AsyncClient, world: World, monkeypatch: pytest.MonkeyPatch, params: dict[str, Any]) -> None:
    """Streamed from one statement on PostgreSQL, page by page on SQLite: the same rows in the same order as
    the list's pages, whatever the export's page size (three rows here, so the export takes several)."""
    await _contacts_with_ties(client, world, 8)
    monkeypatch.setattr(exports, "PAGE", 3)
    listed = await client.get("/api/v1/contacts", params=params | {"limit": 500},
                              headers=world.auth("program_manager"))
    items = listed.json()["items"]
    rows = _csv(await client.get("/api/v1/exports/contacts.csv", params=params,
                                 headers=world.auth("program_manager")))
    assert len(items) > exports.PAGE
    assert [r["Mã hệ thống"] for r in rows] == [item["id"] for item in items]
    by_id = {item["id"]: item for item in items}
    for row in rows:
        item = by_id[row["Mã hệ thống"]]
        assert row["Ngày tiếp cận"] == item["contacted_on"]
        assert row["Ghi chú"] == (item["notes"] or "")
        assert row["Bao cao su (số lượng)"] == str(item["materials"].get("condoms", ""))


async def test_exported_notes_are_audited_before_they_leave(client: httpx.AsyncClient, world: World,
                                                            engine: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The export itself is audited with its fields, and so is the list's read of the notes: once for a
    streamed export (PostgreSQL), once for each page holding notes where the export reads pages."""
    await _contacts_with_ties(client, world, 4)
    monkeypatch.setattr(exports, "PAGE", 3)
    started = datetime.now(UTC)
    response = await client.get("/api/v1/exports/contacts.csv", headers=world.auth("program_manager"))
    pages = -(-(len(_csv(response))) // 3)
    events = (await client.get("/api/v1/audit-events", params={"resource": "outreach_contact",
                                                              "since": started.isoformat(), "limit": 100},
                               headers=world.auth("admin"))).json()["items"]
    reads = [e for e in events if e["action"] == "list"]
    assert {tuple(e["fields"]) for e in reads} == {("notes",)}
    assert len(reads) == (1 if engine.dialect.name == "postgresql" else pages)
    [export] = [e for e in events if e["action"] == "export_csv"]
    assert "notes" in export["fields"]


async def test_notes_streamed_to_a_download_dropped_half_way_are_audited(engine: Any, world: World) -> None:
    """The stream's transaction ends in a rollback when the download stops; the read of the notes was audited
    in a transaction of its own, committed before they were sent. On the real engine: each session its own
    connection, as in production (the events it leaves are committed for real, like any audit event)."""
    if engine.dialect.name != "postgresql":
        pytest.skip("exports stream from one statement only on PostgreSQL; SQLite reads pages (tested above)")
    maker = async_sessionmaker(engine, expire_on_commit=False, autoflush=False)
    async with maker() as session:
        user = await users.get_for_authentication(session, world.user_ids["program_manager"])
        assert user is not None
        principal = await auth.principal_for(session, user, None)
    started = datetime.now(UTC)
    stream = contacts.stream(maker, principal, ContactFilter(), 1)
    async for items in stream:
        if items[0]["notes"]:
            break
    await stream.aclose()
    async with maker() as session:
        await audit.chain_all(session)
        await session.commit()
        reads = (await session.execute(select(audit.AuditEvent.fields).where(
            audit.AuditEvent.actor_id == principal.id, audit.AuditEvent.action == "list",
            audit.AuditEvent.at >= started))).scalars().all()
    assert reads == [["notes"]]
