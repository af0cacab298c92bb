from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import AnyHttpUrl, BaseModel, ConfigDict, Field

EventType = Literal["referral.sent", "referral.status_changed"]


class WebhookCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: AnyHttpUrl
    organisation_id: uuid.UUID | None = Field(None, description="Admins only; providers register for their own.")
    events: list[EventType] = Field(default_factory=lambda: ["referral.sent", "referral.status_changed"],
                                    min_length=1)


class WebhookRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    organisation_id: uuid.UUID
    url: str
    events: list[str]
    active: bool
    created_at: datetime


class WebhookWithSecret(WebhookRead):
    secret: str = Field(description="Shown once: verify X-DongHanh-Signature with it.")


class DeliveryRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    outbox_event_id: int
    event_type: str | None = None
    aggregate_id: uuid.UUID
    status: str
    attempts: int
    next_attempt_at: datetime
    last_status_code: int | None
    last_error: str | None
    delivered_at: datetime | None
    created_at: datetime
