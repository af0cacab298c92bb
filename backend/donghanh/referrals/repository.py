from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import select

from donghanh.core.pagination import SortKey
from donghanh.core.repository import ScopedRepository
from donghanh.referrals import policy as _policy  # noqa: F401  (scope rules ride with the repository)
from donghanh.referrals.models import Referral, ReferralEvent, ReferralStatus
from donghanh.referrals.schemas import ReferralFilter

SORT_KEYS = [SortKey(Referral.created_at, "created_at", descending=True), SortKey(Referral.id, "id", descending=True)]
OPEN = (ReferralStatus.sent.value, ReferralStatus.accepted.value)


class ReferralRepository(ScopedRepository[Referral]):
    model = Referral
    not_found_detail = "No such referral."

    async def list(  # noqa: A003
        self, flt: ReferralFilter, unit_paths: tuple[str, ...] | None, cursor: str | None, limit: int
    ) -> tuple[list[Referral], str | None]:
        stmt = self.select(within=unit_paths)
        if flt.status:
            stmt = stmt.where(Referral.status == flt.status)
        if flt.overdue is True:
            stmt = stmt.where(Referral.status.in_(OPEN), Referral.follow_up_due_on < date.today())
        elif flt.overdue is False:
            stmt = stmt.where(~(Referral.status.in_(OPEN) & (Referral.follow_up_due_on < date.today())))
        if flt.client:
            stmt = stmt.where(Referral.client_id == flt.client)
        if flt.to_organisation:
            stmt = stmt.where(Referral.to_organisation_id == flt.to_organisation)
        if flt.service_type:
            stmt = stmt.where(Referral.service_type == flt.service_type)
        return await self.page(stmt, SORT_KEYS, "-created_at", cursor, limit)

    async def history(self, referral_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[ReferralEvent]]:
        """History of referrals already fetched through scope (so not re-scoped here)."""
        if not referral_ids:
            return {}
        rows = (await self.session.execute(
            select(ReferralEvent).where(ReferralEvent.referral_id.in_(referral_ids))
            .order_by(ReferralEvent.at, ReferralEvent.id)
        )).scalars().all()
        out: dict[uuid.UUID, list[ReferralEvent]] = {}
        for row in rows:
            out.setdefault(row.referral_id, []).append(row)
        return out
