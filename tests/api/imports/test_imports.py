"""Importing an office's registers: what lands, what is refused (row, column, reason), and that a second
import of the same file changes nothing."""
from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.establishments.models import Establishment
from tests.api.imports.files import csv_bytes, establishment_rows, xlsx_bytes
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
