"""Dates as the OpenAPI document declares them: ISO 8601 strings. Left lax, pydantic also reads a number
(`until=0`) as a Unix time, input the document says is invalid."""
from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from pydantic import BeforeValidator


def _iso_only(value: Any) -> Any:
    if isinstance(value, int | float) or (isinstance(value, str) and _is_number(value)):
        raise ValueError("use an ISO 8601 date, e.g. 2026-06-30")
    return value


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


IsoDate = Annotated[date, BeforeValidator(_iso_only)]
IsoDateTime = Annotated[datetime, BeforeValidator(_iso_only)]


# Dates people record (a contact, an inspection, an expenditure) are Vietnamese calendar days: "not in the
# future" and "overdue" are judged on Viet Nam's date, not the server's (UTC on most hosts, where 17:00-24:00
# is already tomorrow in Viet Nam and an entry dated today was refused).
VIETNAM_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def today(now: datetime | None = None) -> date:
    return (now or datetime.now(UTC)).astimezone(VIETNAM_TZ).date()
