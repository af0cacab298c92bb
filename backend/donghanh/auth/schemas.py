from __future__ import annotations

import uuid

from pydantic import BaseModel, Field

from donghanh.core.permissions import Permission, Role
from donghanh.org_units.schemas import OrgUnitSummary


class TokenResponse(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int = Field(description="Access-token lifetime in seconds.")
    refresh_token: str | None = None
    scope: str | None = Field(None, description="Granted scopes (client credentials).")


class RefreshRequest(BaseModel):
    refresh_token: str | None = Field(None, max_length=200, description="Omit to use the HttpOnly cookie.")


class OrganisationRef(BaseModel):
    id: uuid.UUID
    name: str


class Me(BaseModel):
    id: uuid.UUID
    username: str
    full_name: str
    role: Role
    org_unit: OrgUnitSummary
    organisation: OrganisationRef | None
    permissions: list[Permission]
    home: str = Field(description="The screen this user starts on: contact_entry, referral_inbox, establishments, "
                                  "users or home.")
