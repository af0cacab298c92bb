"""Several delivery workers on PostgreSQL share the queue without delivering anything twice."""
from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pytest
from sqlalchemy import delete, insert
from sqlalchemy.ext.asyncio import async_sessionmaker

from donghanh.core.outbox import OutboxEvent
from donghanh.webhooks.models import WebhookDelivery, WebhookSubscription
from donghanh.webhooks.service import _claim
from tests.fixtures.world import World


async def test_concurrent_claims_are_disjoint(engine: Any, world: World) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("FOR UPDATE SKIP LOCKED is PostgreSQL's; SQLite runs a single in-process worker")
    maker = async_sessionmaker(engine, expire_on_commit=False)
    hook_id = uuid.uuid4()
    async with maker() as session:
        await session.execute(insert(WebhookSubscription).values(
            id=hook_id, organisation_id=world.organisations["legal_aid_hanoi"], url="http://127.0.0.1:9/x",
            events=["referral.sent"], secret="whsec_test", active=True))
        events = []
        for _ in range(40):
            event = OutboxEvent(event_type="referral.sent", aggregate_type="referral", aggregate_id=uuid.uuid4(),
                                organisation_id=None, payload={})
            session.add(event)
            events.append(event)
        await session.flush()
        for event in events:
            session.add(WebhookDelivery(webhook_id=hook_id, outbox_event_id=event.id, aggregate_id=event.aggregate_id))
        await session.commit()
    try:
        claims = await asyncio.gather(*[_claim(maker, 15) for _ in range(4)])
        claimed = [i for batch in claims for i in batch]
        assert len(claimed) == len(set(claimed)) == 40
    finally:
        async with maker() as session:
            await session.execute(delete(WebhookDelivery).where(WebhookDelivery.webhook_id == hook_id))
            await session.execute(delete(OutboxEvent).where(OutboxEvent.id.in_([e.id for e in events])))
            await session.execute(delete(WebhookSubscription).where(WebhookSubscription.id == hook_id))
            await session.commit()
