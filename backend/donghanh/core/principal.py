"""Who is calling: a user, a partner API client, or the system itself (jobs, CLI)."""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Literal

from donghanh.core.roles import Permission, Role, permissions_for


@dataclass(frozen=True)
class Principal:
    kind: Literal["user", "api_client", "system"]
    id: uuid.UUID | None
    name: str
    role: Role
    org_unit_id: uuid.UUID | None
    # Materialised-path prefixes the principal may see: their own unit's path plus the legacy units
    # whose successor lies inside it (so records kept before the 2025 reform stay in scope).
    scope_paths: tuple[str, ...]
    organisation_id: uuid.UUID | None = None
    session_id: uuid.UUID | None = None
    permissions: frozenset[Permission] = field(default_factory=frozenset)
    display_name: str | None = None  # a person's full name, for timelines people read

    @property
    def shown_as(self) -> str:
        return self.display_name or self.name

    @classmethod
    def for_user(
        cls,
        *,
        user_id: uuid.UUID,
        username: str,
        role: Role,
        org_unit_id: uuid.UUID,
        scope_paths: tuple[str, ...],
        organisation_id: uuid.UUID | None,
        session_id: uuid.UUID | None,
        full_name: str | None = None,
    ) -> Principal:
        return cls(
            kind="user", id=user_id, name=username, role=role, org_unit_id=org_unit_id,
            scope_paths=scope_paths, organisation_id=organisation_id, session_id=session_id,
            permissions=permissions_for(role), display_name=full_name,
        )

    @classmethod
    def for_api_client(
        cls, *, client_id: uuid.UUID, name: str, organisation_id: uuid.UUID, org_unit_id: uuid.UUID,
        scopes: frozenset[str],
    ) -> Principal:
        """A partner system acts as its organisation's service provider, narrowed to its granted scopes."""
        granted = frozenset(p for p in permissions_for(Role.service_provider) if p.value in scopes)
        return cls(
            kind="api_client", id=client_id, name=name, role=Role.service_provider, org_unit_id=org_unit_id,
            scope_paths=(), organisation_id=organisation_id, permissions=granted,
        )

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions

    @property
    def is_system(self) -> bool:
        return self.kind == "system"


# The one principal allowed past scoping: used by the CLI, migrations, seeding and background jobs.
# Grep for SYSTEM to find every place that bypasses scope.
SYSTEM = Principal(
    kind="system", id=None, name="system", role=Role.admin, org_unit_id=None, scope_paths=("/",),
    permissions=frozenset(Permission),
)
