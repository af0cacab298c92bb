"""Templates to fill in, and exports of what the caller may see."""
from __future__ import annotations

import csv
import io

import httpx
import pytest
from openpyxl import load_workbook

from donghanh.core.roles import ROLE_PERMISSIONS, Permission, Role
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


