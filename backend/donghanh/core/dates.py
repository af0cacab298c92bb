"""Dates as the OpenAPI document declares them: ISO 8601 strings. Left lax, pydantic also reads a number
(`until=0`) as a Unix time, input the document says is invalid."""
from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

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
