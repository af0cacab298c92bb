from __future__ import annotations

from sqlalchemy import ColumnElement

from donghanh.core.permissions import Role
from donghanh.core.principal import Principal
from donghanh.core.scoping import deny, in_subtree, scope_rule
from donghanh.plans.models import BudgetLine, Expenditure, Plan

_FINANCE = (Role.program_manager, Role.finance_officer)
_OTHERS = (Role.admin, Role.case_worker, Role.peer_educator, Role.service_provider, Role.inspector, Role.viewer)


@scope_rule(Plan, *_FINANCE)
def _plans_in_subtree(principal: Principal) -> ColumnElement[bool]:
    return in_subtree(Plan.org_unit_id, principal)


@scope_rule(BudgetLine, *_FINANCE)
def _lines_in_subtree(principal: Principal) -> ColumnElement[bool]:
    return in_subtree(BudgetLine.org_unit_id, principal)


@scope_rule(Expenditure, *_FINANCE)
def _expenditures_in_subtree(principal: Principal) -> ColumnElement[bool]:
    return in_subtree(Expenditure.org_unit_id, principal)


# Viewers get plan execution as aggregates only (plans.service.execution), never the rows.
deny(Plan, *_OTHERS)
deny(BudgetLine, *_OTHERS)
deny(Expenditure, *_OTHERS)
