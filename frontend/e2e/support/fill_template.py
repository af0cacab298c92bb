"""Fills a downloaded import template the way an officer would in Excel: rows typed under the two header rows
(over the example row). Used by the browser journey: fill_template.py TEMPLATE OUT ROWS_JSON"""
import json
import sys

from openpyxl import load_workbook

template, out, rows_json = sys.argv[1:4]
book = load_workbook(template)
sheet = book["Dữ liệu"]
headers = [str(cell.value).rstrip(" *") for cell in sheet[1]]
for number, row in enumerate(json.loads(rows_json), start=3):
    for index, header in enumerate(headers, start=1):
        sheet.cell(row=number, column=index, value=row.get(header))
book.save(out)
