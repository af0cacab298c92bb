"""What each role may do: a data table (default deny). Checked by permissions.Require in routes."""
from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    admin = "admin"
    program_manager = "program_manager"
    case_worker = "case_worker"
    peer_educator = "peer_educator"
    service_provider = "service_provider"
    inspector = "inspector"
    finance_officer = "finance_officer"
    viewer = "viewer"


class Permission(StrEnum):
    org_units_read = "org_units:read"
    org_units_write = "org_units:write"
    organisations_read = "organisations:read"
    organisations_write = "organisations:write"
    users_read = "users:read"
    users_write = "users:write"
    establishments_read = "establishments:read"
    establishments_write = "establishments:write"
    inspections_read = "inspections:read"
    inspections_write = "inspections:write"
    audit_read = "audit:read"
    clients_read = "clients:read"
    clients_write = "clients:write"
    clients_identify = "clients:identify"  # read protected identity fields
    contacts_read = "contacts:read"
    contacts_write = "contacts:write"
    peer_groups_read = "peer_groups:read"
    peer_groups_write = "peer_groups:write"
    activities_read = "activities:read"
    activities_write = "activities:write"
    referrals_read = "referrals:read"
    referrals_write = "referrals:write"
    api_clients_manage = "api_clients:manage"
    webhooks_manage = "webhooks:manage"
    victim_cases_read = "victim_cases:read"
    victim_cases_write = "victim_cases:write"
    victim_statistics_read = "victim_statistics:read"
    victim_cases_export = "victim_cases:export"
    plans_read = "plans:read"
    plans_write = "plans:write"
    plans_approve = "plans:approve"
    budget_execution_read = "budget_execution:read"
    indicators_read = "indicators:read"
    imports_run = "imports:run"  # bulk import (each resource also needs its own write permission)
    reports_read = "reports:read"
    reports_write = "reports:write"  # prepare and submit a unit's report
    reports_approve = "reports:approve"  # approve or return a report of a unit below one's own


P = Permission
_EVERYONE = {P.org_units_read, P.organisations_read}
_INDICATORS = {P.indicators_read, P.reports_read}
_OUTREACH = {P.clients_read, P.clients_write, P.clients_identify, P.contacts_read, P.contacts_write,
             P.peer_groups_read, P.activities_read, P.activities_write, P.referrals_read, P.referrals_write}

# Victim cases: program managers and case workers in scope only (Law 53/2024 Art. 3(10)).
_VICTIMS = {P.victim_cases_read, P.victim_cases_write, P.victim_statistics_read}

_BUDGET = {P.plans_read, P.plans_write, P.budget_execution_read}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.admin: frozenset(
        _EVERYONE | {P.org_units_write, P.organisations_write, P.users_read, P.users_write, P.audit_read,
                     P.api_clients_manage, P.webhooks_manage}
    ),
    Role.program_manager: frozenset(
        _EVERYONE
        | {P.users_read, P.establishments_read, P.establishments_write, P.inspections_read,
           P.inspections_write, P.audit_read, P.peer_groups_write}
        | _OUTREACH | _VICTIMS | _BUDGET | _INDICATORS
        | {P.victim_cases_export, P.plans_approve, P.reports_write, P.reports_approve, P.imports_run}
    ),
    Role.case_worker: frozenset(
        _EVERYONE | {P.establishments_read, P.establishments_write, P.inspections_read, P.peer_groups_write,
                     P.imports_run}
        | _OUTREACH | _VICTIMS | _INDICATORS | {P.reports_write}
    ),
    # Peer educators pick the establishment where they met someone; they do not see inspections.
    # Their client and contact rows are limited to the people they reached (scope rules).
    Role.peer_educator: frozenset(_EVERYONE | {P.establishments_read, P.imports_run} | _OUTREACH),
    # Providers see referrals addressed to their organisation only (scope rule) and answer them.
    Role.service_provider: frozenset(_EVERYONE | {P.referrals_read, P.referrals_write, P.webhooks_manage}),
    Role.inspector: frozenset(
        _EVERYONE | {P.establishments_read, P.inspections_read, P.inspections_write}
    ),
    Role.finance_officer: frozenset(_EVERYONE | {P.activities_read, P.imports_run} | _BUDGET | _INDICATORS),
    # Leadership and auditors: aggregates only, small cells suppressed.
    Role.viewer: frozenset(_EVERYONE | {P.victim_statistics_read, P.budget_execution_read} | _INDICATORS),
}


def permissions_for(role: Role) -> frozenset[Permission]:
    return ROLE_PERMISSIONS.get(role, frozenset())


# What a partner system may be granted (OAuth2 scopes = permission names); always within its role.
API_CLIENT_SCOPES = frozenset({P.referrals_read, P.referrals_write, P.webhooks_manage, P.organisations_read,
                               P.org_units_read})
