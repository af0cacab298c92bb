from __future__ import annotations

from sqlalchemy import ColumnElement, or_

from donghanh.activities.models import Activity
from donghanh.core.permissions import Role
from donghanh.core.principal import Principal
from donghanh.core.scoping import deny, in_subtree, owned_by, scope_rule
from donghanh.peer_groups.policy import groups_of


@scope_rule(Activity, Role.program_manager, Role.case_worker, Role.finance_officer)
def _activities_in_subtree(principal: Principal) -> ColumnElement[bool]:
    return in_subtree(Activity.org_unit_id, principal)


@scope_rule(Activity, Role.peer_educator)
def _own_or_group_activities(principal: Principal) -> ColumnElement[bool]:
    return or_(owned_by(Activity.created_by, principal), Activity.peer_group_id.in_(groups_of(principal)))


deny(Activity, Role.admin, Role.service_provider, Role.inspector, Role.viewer)
