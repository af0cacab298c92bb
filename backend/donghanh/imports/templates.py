"""The XLSX template of a resource: Vietnamese headers over English ones, one example row, and drop-down
lists (data validation) for every code-list column, fed from a hidden sheet of Vietnamese labels."""
from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from donghanh.imports.labels import LABELS
from donghanh.imports.specs import ResourceSpec, example_value

DATA_SHEET = "Dữ liệu"
LISTS_SHEET = "Danh mục"
FIRST_DATA_ROW = 3
LAST_VALIDATED_ROW = 5002
_HINTS = {
    "date": "Ngày: dd/mm/yyyy hoặc yyyy-mm-dd",
    "money": "Số tiền (đồng), ví dụ 1.500.000",
    "bool": "có / không",
    "enum_list": "Nhiều giá trị cách nhau bởi dấu ;",
    "ref": "Mã hoặc tên (không phân biệt dấu)",
}


def workbook(spec: ResourceSpec) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = DATA_SHEET
    lists = book.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    list_column = 0
    for index, column in enumerate(spec.columns, start=1):
        letter = get_column_letter(index)
        vi = sheet.cell(row=1, column=index, value=column.vi + (" *" if column.required else ""))
        vi.font = Font(bold=True, color="FFFFFF")
        vi.fill = PatternFill("solid", fgColor="0F5E9C" if column.required else "4A7FB0")
        vi.alignment = Alignment(wrap_text=True, vertical="center")
        en = sheet.cell(row=2, column=index, value=column.en)
        en.font = Font(italic=True, color="555555")
        hint = _HINTS.get(column.kind)
        if column.enum:
            hint = "Chọn trong danh sách (mã hoặc nhãn đều được)"
        if hint:
            vi.comment = Comment(hint, "Đồng Hành")
        cell = sheet.cell(row=FIRST_DATA_ROW, column=index, value=example_value(column))
        cell.font = Font(italic=True, color="777777")
        if column.kind == "date":
            cell.number_format = "DD/MM/YYYY"
        elif column.kind == "money":
            cell.number_format = "#,##0"
        sheet.column_dimensions[letter].width = max(14, min(40, len(column.vi) + 4))
        if column.enum and column.kind == "enum":
            list_column += 1
            list_letter = get_column_letter(list_column)
            labels = [vi_label for vi_label, _ in LABELS[column.enum].values()]
            lists.cell(row=1, column=list_column, value=column.key)
            for offset, text in enumerate(labels, start=2):
                lists.cell(row=offset, column=list_column, value=text)
            validation = DataValidation(
                type="list", formula1=f"'{LISTS_SHEET}'!${list_letter}$2:${list_letter}${len(labels) + 1}",
                allow_blank=True, showErrorMessage=False)
            validation.add(f"{letter}{FIRST_DATA_ROW}:{letter}{LAST_VALIDATED_ROW}")
            sheet.add_data_validation(validation)
    sheet.cell(row=FIRST_DATA_ROW, column=1).comment = Comment(
        "Dòng ví dụ: ghi đè bằng dữ liệu của bạn. Nếu để nguyên, dòng này không được nhập.", "Đồng Hành")
    sheet.freeze_panes = f"A{FIRST_DATA_ROW}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
