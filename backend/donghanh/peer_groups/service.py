from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.core import audit
from donghanh.core.concurrency import check_precondition
from donghanh.core.errors import Conflict, Unprocessable
from donghanh.core.pagination import Page
from donghanh.core.principal import Principal
from donghanh.core.text import fold
from donghanh.org_units import service as org_units
from donghanh.peer_groups.models import PeerGroup, PeerGroupMember
from donghanh.peer_groups.repository import MemberRepository, PeerGroupRepository
from donghanh.peer_groups.schemas import (
    MemberCreate,
    MemberRead,
    MemberUpdate,
    PeerGroupCreate,
    PeerGroupFilter,
    PeerGroupRead,
    PeerGroupUpdate,
)
from donghanh.users import service as users


async def _reads(session: AsyncSession, principal: Principal, groups: list[PeerGroup]) -> list[PeerGroupRead]:
    counts = await MemberRepository(session, principal).active_counts([g.id for g in groups])
    return [PeerGroupRead.model_validate(g).model_copy(update={"members_active": counts.get(g.id, 0)})
            for g in groups]


async def read(session: AsyncSession, principal: Principal, group: PeerGroup) -> PeerGroupRead:
    return (await _reads(session, principal, [group]))[0]


async def list(  # noqa: A001
    session: AsyncSession, principal: Principal, flt: PeerGroupFilter, cursor: str | None, limit: int
) -> Page[PeerGroupRead]:
    unit_paths = await org_units.filter_paths(session, flt.org_unit)
    rows, next_cursor = await PeerGroupRepository(session, principal).list(flt, unit_paths, cursor, limit)
    return Page[PeerGroupRead](items=await _reads(session, principal, rows), next_cursor=next_cursor)


async def get(session: AsyncSession, principal: Principal, group_id: uuid.UUID) -> PeerGroup:
    return await PeerGroupRepository(session, principal).get(group_id)


async def require_visible(session: AsyncSession, principal: Principal, group_id: uuid.UUID, field: str) -> PeerGroup:
    group = await PeerGroupRepository(session, principal).find(group_id)
    if group is None:
        raise Unprocessable.field(["body", field], "No peer group with this id.")
    return group


async def create(session: AsyncSession, principal: Principal, *, group_in: PeerGroupCreate) -> PeerGroup:
    await org_units.require_unit_in_scope(session, principal, group_in.org_unit_id)
    group = PeerGroup(**group_in.model_dump(), name_search=fold(group_in.name), created_by=principal.id)
    session.add(group)
    await session.flush()
    await audit.record(session, principal, "create", "peer_group", group.id, fields=sorted(group_in.model_fields_set),
                       org_unit_id=group.org_unit_id)
    return group


async def update(
    session: AsyncSession, principal: Principal, group_id: uuid.UUID, *, group_in: PeerGroupUpdate,
    if_match: str | None,
) -> PeerGroup:
    group = await get(session, principal, group_id)
    check_precondition(if_match, group.id, group.version, group_in.version)
    changes = group_in.model_dump(exclude_unset=True, exclude={"version"})
    for required in ("name", "kind", "active"):
        if required in changes and changes[required] is None:
            raise Unprocessable.field(["body", required], "may not be null")
    for field, value in changes.items():
        setattr(group, field, value)
    group.name_search = fold(group.name)
    await session.flush()
    await audit.record(session, principal, "update", "peer_group", group.id, fields=sorted(changes),
                       org_unit_id=group.org_unit_id)
    return group


async def members(session: AsyncSession, principal: Principal, group_id: uuid.UUID) -> list[MemberRead]:
    await get(session, principal, group_id)
    rows = await MemberRepository(session, principal).of_group(group_id)
    await audit.record(session, principal, "list", "peer_group_member", group_id, fields=["full_name", "phone"],
                       org_unit_id=rows[0].org_unit_id if rows else None)
    return [MemberRead.model_validate(m) for m in rows]


async def _check_user(session: AsyncSession, principal: Principal, user_id: uuid.UUID | None) -> None:
    if user_id is None:
        return
    user = await users.get_for_authentication(session, user_id)
    if user is None or not org_units.in_scope(await org_units.require_unit(session, user.org_unit_id), principal):
        raise Unprocessable.field(["body", "user_id"], "No user with this id.")


async def add_member(
    session: AsyncSession, principal: Principal, group_id: uuid.UUID, *, member_in: MemberCreate
) -> PeerGroupMember:
    group = await get(session, principal, group_id)
    await _check_user(session, principal, member_in.user_id)
    if member_in.member_role in ("leader", "deputy") and member_in.left_on is None:
        current = [m for m in await MemberRepository(session, principal).of_group(group.id)
                   if m.member_role == member_in.member_role and m.left_on is None]
        if current:
            raise Conflict(f"The group already has a {member_in.member_role}; record when they left first.",
                           errors=[{"loc": ["body", "member_role"], "msg": "already filled"}])
    member = PeerGroupMember(**member_in.model_dump(), peer_group_id=group.id, org_unit_id=group.org_unit_id,
                             created_by=principal.id)
    session.add(member)
    await session.flush()
    await audit.record(session, principal, "create", "peer_group_member", member.id,
                       fields=sorted(member_in.model_fields_set), org_unit_id=group.org_unit_id)
    return member


async def update_member(
    session: AsyncSession, principal: Principal, group_id: uuid.UUID, member_id: uuid.UUID, *,
    member_in: MemberUpdate, if_match: str | None,
) -> PeerGroupMember:
    member = await MemberRepository(session, principal).get_in(group_id, member_id)
    check_precondition(if_match, member.id, member.version, member_in.version)
    changes = member_in.model_dump(exclude_unset=True, exclude={"version"})
    for required in ("full_name", "member_role"):
        if required in changes and changes[required] is None:
            raise Unprocessable.field(["body", required], "may not be null")
    if "user_id" in changes:
        await _check_user(session, principal, changes["user_id"])
    for field, value in changes.items():
        setattr(member, field, value)
    if member.left_on and member.joined_on and member.left_on < member.joined_on:
        raise Unprocessable.field(["body", "left_on"], "left_on must not be before joined_on")
    await session.flush()
    await audit.record(session, principal, "update", "peer_group_member", member.id, fields=sorted(changes),
                       org_unit_id=member.org_unit_id)
    return member
