from __future__ import annotations

from sqlalchemy import ColumnElement, or_, select

from donghanh.clients.models import Client
from donghanh.contacts.models import OutreachContact
from donghanh.core.permissions import Role
from donghanh.core.principal import Principal
from donghanh.core.scoping import deny, in_subtree, owned_by, scope_rule


@scope_rule(Client, Role.program_manager, Role.case_worker)
def _clients_in_subtree(principal: Principal) -> ColumnElement[bool]:
    return in_subtree(Client.org_unit_id, principal)


@scope_rule(Client, Role.peer_educator)
def _clients_the_educator_reached(principal: Principal) -> ColumnElement[bool]:
    reached = select(OutreachContact.client_id).where(OutreachContact.recorded_by == principal.id)
    return or_(owned_by(Client.created_by, principal), Client.id.in_(reached))


# Identity and victim status stay away from these roles entirely (service providers get the
# referral's minimum view through the referral workflow, not through this table).
deny(Client, Role.admin, Role.service_provider, Role.inspector, Role.finance_officer, Role.viewer)
