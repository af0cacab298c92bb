from __future__ import annotations

from sqlalchemy import ColumnElement

from donghanh.core.permissions import Role
from donghanh.core.principal import Principal
from donghanh.core.scoping import deny, in_subtree, scope_rule
from donghanh.victim_cases.models import VictimCase, VictimSupport

_NEVER = (Role.admin, Role.peer_educator, Role.service_provider, Role.inspector, Role.finance_officer, Role.viewer)


@scope_rule(VictimCase, Role.program_manager, Role.case_worker)
def _cases_in_subtree(principal: Principal) -> ColumnElement[bool]:
    return in_subtree(VictimCase.org_unit_id, principal)


@scope_rule(VictimSupport, Role.program_manager, Role.case_worker)
def _supports_in_subtree(principal: Principal) -> ColumnElement[bool]:
    return in_subtree(VictimSupport.org_unit_id, principal)


# Victim cases are the most restricted records: nobody else sees a row, ever (statistics are aggregates).
deny(VictimCase, *_NEVER)
deny(VictimSupport, *_NEVER)
