from __future__ import annotations

from sqlalchemy import ColumnElement, and_, false

from donghanh.core.permissions import Role
from donghanh.core.principal import Principal
from donghanh.core.scoping import deny, in_subtree, owned_by, scope_rule
from donghanh.referrals.models import Referral, ReferralStatus


@scope_rule(Referral, Role.program_manager, Role.case_worker)
def _referrals_in_subtree(principal: Principal) -> ColumnElement[bool]:
    return in_subtree(Referral.org_unit_id, principal)


@scope_rule(Referral, Role.peer_educator)
def _referrals_the_educator_made(principal: Principal) -> ColumnElement[bool]:
    return owned_by(Referral.created_by, principal)


@scope_rule(Referral, Role.service_provider)
def _referrals_addressed_to_the_provider(principal: Principal) -> ColumnElement[bool]:
    # Drafts are the referrer's business until sent.
    if principal.organisation_id is None:
        return false()
    return and_(Referral.to_organisation_id == principal.organisation_id, Referral.status != ReferralStatus.draft)


deny(Referral, Role.admin, Role.inspector, Role.finance_officer, Role.viewer)
