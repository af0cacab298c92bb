from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Response

from donghanh.config import SettingsDep
from donghanh.core.errors import problems
from donghanh.core.permissions import Permission, Require
from donghanh.core.principal import Principal
from donghanh.core.routing import DomainRouter
from donghanh.db import SessionDep
from donghanh.webhooks import service
from donghanh.webhooks.schemas import DeliveryRead, WebhookCreate, WebhookRead, WebhookWithSecret

router = DomainRouter(prefix="/webhooks", tags=["webhooks"])
Manager = Annotated[Principal, Depends(Require(Permission.webhooks_manage))]


@router.get("", response_model=list[WebhookRead], responses=problems())
async def list_webhooks(session: SessionDep, principal: Manager) -> list[WebhookRead]:
    return await service.list(session, principal)


@router.post("", status_code=201, response_model=WebhookWithSecret, responses=problems())
async def create_webhook(
    session: SessionDep, settings: SettingsDep, principal: Manager, webhook_in: WebhookCreate
) -> WebhookWithSecret:
    """Register a URL for referral events. The signing secret is shown once, in this response."""
    return await service.create(session, principal, settings, webhook_in=webhook_in)


@router.delete("/{webhook_id}", status_code=204, responses=problems())
async def delete_webhook(webhook_id: uuid.UUID, session: SessionDep, principal: Manager) -> Response:
    await service.delete(session, principal, webhook_id)
    return Response(status_code=204)


@router.post("/{webhook_id}/secret", response_model=WebhookWithSecret, responses=problems())
async def rotate_webhook_secret(webhook_id: uuid.UUID, session: SessionDep, principal: Manager) -> WebhookWithSecret:
    return await service.rotate_secret(session, principal, webhook_id)


@router.get("/{webhook_id}/deliveries", response_model=list[DeliveryRead], responses=problems())
async def list_deliveries(webhook_id: uuid.UUID, session: SessionDep, principal: Manager) -> list[DeliveryRead]:
    """The delivery log, newest first: attempts, last status, last error."""
    return await service.deliveries(session, principal, webhook_id)


@router.post("/{webhook_id}/deliveries/{delivery_id}/redeliver", response_model=DeliveryRead, responses=problems())
async def redeliver(
    webhook_id: uuid.UUID, delivery_id: uuid.UUID, session: SessionDep, principal: Manager
) -> DeliveryRead:
    return await service.redeliver(session, principal, webhook_id, delivery_id)
