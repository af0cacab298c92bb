from __future__ import annotations

from sqlalchemy import ColumnElement, or_, select

from donghanh.core.permissions import Role
from donghanh.core.principal import Principal
from donghanh.core.scoping import deny, in_subtree, owned_by, scope_rule
from donghanh.peer_groups.models import PeerGroup, PeerGroupMember


def groups_of(principal: Principal):  # type: ignore[no-untyped-def]
    """The peer groups a user belongs to (through a membership linked to their account)."""
    return select(PeerGroupMember.peer_group_id).where(
        PeerGroupMember.user_id == principal.id, PeerGroupMember.left_on.is_(None)
    )


@scope_rule(PeerGroup, Role.program_manager, Role.case_worker)
def _groups_in_subtree(principal: Principal) -> ColumnElement[bool]:
    return in_subtree(PeerGroup.org_unit_id, principal)


@scope_rule(PeerGroup, Role.peer_educator)
def _own_groups(principal: Principal) -> ColumnElement[bool]:
    return or_(PeerGroup.id.in_(groups_of(principal)), owned_by(PeerGroup.created_by, principal))


@scope_rule(PeerGroupMember, Role.program_manager, Role.case_worker)
def _members_in_subtree(principal: Principal) -> ColumnElement[bool]:
    return in_subtree(PeerGroupMember.org_unit_id, principal)


@scope_rule(PeerGroupMember, Role.peer_educator)
def _members_of_own_groups(principal: Principal) -> ColumnElement[bool]:
    return PeerGroupMember.peer_group_id.in_(groups_of(principal))


deny(PeerGroup, Role.admin, Role.service_provider, Role.inspector, Role.finance_officer, Role.viewer)
deny(PeerGroupMember, Role.admin, Role.service_provider, Role.inspector, Role.finance_officer, Role.viewer)
