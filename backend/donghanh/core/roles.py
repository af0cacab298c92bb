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


P = Permission
_EVERYONE = {P.org_units_read, P.organisations_read}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.admin: frozenset(
        _EVERYONE | {P.org_units_write, P.organisations_write, P.users_read, P.users_write, P.audit_read}
    ),
    Role.program_manager: frozenset(
        _EVERYONE
        | {P.users_read, P.establishments_read, P.establishments_write, P.inspections_read,
           P.inspections_write, P.audit_read}
    ),
    Role.case_worker: frozenset(
        _EVERYONE | {P.establishments_read, P.establishments_write, P.inspections_read}
    ),
    # Peer educators pick the establishment where they met someone; they do not see inspections.
    Role.peer_educator: frozenset(_EVERYONE | {P.establishments_read}),
    Role.service_provider: frozenset(_EVERYONE),
    Role.inspector: frozenset(
        _EVERYONE | {P.establishments_read, P.inspections_read, P.inspections_write}
    ),
    Role.finance_officer: frozenset(_EVERYONE),
    Role.viewer: frozenset(_EVERYONE),
}


def permissions_for(role: Role) -> frozenset[Permission]:
    return ROLE_PERMISSIONS.get(role, frozenset())
