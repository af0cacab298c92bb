"""A plan's budget and execution as an XLSX workbook with Vietnamese headers; money stays integer VND."""
from __future__ import annotations

import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from donghanh.plans.schemas import ExpenditureRead, PlanRead

VND = '#,##0 "₫"'
PERCENT = "0.0%"
CATEGORY_VI = {
    "peer_groups": "Nhóm đồng đẳng", "communication_dialogue": "Truyền thông, đối thoại",
    "service_connection": "Kết nối dịch vụ", "inspection_capacity": "Năng lực kiểm tra", "victim_support":
    "Hỗ trợ nạn nhân", "training": "Tập huấn", "management": "Quản lý, chỉ đạo", "other": "Khác",
}
SOURCE_VI = {
    "central": "Ngân sách trung ương", "provincial": "Ngân sách tỉnh", "district": "Ngân sách huyện",
    "commune": "Ngân sách xã", "international": "Tài trợ quốc tế", "socialised": "Xã hội hóa",
}
LINE_HEADERS = ["Mã dòng", "Nội dung", "Nhóm nội dung", "Nguồn kinh phí", "Dự toán (đồng)", "Đã chi (đồng)",
                "Còn lại (đồng)", "Tỷ lệ thực hiện"]
EXPENDITURE_HEADERS = ["Ngày chi", "Mã dòng", "Nội dung chi", "Số chứng từ", "Số tiền (đồng)", "Lý do vượt dự toán"]


def _header(sheet: Any, row: int, headers: list[str]) -> None:
    for col, text in enumerate(headers, start=1):
        cell = sheet.cell(row=row, column=col, value=text)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="0F5E9C")
        cell.alignment = Alignment(wrap_text=True, vertical="center")


def _widths(sheet: Any, widths: list[int]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def workbook(plan: PlanRead, expenditures: list[ExpenditureRead]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Dự toán"
    sheet["A1"] = f"Kế hoạch {plan.number} — {plan.title}"
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = f"Năm {plan.year}; trạng thái: {'đã phê duyệt' if plan.status == 'approved' else 'dự thảo'}"
    _header(sheet, 4, LINE_HEADERS)
    row = 5
    for line in plan.lines:
        values = [line.code, line.title, CATEGORY_VI.get(line.category, line.category),
                  SOURCE_VI.get(line.funding_source, line.funding_source), line.allocated_vnd, line.spent_vnd,
                  line.remaining_vnd, float(line.execution_rate) if line.execution_rate is not None else None]
        for col, value in enumerate(values, start=1):
            sheet.cell(row=row, column=col, value=value)
        row += 1
    totals = plan.totals
    if totals is not None:
        sheet.cell(row=row, column=2, value="Tổng cộng").font = Font(bold=True)
        for col, value in ((5, totals.allocated_vnd), (6, totals.spent_vnd), (7, totals.remaining_vnd)):
            sheet.cell(row=row, column=col, value=value).font = Font(bold=True)
        if totals.execution_rate is not None:
            sheet.cell(row=row, column=8, value=float(totals.execution_rate)).font = Font(bold=True)
    for r in range(5, row + 1):
        for col in (5, 6, 7):
            sheet.cell(row=r, column=col).number_format = VND
        sheet.cell(row=r, column=8).number_format = PERCENT
    _widths(sheet, [10, 48, 24, 22, 18, 18, 18, 14])
    sheet.freeze_panes = "A5"

    spent = book.create_sheet("Chi tiêu")
    _header(spent, 1, EXPENDITURE_HEADERS)
    codes = {line.id: line.code for line in plan.lines}
    for index, item in enumerate(expenditures, start=2):
        for col, value in enumerate([item.spent_on, codes.get(item.budget_line_id, ""), item.description,
                                     item.voucher_no, item.amount_vnd, item.override_reason], start=1):
            spent.cell(row=index, column=col, value=value)
        spent.cell(row=index, column=1).number_format = "DD/MM/YYYY"
        spent.cell(row=index, column=5).number_format = VND
    _widths(spent, [12, 10, 48, 16, 18, 36])
    spent.freeze_panes = "A2"

    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
