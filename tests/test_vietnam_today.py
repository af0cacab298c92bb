"""Recorded dates are Vietnamese calendar days, whatever the server's own clock zone."""
from __future__ import annotations

from datetime import UTC, date, datetime

from donghanh.core import dates


def test_today_is_viet_nams_date_not_the_servers() -> None:
    # 20:00 UTC on 3 December is already 03:00 on 4 December in Viet Nam (UTC+7).
    assert dates.today(datetime(2026, 12, 3, 20, 0, tzinfo=UTC)) == date(2026, 12, 4)
    assert dates.today(datetime(2026, 12, 3, 16, 59, tzinfo=UTC)) == date(2026, 12, 3)
