"""Reporting periods: 2023-06 (month), 2023Q2 (quarter), 2023S1 (half-year), 2023 (year)."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from donghanh.core.errors import Unprocessable

FORMATS = "YYYY-MM (month), YYYYQn (quarter 1–4), YYYYSn (half-year 1–2) or YYYY (year)"
_PATTERN = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})|Q(?P<quarter>[1-4])|S(?P<half>[12]))?$")


@dataclass(frozen=True)
class Period:
    code: str
    kind: str  # month, quarter, half_year, year
    start: date
    end: date


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def parse_period(code: str, loc: list[str | int] | None = None) -> Period:
    match = _PATTERN.match(code.strip()) if code else None
    year = int(match["year"]) if match else 0
    if not match or not 2000 <= year <= 2100:
        raise Unprocessable.field(loc or ["query", "period"], f"{code!r} is not a period: use {FORMATS}.")
    if match["month"]:
        month = int(match["month"])
        if not 1 <= month <= 12:
            raise Unprocessable.field(loc or ["query", "period"], f"{code!r}: month must be 01–12; use {FORMATS}.")
        return Period(code, "month", date(year, month, 1), _month_end(year, month))
    if match["quarter"]:
        q = int(match["quarter"])
        return Period(code, "quarter", date(year, 3 * q - 2, 1), _month_end(year, 3 * q))
    if match["half"]:
        h = int(match["half"])
        return Period(code, "half_year", date(year, 6 * h - 5, 1), _month_end(year, 6 * h))
    return Period(code, "year", date(year, 1, 1), date(year, 12, 31))
