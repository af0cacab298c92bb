from __future__ import annotations

import uuid

from sqlalchemy import case, func

from donghanh.core.errors import NotFound
from donghanh.core.pagination import SortKey
from donghanh.core.repository import ScopedRepository
from donghanh.core.text import fold, like_escape
from donghanh.peer_groups import policy as _policy  # noqa: F401  (scope rules ride with the repository)
from donghanh.peer_groups.models import MemberRole, PeerGroup, PeerGroupMember
from donghanh.peer_groups.schemas import PeerGroupFilter

SORT_KEYS = [SortKey(PeerGroup.name_search, "name_search"), SortKey(PeerGroup.id, "id")]


class PeerGroupRepository(ScopedRepository[PeerGroup]):
    model = PeerGroup
    not_found_detail = "No such peer group."

    async def list(  # noqa: A003
        self, flt: PeerGroupFilter, unit_paths: tuple[str, ...] | None, cursor: str | None, limit: int
    ) -> tuple[list[PeerGroup], str | None]:
        stmt = self.select(within=unit_paths)
        if flt.q and fold(flt.q):
            stmt = stmt.where(PeerGroup.name_search.like("%" + like_escape(fold(flt.q)) + "%", escape="\\"))
        if flt.kind:
            stmt = stmt.where(PeerGroup.kind == flt.kind)
        if flt.active is not None:
            stmt = stmt.where(PeerGroup.active.is_(flt.active))
        return await self.page(stmt, SORT_KEYS, "name", cursor, limit)


class MemberRepository(ScopedRepository[PeerGroupMember]):
    model = PeerGroupMember
    not_found_detail = "No such member."

    async def of_group(self, group_id: uuid.UUID) -> list[PeerGroupMember]:
        # The board first (leader, deputy, …), then by seniority; former members last.
        rank = case({role.value: i for i, role in enumerate(MemberRole)}, value=PeerGroupMember.member_role, else_=99)
        stmt = self.select().where(PeerGroupMember.peer_group_id == group_id).order_by(
            PeerGroupMember.left_on.is_not(None), rank, PeerGroupMember.joined_on, PeerGroupMember.id
        )
        return list((await self.session.execute(stmt)).scalars().all())

    async def get_in(self, group_id: uuid.UUID, member_id: uuid.UUID) -> PeerGroupMember:
        stmt = self.select().where(PeerGroupMember.id == member_id, PeerGroupMember.peer_group_id == group_id)
        member = (await self.session.execute(stmt)).scalar_one_or_none()
        if member is None:
            raise NotFound(self.not_found_detail)
        return member

    async def active_counts(self, group_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
        if not group_ids:
            return {}
        stmt = (
            self.select(PeerGroupMember.peer_group_id, func.count())
            .where(PeerGroupMember.peer_group_id.in_(group_ids), PeerGroupMember.left_on.is_(None))
            .group_by(PeerGroupMember.peer_group_id)
        )
        return {row[0]: row[1] for row in (await self.session.execute(stmt)).all()}

