"""A report as an office would send it: an XLSX with Vietnamese headings, the unit and period in the title,
indicators as rows and the disaggregations as columns (small cells stay hidden for aggregate-only roles)."""
from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from donghanh.indicators.periods import parse_period
from donghanh.indicators.schemas import IndicatorValue
from donghanh.reports.schemas import Consolidation, ReportRead

STATUS_VI = {"draft": "Dự thảo", "submitted": "Đã gửi", "approved": "Đã phê duyệt", "returned": "Trả lại",
             "missing": "Chưa có báo cáo"}
# The disaggregations every people indicator carries, as column groups (PRODUCT.md §3).
COLUMN_GROUPS: list[tuple[str, str, list[tuple[str, str]]]] = [
    ("sex", "Giới tính", [("female", "Nữ"), ("male", "Nam"), ("other", "Khác"), ("unknown", "Không rõ")]),
    ("age_group", "Nhóm tuổi", [("<16", "Dưới 16"), ("16-17", "16–17"), ("18-24", "18–24"), ("25-34", "25–34"),
                                ("35+", "Từ 35"), ("unknown", "Không rõ")]),
    ("group", "Nhóm đối tượng", [("establishment_worker", "Người lao động tại cơ sở"), ("sex_worker", "Người bán dâm"),
                                 ("trafficking_victim", "Nạn nhân mua bán người"), ("at_risk", "Có nguy cơ"),
                                 ("unknown", "Không rõ")]),
]
DIMENSION_VI = {"type": "Loại hình cơ sở", "service_type": "Loại dịch vụ", "exploitation": "Mục đích bóc lột",
                "kind": "Loại hoạt động", "member_role": "Vai trò", "funding_source": "Nguồn kinh phí",
                "category": "Nhóm nội dung", "sex": "Giới tính", "age_group": "Nhóm tuổi", "group": "Nhóm đối tượng"}
PERCENT, INTEGER = "0.0%", "#,##0"
HEAD = PatternFill("solid", fgColor="0F5E9C")


def period_vi(code: str) -> str:
    period = parse_period(code)
    year = period.start.year
    if period.kind == "month":
        return f"Tháng {period.start.month}/{year}"
    if period.kind == "quarter":
        return f"Quý {['I', 'II', 'III', 'IV'][(period.start.month - 1) // 3]}/{year}"
    if period.kind == "half_year":
        return f"6 tháng {'đầu' if period.start.month == 1 else 'cuối'} năm {year}"
    return f"Năm {year}"


def _cell(sheet: Any, row: int, col: int, value: Any, code: str = "") -> None:
    """Numbers as numbers (rates as percentages), hidden cells ('<5') as the text the reader saw."""
    if isinstance(value, Decimal) or (isinstance(value, str) and code.endswith("_rate") and value[:1].isdigit()):
        cell = sheet.cell(row=row, column=col, value=float(value))
        cell.number_format = PERCENT if code.endswith("_rate") else "0.0"
        return
    cell = sheet.cell(row=row, column=col, value=value)
    if isinstance(value, int):
        cell.number_format = INTEGER
    elif isinstance(value, str):
        cell.alignment = Alignment(horizontal="right")


def _heading(sheet: Any, row: int, col: int, text: str) -> None:
    cell = sheet.cell(row=row, column=col, value=text)
    cell.font, cell.fill = Font(bold=True, color="FFFFFF"), HEAD
    cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")


def _title(sheet: Any, title: str, subtitle: str, width: int) -> None:
    sheet["A1"], sheet["A2"] = title, subtitle
    sheet["A1"].font, sheet["A2"].font = Font(bold=True, size=13), Font(italic=True)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)


def _indicator_sheet(sheet: Any, values: list[IndicatorValue], first_row: int) -> None:
    """Rows: indicators. Columns: total, then each disaggregation group with its categories."""
    _heading(sheet, first_row, 1, "STT")
    _heading(sheet, first_row, 2, "Chỉ số")
    _heading(sheet, first_row, 3, "Tổng số")
    for col in (1, 2, 3):
        sheet.merge_cells(start_row=first_row, start_column=col, end_row=first_row + 1, end_column=col)
    col = 4
    for _, label, categories in COLUMN_GROUPS:
        _heading(sheet, first_row, col, label)
        last = col + len(categories) - 1
        sheet.merge_cells(start_row=first_row, start_column=col, end_row=first_row, end_column=last)
        for offset, (_, category_label) in enumerate(categories):
            _heading(sheet, first_row + 1, col + offset, category_label)
        col += len(categories)
    for index, item in enumerate(values, start=1):
        row = first_row + 1 + index
        sheet.cell(row=row, column=1, value=index)
        sheet.cell(row=row, column=2, value=item.label_vi)
        _cell(sheet, row, 3, item.value, item.code)
        col = 4
        for dimension, _, categories in COLUMN_GROUPS:
            cells = item.breakdown.get(dimension)
            for offset, (key, _) in enumerate(categories):
                if cells is not None:
                    _cell(sheet, row, col + offset, cells.get(key, 0))
            col += len(categories)
    sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width = 5, 46
    for index in range(3, col):
        sheet.column_dimensions[get_column_letter(index)].width = 11
    sheet.freeze_panes = sheet.cell(row=first_row + 2, column=3)


def _details_sheet(sheet: Any, values: list[IndicatorValue]) -> None:
    """The other breakdowns (establishment type, service, purpose of exploitation, …), one line per cell."""
    for col, text in enumerate(["Chỉ số", "Phân tổ", "Nhóm", "Số liệu"], start=1):
        _heading(sheet, 1, col, text)
    row = 2
    shown = {group for group, _, _ in COLUMN_GROUPS}
    for item in values:
        for dimension, cells in item.breakdown.items():
            if dimension in shown:
                continue
            for key, value in cells.items():
                for col, text in enumerate([item.label_vi, DIMENSION_VI.get(dimension, dimension), key], start=1):
                    sheet.cell(row=row, column=col, value=text)
                _cell(sheet, row, 4, value)
                row += 1
    for letter, width in zip("ABCD", (46, 22, 28, 12), strict=True):
        sheet.column_dimensions[letter].width = width


def _save(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def report_workbook(report: ReportRead) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Báo cáo"
    state = STATUS_VI.get(report.status, report.status)
    frozen = f"; số liệu chốt lúc {report.frozen_at:%d/%m/%Y %H:%M} UTC" if report.frozen_at else "; số liệu tạm tính"
    _title(sheet, f"BÁO CÁO KẾT QUẢ — {report.org_unit_name.upper()} — {period_vi(report.period).upper()}",
           f"Trạng thái: {state}{frozen}; hạn nộp {report.due_on:%d/%m/%Y}", 18)
    _indicator_sheet(sheet, report.values, 4)
    if report.comment:
        last = sheet.max_row + 2
        sheet.cell(row=last, column=2, value="Nhận xét, kiến nghị:").font = Font(bold=True)
        sheet.cell(row=last + 1, column=2, value=report.comment).alignment = Alignment(wrap_text=True)
    _details_sheet(book.create_sheet("Phân tổ khác"), report.values)
    return _save(book)


def consolidation_workbook(consolidated: Consolidation) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Tổng hợp"
    approved = sum(1 for u in consolidated.units if u.status == "approved")
    _title(sheet, f"BÁO CÁO TỔNG HỢP — {consolidated.org_unit_name.upper()} — "
                  f"{period_vi(consolidated.period).upper()}",
           f"Tổng hợp từ {approved}/{len(consolidated.units)} báo cáo đã phê duyệt của đơn vị cấp dưới; "
           f"{'khớp' if consolidated.reconciles else 'chưa khớp'} với số liệu hiện tại", 6)
    headers = ["STT", "Chỉ số", "Tổng hợp từ báo cáo", "Số liệu tại đơn vị", "Số liệu hiện tại", "Chênh lệch"]
    for col, text in enumerate(headers, start=1):
        _heading(sheet, 4, col, text)
    for index, item in enumerate(consolidated.indicators, start=1):
        row = 4 + index
        sheet.cell(row=row, column=1, value=index)
        sheet.cell(row=row, column=2, value=item.label_vi)
        _cell(sheet, row, 3, item.consolidated, item.code)
        _cell(sheet, row, 4, consolidated.own_records.get(item.code), item.code)
        _cell(sheet, row, 5, item.live, item.code)
        _cell(sheet, row, 6, item.difference, item.code)
    for letter, width in zip("ABCDEF", (5, 46, 16, 16, 16, 12), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "C5"

    units = book.create_sheet("Theo đơn vị")
    for col, text in enumerate(["Mã", "Đơn vị", "Trạng thái", *(i.label_vi for i in consolidated.indicators)], start=1):
        _heading(units, 1, col, text)
    for row, unit in enumerate(consolidated.units, start=2):
        for col, text in enumerate([unit.code, unit.name, STATUS_VI.get(unit.status, unit.status)], start=1):
            units.cell(row=row, column=col, value=text)
        for col, item in enumerate(consolidated.indicators, start=4):
            if str(unit.org_unit_id) in item.by_unit:
                _cell(units, row, col, item.by_unit[str(unit.org_unit_id)], item.code)
    units.column_dimensions["B"].width = 28
    units.freeze_panes = "D2"
    return _save(book)
