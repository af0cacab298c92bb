from __future__ import annotations

from sqlalchemy import ColumnElement

from donghanh.contacts.models import OutreachContact
from donghanh.core.permissions import Role
from donghanh.core.principal import Principal
from donghanh.core.scoping import deny, in_subtree, owned_by, scope_rule


@scope_rule(OutreachContact, Role.program_manager, Role.case_worker)
def _contacts_in_subtree(principal: Principal) -> ColumnElement[bool]:
    return in_subtree(OutreachContact.org_unit_id, principal)


@scope_rule(OutreachContact, Role.peer_educator)
def _contacts_the_educator_recorded(principal: Principal) -> ColumnElement[bool]:
    return owned_by(OutreachContact.recorded_by, principal)


deny(OutreachContact, Role.admin, Role.service_provider, Role.inspector, Role.finance_officer, Role.viewer)
