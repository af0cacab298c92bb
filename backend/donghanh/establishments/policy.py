from __future__ import annotations

from sqlalchemy import ColumnElement

from donghanh.core.permissions import Role
from donghanh.core.principal import Principal
from donghanh.core.scoping import deny, in_subtree, scope_rule
from donghanh.establishments.models import Establishment, Inspection


@scope_rule(Establishment, Role.program_manager, Role.case_worker, Role.inspector, Role.peer_educator)
def _establishments_in_subtree(principal: Principal) -> ColumnElement[bool]:
    return in_subtree(Establishment.org_unit_id, principal)


@scope_rule(Inspection, Role.program_manager, Role.case_worker, Role.inspector)
def _inspections_in_subtree(principal: Principal) -> ColumnElement[bool]:
    return in_subtree(Inspection.org_unit_id, principal)


# Administrators run the system, not the programme: they see no establishment register.
deny(Establishment, Role.admin, Role.service_provider, Role.finance_officer, Role.viewer)
deny(Inspection, Role.admin, Role.peer_educator, Role.service_provider, Role.finance_officer, Role.viewer)
