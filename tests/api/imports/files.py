"""Real-looking registers, as offices keep them: Vietnamese headers, diacritics everywhere, dd/mm/yyyy and ISO
dates, VND written 1.500.000, blank rows, a BOM, semicolons, and Excel's own date cells."""
from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from openpyxl import Workbook

BOM = "\ufeff"


def csv_bytes(rows: list[list[Any]], *, delimiter: str = ",", bom: bool = True) -> bytes:
    def cell(value: Any) -> str:
        text = "" if value is None else str(value)
        if delimiter in text or '"' in text or "\n" in text:
            text = '"' + text.replace('"', '""') + '"'
        return text

    body = "\r\n".join(delimiter.join(cell(v) for v in row) for row in rows) + "\r\n"
    return ((BOM if bom else "") + body).encode("utf-8")


def xlsx_bytes(rows: list[list[Any]]) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, datetime):
                cell.number_format = "DD/MM/YYYY"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


ESTABLISHMENT_HEADER = ["Mã tham chiếu", "Tên cơ sở", "Loại hình", "Đơn vị hành chính", "Địa chỉ", "Chủ cơ sở",
                        "Số lao động nữ", "Số lao động nam", "Tình trạng", "Mức độ nguy cơ", "Ngày ký cam kết",
                        "Giấy phép hết hạn"]


def establishment_rows() -> list[list[Any]]:
    return [
        ESTABLISHMENT_HEADER,
        ["CS-001", "Karaoke Ánh Dương", "Karaoke", "Phường Ba Đình", "Số 5 phố Đội Cấn, Ba Đình",
         "Nguyễn Thị Hằng", "12", "3", "Đang hoạt động", "Cao", "15/03/2026", "2027-12-31"],
        [None] * 12,
        ["CS-002", "Xông hơi Thiên Đường", "Xoa bóp, xông hơi", "ba dinh", "Ngõ 8 Liễu Giai, Ba Đình",
         "Trần Văn Đức", "7", "0", "Tạm ngừng", "Trung bình", "2026-04-01", "01/06/2027"],
        ["CS-003", "Nhà nghỉ Hoàng Yến", "hotel_guesthouse", "00004", "27 Kim Mã, Ba Đình", "Lê Thị Yến",
         "4", "2", "active", "low", None, None],
    ]


CONTACT_HEADER = ["Mã tham chiếu", "Ngày tiếp cận", "Đơn vị hành chính", "Địa điểm", "Cơ sở", "Lần đầu tiếp cận",
                  "Chủ đề", "Nhu cầu", "Tờ rơi (số lượng)", "Bao cao su (số lượng)", "Ghi chú"]


def contact_rows(count: int = 3) -> list[list[Any]]:
    rows: list[list[Any]] = [CONTACT_HEADER]
    for index in range(count):
        rows.append([f"TC-{index:05d}", f"{(index % 28) + 1:02d}/10/2026", "Phường Ba Đình", "Cộng đồng", None,
                     "có" if index % 2 == 0 else "không", "Quyền lao động; Sức khỏe, HIV/STI",
                     "Khám sức khỏe; Tư vấn pháp lý", str(index % 7), "10",
                     f"Gặp chị em ở khu trọ số {index}, cần hỗ trợ học nghề"])
    return rows
