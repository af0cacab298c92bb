from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from donghanh.clients.schemas import SharedClient
from donghanh.core.vocabulary import ServiceType
from donghanh.referrals.models import ReferralStatus


class _LegalBasis(BaseModel):
    legal_basis: str | None = Field(
        None, max_length=300,
        description="The law allowing disclosure without consent (victims and persons under identification).")
    legal_basis_reason: str | None = Field(None, max_length=2000)


class ReferralCreate(_LegalBasis):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    client_id: uuid.UUID
    service_type: ServiceType
    to_organisation_id: uuid.UUID
    from_organisation_id: uuid.UUID | None = Field(None, description="Defaults to your own organisation.")
    contact_id: uuid.UUID | None = Field(None, description="The contact where the need was named.")
    reason: str | None = Field(None, max_length=2000)
    follow_up_due_on: date | None = None
    send: bool = Field(False, description="Send at once instead of keeping a draft.")
    external_id: str | None = Field(None, max_length=100, description="Id in your own register (imports).")


class ReferralUpdate(_LegalBasis):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    reason: str | None = Field(None, max_length=2000)
    follow_up_due_on: date | None = None
    version: int | None = None


class TransitionIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    to: ReferralStatus
    note: str | None = Field(None, max_length=2000)
    outcome: str | None = Field(None, max_length=2000, description="What came of it (completed / not completed).")
    decline_reason: str | None = Field(None, max_length=2000)

    @model_validator(mode="after")
    def _reasons(self) -> Self:
        if self.to == ReferralStatus.declined and not self.decline_reason:
            raise ValueError("decline_reason: say why the referral is declined")
        if self.to == ReferralStatus.not_completed and not self.outcome:
            raise ValueError("outcome: say why the service was not completed")
        return self


class HistoryEntry(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    at: datetime
    actor_type: str
    actor_name: str
    from_status: ReferralStatus | None
    to_status: ReferralStatus
    note: str | None


class _ReferralCommon(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    service_type: ServiceType
    status: ReferralStatus
    from_organisation_id: uuid.UUID | None
    to_organisation_id: uuid.UUID
    reason: str | None
    follow_up_due_on: date | None
    outcome: str | None
    decline_reason: str | None
    sent_at: datetime | None
    closed_at: datetime | None
    overdue: bool = False
    allowed_transitions: list[ReferralStatus] = Field(default_factory=list)
    history: list[HistoryEntry] = Field(default_factory=list)
    version: int
    created_at: datetime
    updated_at: datetime


class ReferralRead(_ReferralCommon):
    client_id: uuid.UUID
    client_code: str | None = None
    contact_id: uuid.UUID | None
    org_unit_id: uuid.UUID
    legal_basis: str | None
    legal_basis_reason: str | None
    external_id: str | None = None
    created_by: uuid.UUID | None


class ProviderReferralRead(_ReferralCommon):
    client: SharedClient


class ReferralFilter(BaseModel):
    status: ReferralStatus | None = None
    overdue: bool | None = Field(None, description="Sent or accepted, with the follow-up date passed.")
    client: uuid.UUID | None = None
    to_organisation: uuid.UUID | None = None
    service_type: ServiceType | None = None
    org_unit: uuid.UUID | None = None


class ReferralTarget(BaseModel):
    model_config = ConfigDict(extra="forbid")

    service_type: ServiceType
    to_organisation_id: uuid.UUID


class ReferralsFromContact(_LegalBasis):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    targets: list[ReferralTarget] = Field(min_length=1, max_length=14,
                                          description="One referral per named need and provider.")
    reason: str | None = Field(None, max_length=2000)
    follow_up_due_on: date | None = None
    send: bool = True
