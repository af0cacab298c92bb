"""Reporting periods: 2023-06 (month), 2023Q2 (quarter), 2023S1 (half-year), 2023 (year).

Periods are calendar days in Vietnam (UTC+7, no daylight saving): a referral sent at 23:30 on 30 June
in Hà Nội (16:30 UTC) belongs to June, and one sent at 00:30 on 1 July (17:30 UTC on 30 June) to July."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from donghanh.core.errors import Unprocessable

REPORTING_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
FORMATS = "YYYY-MM (month), YYYYQn (quarter 1–4), YYYYSn (half-year 1–2) or YYYY (year)"
_PATTERN = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})|Q(?P<quarter>[1-4])|S(?P<half>[12]))?$")


@dataclass(frozen=True)
class Period:
    code: str
    kind: str  # month, quarter, half_year, year
    start: date
    end: date

    @property
    def starts_at(self) -> datetime:
        """The first instant of the period, Vietnamese time."""
        return datetime.combine(self.start, time.min, REPORTING_TZ)

    @property
    def ends_before(self) -> datetime:
        """The first instant after the period, Vietnamese time."""
        return datetime.combine(self.end + timedelta(days=1), time.min, REPORTING_TZ)

    def months(self) -> list[Period]:
        """The calendar months the period spans (a trend's x axis)."""
        out, year, month = [], self.start.year, self.start.month
        while date(year, month, 1) <= self.end:
            out.append(parse_period(f"{year}-{month:02d}"))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out


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
