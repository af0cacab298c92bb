"""Webhook subscriptions, fan-out of outbox events to them, and the delivery worker."""
from __future__ import annotations

import asyncio
import logging
import secrets
import uuid
from collections.abc import Awaitable
from datetime import timedelta

import httpx
from sqlalchemy import exists, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import aliased

from donghanh.config import Settings
from donghanh.core import audit
from donghanh.core.base import utcnow
from donghanh.core.errors import NotFound, Unprocessable, database_unavailable
from donghanh.core.outbox import OutboxEvent
from donghanh.core.principal import Principal
from donghanh.core.roles import Role
from donghanh.organisations import service as organisations
from donghanh.webhooks.delivery import UnsafeTarget, check_target, send
from donghanh.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookSubscription
from donghanh.webhooks.schemas import DeliveryRead, WebhookCreate, WebhookRead, WebhookWithSecret

log = logging.getLogger("donghanh.webhooks")
CLAIM_SECONDS = 120


def _own_organisation(principal: Principal) -> uuid.UUID | None:
    """Admins manage every organisation's hooks; providers only their own."""
    return None if principal.role == Role.admin else principal.organisation_id


async def _visible(session: AsyncSession, principal: Principal, webhook_id: uuid.UUID) -> WebhookSubscription:
    hook = await session.get(WebhookSubscription, webhook_id)
    own = _own_organisation(principal)
    if hook is None or (principal.role != Role.admin and hook.organisation_id != own):
        raise NotFound("No such webhook.")
    return hook


async def list(session: AsyncSession, principal: Principal) -> list[WebhookRead]:  # noqa: A001
    stmt = select(WebhookSubscription).order_by(WebhookSubscription.created_at)
    if principal.role != Role.admin:
        stmt = stmt.where(WebhookSubscription.organisation_id == principal.organisation_id)
    return [WebhookRead.model_validate(h) for h in (await session.execute(stmt)).scalars().all()]


async def create(session: AsyncSession, principal: Principal, settings: Settings, *,
                 webhook_in: WebhookCreate) -> WebhookWithSecret:
    if principal.role == Role.admin:
        if webhook_in.organisation_id is None:
            raise Unprocessable.field(["body", "organisation_id"], "Name the organisation the webhook is for.")
        organisation_id = webhook_in.organisation_id
    else:
        if principal.organisation_id is None:
            raise Unprocessable.field(["body", "organisation_id"], "Your account belongs to no organisation.")
        if webhook_in.organisation_id not in (None, principal.organisation_id):
            raise Unprocessable.field(["body", "organisation_id"], "You can register webhooks for your own "
                                      "organisation only.")
        organisation_id = principal.organisation_id
    await organisations.require_organisation(session, organisation_id, "organisation_id")
    url = str(webhook_in.url)
    try:
        await check_target(url, allow_private=settings.webhook_allow_private_targets)
    except UnsafeTarget as exc:
        raise Unprocessable.field(["body", "url"], str(exc)) from None
    secret = "whsec_" + secrets.token_urlsafe(32)
    hook = WebhookSubscription(organisation_id=organisation_id, url=url, events=sorted(set(webhook_in.events)),
                               secret=secret, active=True, created_by=principal.id)
    session.add(hook)
    await session.flush()
    await audit.record(session, principal, "create", "webhook", hook.id, fields=["url", "events", "secret"])
    return WebhookWithSecret(**WebhookRead.model_validate(hook).model_dump(), secret=secret)


async def delete(session: AsyncSession, principal: Principal, webhook_id: uuid.UUID) -> None:
    hook = await _visible(session, principal, webhook_id)
    hook.active = False
    await session.flush()
    await audit.record(session, principal, "deactivate", "webhook", hook.id, fields=["active"])


async def rotate_secret(session: AsyncSession, principal: Principal, webhook_id: uuid.UUID) -> WebhookWithSecret:
    hook = await _visible(session, principal, webhook_id)
    hook.secret = "whsec_" + secrets.token_urlsafe(32)
    await session.flush()
    await audit.record(session, principal, "rotate_secret", "webhook", hook.id, fields=["secret"])
    return WebhookWithSecret(**WebhookRead.model_validate(hook).model_dump(), secret=hook.secret)


async def deliveries(session: AsyncSession, principal: Principal, webhook_id: uuid.UUID,
                     limit: int = 100) -> list[DeliveryRead]:
    hook = await _visible(session, principal, webhook_id)
    rows = (await session.execute(
        select(WebhookDelivery, OutboxEvent.event_type)
        .join(OutboxEvent, OutboxEvent.id == WebhookDelivery.outbox_event_id)
        .where(WebhookDelivery.webhook_id == hook.id).order_by(WebhookDelivery.outbox_event_id.desc()).limit(limit)
    )).all()
    return [DeliveryRead.model_validate(d).model_copy(update={"event_type": t}) for d, t in rows]


async def redeliver(session: AsyncSession, principal: Principal, webhook_id: uuid.UUID,
                    delivery_id: uuid.UUID) -> DeliveryRead:
    hook = await _visible(session, principal, webhook_id)
    delivery = await session.get(WebhookDelivery, delivery_id)
    if delivery is None or delivery.webhook_id != hook.id:
        raise NotFound("No such delivery.")
    delivery.status = DeliveryStatus.pending.value
    delivery.next_attempt_at = utcnow()
    await session.flush()
    await audit.record(session, principal, "redeliver", "webhook_delivery", delivery.id)
    return DeliveryRead.model_validate(delivery)


async def fan_out(session: AsyncSession, event: OutboxEvent, organisation_ids: set[uuid.UUID | None]) -> int:
    """One pending delivery per active subscription interested in the event, in the caller's transaction."""
    targets = [o for o in organisation_ids if o is not None]
    if not targets:
        return 0
    hooks = (await session.execute(
        select(WebhookSubscription).where(WebhookSubscription.organisation_id.in_(targets),
                                          WebhookSubscription.active.is_(True))
    )).scalars().all()
    count = 0
    for hook in hooks:
        if event.event_type in hook.events:
            session.add(WebhookDelivery(webhook_id=hook.id, outbox_event_id=event.id, aggregate_id=event.aggregate_id,
                                        next_attempt_at=utcnow()))
            count += 1
    await session.flush()
    return count


# --- the worker ------------------------------------------------------------------------------------

async def _claim(sessionmaker: async_sessionmaker[AsyncSession], batch: int,
                 claim_seconds: float = CLAIM_SECONDS) -> list[uuid.UUID]:
    """Take due deliveries for a while. An earlier undelivered event of the same referral and webhook
    holds later ones back, so a receiver sees each referral's events in order. SKIP LOCKED lets several
    workers share the queue on PostgreSQL without delivering anything twice."""
    earlier = aliased(WebhookDelivery)
    now = utcnow()
    async with sessionmaker() as session:
        blocked = exists().where(
            earlier.webhook_id == WebhookDelivery.webhook_id, earlier.aggregate_id == WebhookDelivery.aggregate_id,
            earlier.outbox_event_id < WebhookDelivery.outbox_event_id,
            earlier.status == DeliveryStatus.pending.value,
        )
        stmt = (select(WebhookDelivery.id)
                .where(WebhookDelivery.status == DeliveryStatus.pending.value, WebhookDelivery.next_attempt_at <= now,
                       ~blocked)
                .order_by(WebhookDelivery.outbox_event_id).limit(batch))
        if session.get_bind().dialect.name == "postgresql":
            stmt = stmt.with_for_update(skip_locked=True, of=WebhookDelivery)
        ids = [*(await session.execute(stmt)).scalars().all()]
        if ids:
            await session.execute(update(WebhookDelivery).where(WebhookDelivery.id.in_(ids))
                                  .values(next_attempt_at=now + timedelta(seconds=claim_seconds))
                                  .execution_options(synchronize_session=False))
        await session.commit()
    return ids


async def _deliver_one(sessionmaker: async_sessionmaker[AsyncSession], settings: Settings,
                       client: httpx.AsyncClient, delivery_id: uuid.UUID) -> bool:
    async with sessionmaker() as session:
        row = (await session.execute(
            select(WebhookDelivery, WebhookSubscription, OutboxEvent)
            .join(WebhookSubscription, WebhookSubscription.id == WebhookDelivery.webhook_id)
            .join(OutboxEvent, OutboxEvent.id == WebhookDelivery.outbox_event_id)
            .where(WebhookDelivery.id == delivery_id)
        )).first()
        if row is None:
            return False
        delivery, hook, event = row
        status_code, error = None, None
        try:
            if not hook.active:
                raise UnsafeTarget("the webhook was deactivated")
            # Checked again at send time: a name that resolved publicly may not any more (DNS rebinding).
            await check_target(hook.url, allow_private=settings.webhook_allow_private_targets)
            response = await send(client, hook.url, hook.secret, event.payload, event_type=event.event_type,
                                  delivery_id=str(delivery.id))
            status_code = response.status_code
            ok = 200 <= response.status_code < 300
            if not ok:
                error = f"HTTP {response.status_code}"
        except (httpx.HTTPError, UnsafeTarget, OSError) as exc:
            ok, error = False, f"{type(exc).__name__}: {exc}"[:500]
        delivery.attempts += 1
        delivery.last_status_code = status_code
        delivery.last_error = error
        if ok:
            delivery.status = DeliveryStatus.delivered.value
            delivery.delivered_at = utcnow()
        elif delivery.attempts >= settings.webhook_max_attempts:
            delivery.status = DeliveryStatus.failed.value
        else:
            backoff = settings.webhook_backoff_seconds * (2 ** (delivery.attempts - 1))
            delivery.next_attempt_at = utcnow() + timedelta(seconds=min(backoff, 6 * 3600))
        await session.commit()
        return ok


async def deliver_due(sessionmaker: async_sessionmaker[AsyncSession], settings: Settings, *,
                      batch: int = 50, client: httpx.AsyncClient | None = None) -> int:
    """One round: claim what is due, send it, record the outcome. Returns how many were delivered."""
    ids = await _claim(sessionmaker, batch, settings.webhook_claim_seconds)
    if not ids:
        return 0
    own = client is None
    client = client or httpx.AsyncClient(timeout=settings.webhook_timeout_seconds, follow_redirects=False)
    try:
        delivered = 0
        for delivery_id in ids:
            delivered += await _deliver_one(sessionmaker, settings, client, delivery_id)
        return delivered
    finally:
        if own:
            await client.aclose()


async def run_worker(sessionmaker: async_sessionmaker[AsyncSession], settings: Settings,
                     stop: asyncio.Event | None = None) -> None:
    """The background worker: each round delivers due webhooks and chains the audit events waiting."""
    stop = stop or asyncio.Event()
    while not stop.is_set():
        delivered = await _round("webhook delivery", deliver_due(sessionmaker, settings))
        chained = await _round("audit chaining", audit.chain_waiting(sessionmaker))
        if not delivered and not chained:
            try:
                await asyncio.wait_for(stop.wait(), timeout=settings.outbox_poll_seconds)
            except TimeoutError:
                pass


async def _round(what: str, work: Awaitable[int]) -> int:
    try:
        return await work
    except Exception as exc:  # the worker must outlive a bad round; the next one retries
        if database_unavailable(exc):  # a restart or an outage: expected, and said in one line per round
            log.warning("%s round skipped, database unavailable: %s", what, str(exc).splitlines()[0])
        else:
            log.exception("%s round failed", what)
        return 0


__all__ = ["create", "deliver_due", "fan_out", "run_worker"]
