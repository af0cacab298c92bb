from __future__ import annotations

from sqlalchemy import true

from donghanh.core.permissions import Role
from donghanh.core.principal import Principal
from donghanh.core.scoping import deny, in_subtree, scope_rule
from donghanh.users.models import User


@scope_rule(User, Role.admin)
def _admin_sees_all_accounts(principal: Principal):  # type: ignore[no-untyped-def]
    return true()


@scope_rule(User, Role.program_manager)
def _manager_sees_accounts_in_subtree(principal: Principal):  # type: ignore[no-untyped-def]
    return in_subtree(User.org_unit_id, principal)


deny(User, Role.case_worker, Role.peer_educator, Role.service_provider, Role.inspector,
     Role.finance_officer, Role.viewer)
