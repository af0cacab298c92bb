from __future__ import annotations

from sqlalchemy import ColumnElement

from donghanh.core.permissions import Role
from donghanh.core.principal import Principal
from donghanh.core.scoping import deny, in_subtree, scope_rule
from donghanh.reports.models import Report

# Reports hold aggregates only; whoever reads indicators reads the reports of their subtree.
_READERS = (Role.program_manager, Role.case_worker, Role.finance_officer, Role.viewer)


@scope_rule(Report, *_READERS)
def _reports_in_subtree(principal: Principal) -> ColumnElement[bool]:
    return in_subtree(Report.org_unit_id, principal)


deny(Report, Role.admin, Role.peer_educator, Role.service_provider, Role.inspector)
