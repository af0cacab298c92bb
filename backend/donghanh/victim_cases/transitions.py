"""Victim case status: forward one step at a time; `closed` from anywhere, with a reason."""
from __future__ import annotations

from donghanh.victim_cases.models import CaseStatus as S

ORDER = [S.under_identification, S.identified, S.received, S.supported, S.reintegrated]
# The date field each status stamps when it is reached.
DATE_FIELD = {S.identified: "identified_on", S.received: "received_on", S.reintegrated: "reintegrated_on",
              S.closed: "closed_on"}


def allowed_from(status: S) -> list[S]:
    if status == S.closed:
        return []
    nxt = [ORDER[ORDER.index(status) + 1]] if status in ORDER[:-1] else []
    return [*nxt, S.closed]


def is_allowed(status: S, to: S) -> bool:
    return to in allowed_from(status)
