from __future__ import annotations

from sqlalchemy import ColumnElement, true

from donghanh.core.audit import AuditEvent
from donghanh.core.permissions import Role
from donghanh.core.principal import Principal
from donghanh.core.scoping import deny, in_subtree, scope_rule


@scope_rule(AuditEvent, Role.admin)
def _admin_reads_the_whole_log(principal: Principal) -> ColumnElement[bool]:
    return true()


@scope_rule(AuditEvent, Role.program_manager)
def _manager_reads_events_in_subtree(principal: Principal) -> ColumnElement[bool]:
    return in_subtree(AuditEvent.org_unit_id, principal)


deny(AuditEvent, Role.case_worker, Role.peer_educator, Role.service_provider, Role.inspector,
     Role.finance_officer, Role.viewer)
