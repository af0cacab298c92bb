"""Importing an office's registers: what lands, what is refused (row, column, reason), and that a second
import of the same file changes nothing."""
from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.establishments.models import Establishment
from tests.api.imports.files import contact_rows, csv_bytes, establishment_rows, xlsx_bytes
from tests.fixtures.world import World

URL = "/api/v1/imports"


async def _import(client: httpx.AsyncClient, world: World, resource: str, content: bytes, *,
                  account: str = "program_manager", dry_run: bool = False, filename: str = "so.csv",
                  language: str | None = None) -> httpx.Response:
    headers = world.auth(account) | ({"Accept-Language": language} if language else {})
    return await client.post(f"{URL}/{resource}", params={"dry_run": str(dry_run).lower()}, headers=headers,
                             files={"file": (filename, content)})


class TestEstablishments:
    async def test_csv_with_bom_blank_rows_and_vietnamese_values(self, client: httpx.AsyncClient, world: World,
                                                                 session: AsyncSession) -> None:
        response = await _import(client, world, "establishments", csv_bytes(establishment_rows()))
        assert response.status_code == 200, response.text
        body = response.json()
        assert (body["rows"], body["created"], body["updated"], body["unchanged"]) == (3, 3, 0, 0)
        assert body["errors"] == [] and body["committed"] is True
        listed = await client.get("/api/v1/establishments", params={"q": "anh duong"},
                                  headers=world.auth("program_manager"))
        (item,) = listed.json()["items"]
        assert item["name"] == "Karaoke Ánh Dương"
        assert item["owner_name"] == "Nguyễn Thị Hằng"
        assert item["org_unit_name"] == "Phường Ba Đình"
        assert item["commitment_signed_on"] == "2026-03-15"
        assert item["license_expires_on"] == "2027-12-31"
        assert (item["workers_female"], item["workers_male"], item["risk_level"]) == (12, 3, "high")

        again = await _import(client, world, "establishments", csv_bytes(establishment_rows()))
        assert (again.json()["created"], again.json()["updated"], again.json()["unchanged"]) == (0, 0, 3)

    async def test_xlsx_with_excel_date_cells(self, client: httpx.AsyncClient, world: World) -> None:
        rows = establishment_rows()
        rows[1][10] = datetime(2026, 3, 15)
        response = await _import(client, world, "establishments", xlsx_bytes(rows), filename="so.xlsx")
        assert response.status_code == 200, response.text
        assert response.json()["created"] == 3


CLIENT_HEADER = ["Mã tham chiếu", "Nhóm đối tượng", "Giới tính", "Năm sinh", "Dân tộc", "Đơn vị hành chính",
                 "Họ và tên", "Số điện thoại", "Ghi chú", "Ngày đồng ý xử lý dữ liệu",
                 "Đồng ý chia sẻ với đơn vị cung cấp dịch vụ"]


def client_rows() -> list[list[Any]]:
    return [
        CLIENT_HEADER,
        ["KH-001", "Người lao động tại cơ sở", "Nữ", "1999", "Kinh", "Phường Ba Đình", "Phạm Thị Thuỷ",
         "0912 345 678", "Cần hỗ trợ học nghề may", "05/10/2026", "có"],
        ["KH-002", "Người có nguy cơ", "Nữ", "2004", "Mường", "Phường Ba Đình", "Đinh Thị Ngọc Ánh",
         "0987 654 321", "Mới lên Hà Nội, chưa có việc làm", "2026-10-06", "không"],
    ]


class TestOutreachRegisters:
    async def test_clients_then_contacts_then_referrals(self, client: httpx.AsyncClient, world: World) -> None:
        clients = await _import(client, world, "clients", csv_bytes(client_rows(), delimiter=";", bom=False),
                                account="case_worker")
        assert clients.status_code == 200, clients.text
        assert clients.json()["created"] == 2

        contacts = csv_bytes([
            ["Mã tham chiếu", "Ngày tiếp cận", "Đơn vị hành chính", "Địa điểm", "Mã người được hỗ trợ",
             "Chủ đề", "Nhu cầu", "Tờ rơi (số lượng)", "Ghi chú"],
            ["TC-1", "07/10/2026", "Phường Ba Đình", "Cộng đồng", "KH-001", "Quyền lao động; Sức khỏe, HIV/STI",
             "Tư vấn pháp lý", "5", "Gặp ở nhà trọ, chị Thuỷ hỏi về hợp đồng"],
            ["TC-2", "2026-10-08", "Phường Ba Đình", "Trực tuyến", None, "Bạo lực giới", None, "0",
             "Liên hệ qua Zalo, ẩn danh"],
        ], delimiter=";")
        response = await _import(client, world, "contacts", contacts, account="case_worker")
        assert response.status_code == 200, response.text
        assert response.json()["created"] == 2
        listed = (await client.get("/api/v1/contacts", params={"since": "2026-10-07"},
                                   headers=world.auth("case_worker"))).json()["items"]
        by_date = {c["contacted_on"]: c for c in listed}
        assert by_date["2026-10-07"]["topics"] == ["labour_rights", "health_hiv_sti"]
        assert by_date["2026-10-07"]["needs"] == ["legal_counselling"]
        assert by_date["2026-10-07"]["materials"] == {"leaflets": 5}
        assert by_date["2026-10-07"]["notes"] == "Gặp ở nhà trọ, chị Thuỷ hỏi về hợp đồng"
        assert by_date["2026-10-08"]["client_id"] is None

        referrals = csv_bytes([
            ["Mã tham chiếu", "Mã người được hỗ trợ", "Dịch vụ", "Đơn vị tiếp nhận", "Lý do", "Hạn theo dõi",
             "Trạng thái"],
            ["GT-1", "KH-001", "Tư vấn pháp lý", "Tổ chức legal_aid_hanoi", "Tư vấn hợp đồng lao động",
             "30/11/2026", "Đã gửi"],
        ])
        response = await _import(client, world, "referrals", referrals, account="case_worker")
        assert response.status_code == 200, response.text
        assert response.json()["created"] == 1
        again = await _import(client, world, "referrals", referrals, account="case_worker")
        assert again.json()["unchanged"] == 1

    async def test_peer_educator_imports_her_own_contact_sheet(self, client: httpx.AsyncClient,
                                                               world: World) -> None:
        response = await _import(client, world, "contacts", csv_bytes(contact_rows(4)), account="peer_educator")
        assert response.status_code == 200, response.text
        mine = (await client.get("/api/v1/contacts", params={"mine": "true", "since": "2026-10-01"},
                                 headers=world.auth("peer_educator"))).json()["items"]
        assert len([c for c in mine if c["recorded_by"] == str(world.user_ids["peer_educator"])]) == 5


class TestBudget:
    async def test_lines_and_expenditures_with_vnd_written_the_vietnamese_way(
            self, client: httpx.AsyncClient, world: World) -> None:
        plan = await client.post("/api/v1/plans", headers=world.auth("finance_officer"), json={
            "org_unit_id": str(world.units["hanoi"].id), "year": 2026, "number": "149/KH-UBND",
            "title": "Kế hoạch phòng, chống mại dâm năm 2026"})
        assert plan.status_code == 201
        lines = csv_bytes([
            ["Số kế hoạch", "Mã dòng", "Nội dung", "Nhóm nội dung", "Nguồn kinh phí", "Dự toán (đồng)"],
            ["149/KH-UBND", "1.1", "Sinh hoạt nhóm đồng đẳng hằng tháng", "Nhóm đồng đẳng", "Ngân sách tỉnh",
             "24.000.000"],
            ["149/KH-UBND", "1.2", "Tập huấn kỹ năng tư vấn", "Tập huấn", "Tài trợ quốc tế", "1.500.000 đ"],
        ])
        response = await _import(client, world, "budget-lines", lines, account="finance_officer")
        assert response.status_code == 200, response.text
        spend = xlsx_bytes([
            ["Mã tham chiếu", "Số kế hoạch", "Mã dòng", "Ngày chi", "Số tiền (đồng)", "Nội dung chi", "Số chứng từ"],
            ["CT-1", "149/KH-UBND", "1.1", datetime(2026, 10, 25), "1.500.000", "Nước uống, tài liệu sinh hoạt",
             "PC-102"],
            ["CT-2", "149/KH-UBND", "1.2", "26/10/2026", 2500000, "Thuê hội trường", "PC-103"],
        ])
        response = await _import(client, world, "expenditures", spend, account="finance_officer", filename="chi.xlsx")
        assert response.status_code == 422, response.text
        (error,) = response.json()["errors"]
        assert error["row"] == 3 and error["column"] == "Số tiền (đồng)"
        assert "1.500.000" in error["message"]
        read = await client.get(f"/api/v1/plans/{plan.json()['id']}", headers=world.auth("finance_officer"))
        assert [line["spent_vnd"] for line in read.json()["lines"]] == [0, 0]


class TestErrors:
    def _two_bad_rows(self) -> bytes:
        rows = establishment_rows()
        rows[1][2] = "Nhà hàng karaoke ma"  # not a type
        rows[3][10] = "31/02/2026"  # no such day
        return csv_bytes(rows)

    async def test_dry_run_lists_row_column_and_reason_in_vietnamese(self, client: httpx.AsyncClient,
                                                                     world: World, session: AsyncSession) -> None:
        before = await session.scalar(select(func.count()).select_from(Establishment))
        response = await _import(client, world, "establishments", self._two_bad_rows(), dry_run=True)
        assert response.status_code == 200
        body = response.json()
        assert body["committed"] is False and body["rows"] == 3 and body["created"] == 1
        assert [(e["row"], e["column"]) for e in body["errors"]] == [(2, "Loại hình"), (4, "Ngày ký cam kết")]
        assert body["errors"][0]["message"].startswith("“Nhà hàng karaoke ma” không có trong danh mục")
        assert "không phải là ngày" in body["errors"][1]["message"]
        assert await session.scalar(select(func.count()).select_from(Establishment)) == before

    async def test_english_speakers_read_english(self, client: httpx.AsyncClient, world: World) -> None:
        response = await _import(client, world, "establishments", self._two_bad_rows(), dry_run=True,
                                 language="en-GB,en;q=0.9,vi;q=0.5")
        messages = [e["message"] for e in response.json()["errors"]]
        assert messages[0].startswith("“Nhà hàng karaoke ma” is not in the list")
        assert "is not a date" in messages[1]

    async def test_real_run_with_errors_writes_nothing(self, client: httpx.AsyncClient, world: World,
                                                       session: AsyncSession) -> None:
        before = await session.scalar(select(func.count()).select_from(Establishment))
        response = await _import(client, world, "establishments", self._two_bad_rows())
        assert response.status_code == 422
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["errors_total"] == 2 and response.json()["committed"] is False
        assert await session.scalar(select(func.count()).select_from(Establishment)) == before

    async def test_unknown_and_missing_columns_are_named(self, client: httpx.AsyncClient, world: World) -> None:
        rows = [["Mã tham chiếu", "Tên cơ sở", "Số bàn"], ["CS-9", "Quán Gió", "12"], ["CS-10", "Quán Mây", "3"]]
        body = (await _import(client, world, "establishments", csv_bytes(rows), dry_run=True)).json()
        assert [(e["row"], e["column"], e["message"]) for e in body["errors"]] == [
            (1, "Số bàn", "Cột không xác định “Số bàn”: đổi tên theo mẫu hoặc xóa cột."),
            (1, "Loại hình", "Thiếu cột bắt buộc “Loại hình”."),
            (1, "Đơn vị hành chính", "Thiếu cột bắt buộc “Đơn vị hành chính”."),
        ]

    async def test_the_same_external_id_twice_in_a_file(self, client: httpx.AsyncClient, world: World) -> None:
        rows = establishment_rows()
        rows[4][0] = "CS-001"
        body = (await _import(client, world, "establishments", csv_bytes(rows), dry_run=True)).json()
        assert body["errors"] == [{"row": 5, "column": "Mã tham chiếu",
                                   "message": "Mã tham chiếu “CS-001” đã có ở dòng 2."}]


class TestScope:
    async def test_a_unit_outside_the_callers_area_is_an_error(self, client: httpx.AsyncClient,
                                                                world: World) -> None:
        rows = establishment_rows()
        rows[1][3] = "Phường Bến Thành"
        rows[3][3] = "26743"  # Bến Thành's official code
        body = (await _import(client, world, "establishments", csv_bytes(rows), account="case_worker")).json()
        assert [(e["row"], e["column"]) for e in body["errors"]] == [(2, "Đơn vị hành chính"),
                                                                      (4, "Đơn vị hành chính")]
        assert "trong phạm vi của bạn" in body["errors"][0]["message"]

    async def test_an_ambiguous_unit_name_lists_the_candidates(self, client: httpx.AsyncClient, world: World,
                                                               session: AsyncSession) -> None:
        from donghanh.core.principal import SYSTEM
        from donghanh.org_units import service as org_units
        from donghanh.org_units.schemas import OrgUnitCreate

        await org_units.create(session, SYSTEM, unit_in=OrgUnitCreate(
            code="99904", name="Phường Ba Đình", level="commune", parent_id=world.units["hanoi"].id))
        body = (await _import(client, world, "establishments", csv_bytes(establishment_rows()),
                              dry_run=True)).json()
        ambiguous = [e for e in body["errors"] if e["column"] == "Đơn vị hành chính"]
        assert [e["row"] for e in ambiguous] == [2, 4]
        assert "Phường Ba Đình (00004)" in ambiguous[0]["message"]
        assert "Phường Ba Đình (99904)" in ambiguous[0]["message"]

    async def test_roles_without_the_write_permission_get_403(self, client: httpx.AsyncClient,
                                                              world: World) -> None:
        for account, resource in [("inspector", "establishments"), ("finance_officer", "contacts"),
                                  ("viewer", "clients"), ("peer_educator", "budget-lines")]:
            response = await _import(client, world, resource, csv_bytes(establishment_rows()), account=account)
            assert response.status_code == 403, (account, resource)


class TestUpsert:
    async def test_a_changed_cell_updates_one_row(self, client: httpx.AsyncClient, world: World) -> None:
        await _import(client, world, "establishments", csv_bytes(establishment_rows()))
        rows = establishment_rows()
        rows[3][6] = "9"
        body = (await _import(client, world, "establishments", csv_bytes(rows))).json()
        assert (body["created"], body["updated"], body["unchanged"]) == (0, 1, 2)
        listed = await client.get("/api/v1/establishments", params={"q": "thien duong"},
                                  headers=world.auth("program_manager"))
        assert listed.json()["items"][0]["workers_female"] == 9
        assert listed.json()["items"][0]["version"] == 2


class TestGroupsAndActivities:
    async def test_a_group_its_members_and_its_meetings(self, client: httpx.AsyncClient, world: World) -> None:
        groups = csv_bytes([
            ["Mã tham chiếu", "Tên nhóm", "Loại nhóm", "Đơn vị hành chính", "Ngày thành lập", "Đang hoạt động"],
            ["NHOM-HS", "Câu lạc bộ Hướng Dương", "Câu lạc bộ", "Phường Ba Đình", "01/03/2025", "có"],
        ])
        response = await _import(client, world, "peer-groups", groups, account="case_worker")
        assert response.status_code == 200, response.text
        members = csv_bytes([
            ["Mã tham chiếu", "Nhóm", "Họ và tên", "Số điện thoại", "Vai trò", "Ngày tham gia"],
            ["TV-1", "NHOM-HS", "Vũ Thị Lệ Quyên", "0903 111 222", "Trưởng nhóm", "01/03/2025"],
            ["TV-2", "câu lạc bộ hướng dương", "Hoàng Thị Nguyệt", None, "Đồng đẳng viên", "2025-04-15"],
            ["TV-3", "NHOM-HS", "Đỗ Thị Thắm", None, "Trưởng nhóm", "2025-05-01"],
        ])
        response = await _import(client, world, "peer-group-members", members, account="case_worker")
        assert response.status_code == 422
        (error,) = response.json()["errors"]
        assert (error["row"], error["column"]) == (4, "Vai trò")
        assert error["message"].startswith("Nhóm đã có người giữ vai trò này")

        del members  # the second leader was a mistake: import the sheet without her
        members = csv_bytes([
            ["Mã tham chiếu", "Nhóm", "Họ và tên", "Vai trò", "Ngày tham gia"],
            ["TV-1", "NHOM-HS", "Vũ Thị Lệ Quyên", "Trưởng nhóm", "01/03/2025"],
            ["TV-2", "câu lạc bộ hướng dương", "Hoàng Thị Nguyệt", "Đồng đẳng viên", "2025-04-15"],
        ])
        assert (await _import(client, world, "peer-group-members", members, account="case_worker")).status_code == 200
        listed = await client.get("/api/v1/peer-groups", params={"q": "huong duong"}, headers=world.auth("case_worker"))
        (group,) = listed.json()["items"]
        assert (group["kind"], group["members_active"], group["external_id"]) == ("club", 2, "NHOM-HS")

        activities = csv_bytes([
            ["Mã tham chiếu", "Loại hoạt động", "Tên hoạt động", "Ngày bắt đầu", "Đơn vị hành chính",
             "Nhóm đồng đẳng", "Tổng số người tham gia", "Số nữ tham gia", "Địa điểm"],
            ["HD-1", "Sinh hoạt nhóm", "Sinh hoạt chuyên đề: quyền của người lao động", "12/10/2026",
             "Phường Ba Đình", "NHOM-HS", "22", "20", "Nhà văn hoá tổ dân phố số 5"],
            ["HD-2", "Đối thoại ba bên", "Đối thoại chủ cơ sở – người lao động – chính quyền", "2026-10-20",
             "Phường Ba Đình", None, "15", "16", "UBND phường"],
        ])
        response = await _import(client, world, "activities", activities, account="case_worker", dry_run=True)
        (error,) = response.json()["errors"]
        assert error["row"] == 3 and error["message"] == "Số nữ tham gia không được vượt tổng số."


class TestExcelHabits:
    async def test_numbers_that_lost_their_leading_zero_and_a_long_file_name(self, client: httpx.AsyncClient,
                                                                             world: World) -> None:
        rows = [CLIENT_HEADER[:8] + ["Số CCCD", "Ngày đồng ý xử lý dữ liệu"],
                ["KH-050", "Người có nguy cơ", "Nữ", 2001, "Tày", "Phường Ba Đình", "Nông Thị Hoà", 912345678,
                 79301001234, datetime(2026, 10, 1)]]
        response = await _import(client, world, "clients", xlsx_bytes(rows), account="case_worker",
                                 filename="so-theo-doi-nguoi-duoc-ho-tro-phuong-ba-dinh-quy-3-nam-2026-ban-cuoi.xlsx")
        assert response.status_code == 200, response.text
        exported = await client.get("/api/v1/exports/clients.csv", headers=world.auth("case_worker"))
        line = next(row for row in exported.content.decode("utf-8-sig").splitlines() if "KH-050" in row)
        assert "0912345678" in line and "079301001234" in line
