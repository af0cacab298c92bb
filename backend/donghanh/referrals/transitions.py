"""The referral status machine, in one place. Anything not listed is refused with 409."""
from __future__ import annotations

from enum import StrEnum

from donghanh.referrals.models import ReferralStatus as S


class Side(StrEnum):
    referrer = "referrer"  # the office that refers (case workers, program managers, peer educators)
    provider = "provider"  # the organisation the referral is addressed to (its users and API clients)


# (from, to) → which side may take that step. Referrers may record a provider's answer on its behalf
# (most providers do not use the system yet), except a refusal, which only the provider can give.
TRANSITIONS: dict[tuple[S, S], frozenset[Side]] = {
    (S.draft, S.sent): frozenset({Side.referrer}),
    (S.draft, S.cancelled): frozenset({Side.referrer}),
    (S.sent, S.cancelled): frozenset({Side.referrer}),
    (S.sent, S.accepted): frozenset({Side.provider, Side.referrer}),
    (S.sent, S.declined): frozenset({Side.provider}),
    (S.accepted, S.completed): frozenset({Side.provider, Side.referrer}),
    (S.accepted, S.not_completed): frozenset({Side.provider, Side.referrer}),
}
CLOSED = frozenset({S.declined, S.completed, S.not_completed, S.cancelled})


def allowed_from(status: S, side: Side) -> list[S]:
    return [to for (frm, to), sides in TRANSITIONS.items() if frm == status and side in sides]


def is_allowed(status: S, to: S, side: Side) -> bool:
    return side in TRANSITIONS.get((status, to), frozenset())
