"""Referrals from a need to a delivered service, across organisations."""
from __future__ import annotations

import functools
import uuid
from collections.abc import Sequence
from typing import Any

import orjson
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.clients import service as clients
from donghanh.contacts import service as contacts
from donghanh.core import audit, dates, outbox
from donghanh.core.base import utcnow
from donghanh.core.concurrency import check_precondition
from donghanh.core.errors import Conflict, Unprocessable
from donghanh.core.pagination import RowPage, as_dicts, item_of
from donghanh.core.principal import Principal
from donghanh.core.roles import Role
from donghanh.org_units import service as org_units
from donghanh.organisations import service as organisations
from donghanh.referrals.models import Referral, ReferralEvent, ReferralStatus
from donghanh.referrals.repository import OPEN, ReferralRepository
from donghanh.referrals.schemas import (
    ProviderReferralRead,
    ReferralCreate,
    ReferralFilter,
    ReferralRead,
    ReferralsFromContact,
    ReferralUpdate,
    TransitionIn,
    _ReferralCommon,
)
from donghanh.referrals.transitions import CLOSED, Side, allowed_from, is_allowed
from donghanh.webhooks import service as webhooks

RESOURCE = "referral"


def side_of(principal: Principal, referral: Referral) -> Side:
    return _side(principal, referral.to_organisation_id)


def _side(principal: Principal, to_organisation_id: uuid.UUID) -> Side:
    if principal.role == Role.service_provider and principal.organisation_id == to_organisation_id:
        return Side.provider
    return Side.referrer


@functools.cache
def _allowed(status: str, side: Side) -> tuple[ReferralStatus, ...]:
    """The steps open from a status, worked out once per (status, side), not once per row of every page."""
    return tuple(allowed_from(ReferralStatus(status), side))


_COMMON_FIELDS = [f for f in _ReferralCommon.model_fields if f not in ("overdue", "allowed_transitions", "history")]
_READ_FIELDS = [f for f in ReferralRead.model_fields if f not in ("overdue", "allowed_transitions", "history",
                                                                   "client_code")]


async def to_views(
    session: AsyncSession, principal: Principal, referrals: Sequence[Referral],
) -> list[ReferralRead | ProviderReferralRead]:
    """Referrals as their reader sees them: the referrer's view, or the provider's (the person shared only as
    far as consent allows)."""
    values = [{f: getattr(r, f) for f in _READ_FIELDS} for r in referrals]
    codes = await clients.codes_for(session, principal, {r.client_id for r in referrals})
    for v in values:
        v["client_code"] = codes.get(v["client_id"])
    return [schema.model_validate(view) for schema, view in await _views(session, principal, values)]


async def _views(
    session: AsyncSession, principal: Principal, referrals: list[dict[str, Any]],
) -> list[tuple[type[ReferralRead] | type[ProviderReferralRead], dict[str, Any]]]:
    """Each referral's view schema and its values, from its read fields and its client's code (shown only
    where the caller sees the client). Plain dicts, not rows: a Row's attributes cost ~0.4 µs a read, and a
    page of 50 read them ~400 times (bench/RESULTS.md)."""
    # A list page on PostgreSQL brings each history as JSON text already (repository._history_json), sent as
    # it is; other referrals read theirs here.
    histories = await ReferralRepository(session, principal).history([r["id"] for r in referrals
                                                                      if "history" not in r])
    views: list[tuple[type[ReferralRead] | type[ProviderReferralRead], dict[str, Any]]] = []
    today = dates.today()
    for values in referrals:
        written = values.pop("history", None)
        status, due = values["status"], values["follow_up_due_on"]
        side = _side(principal, values["to_organisation_id"])
        common = {
            "overdue": status in OPEN and due is not None and due < today,
            "allowed_transitions": _allowed(status, side),
            "history": orjson.Fragment(written) if written is not None else histories.get(values["id"], []),
        }
        if side == Side.provider:
            shared = await clients.shared_with_provider(session, principal, values["client_id"],
                                                        referral_id=values["id"])
            views.append((ProviderReferralRead, {f: values[f] for f in _COMMON_FIELDS} | common | {"client": shared}))
        else:
            # The referrer's view is every read field and the client's code: the values themselves.
            views.append((ReferralRead, values | common))
    return views


async def to_view(
    session: AsyncSession, principal: Principal, referral: Referral
) -> ReferralRead | ProviderReferralRead:
    return (await to_views(session, principal, [referral]))[0]


async def list(  # noqa: A001
    session: AsyncSession, principal: Principal, flt: ReferralFilter, cursor: str | None, limit: int
) -> RowPage[ReferralRead | ProviderReferralRead]:
    unit_paths = await org_units.filter_paths(session, flt.org_unit)
    rows, next_cursor = await ReferralRepository(session, principal).list(flt, unit_paths, cursor, limit)
    views = await _views(session, principal, as_dicts(rows))  # the rows carry the client codes
    return RowPage(ReferralRead | ProviderReferralRead, [item_of(schema, values) for schema, values in views],
                   next_cursor)


async def get(session: AsyncSession, principal: Principal, referral_id: uuid.UUID) -> Referral:
    return await ReferralRepository(session, principal).get(referral_id)


def _history(session: AsyncSession, principal: Principal, referral: Referral, frm: str | None, to: str,
             note: str | None) -> None:
    session.add(ReferralEvent(referral_id=referral.id, at=utcnow(), actor_type=principal.kind,
                              actor_id=principal.id, actor_name=principal.shown_as, from_status=frm, to_status=to,
                              note=note))


async def _check_disclosure(session: AsyncSession, principal: Principal, referral: Referral) -> None:
    """Law 53/2024 Art. 3(10): no disclosure about a victim or a person under identification without
    consent unless a law allows it — and even then, only the pseudonymous minimum."""
    if not await clients.needs_legal_basis_to_share(session, referral.client_id):
        return
    missing = [f for f in ("legal_basis", "legal_basis_reason") if not getattr(referral, f)]
    if missing:
        raise Unprocessable(
            "This person is protected as a (possible) victim of trafficking and did not consent to sharing: "
            "record the legal basis and the reason before sending.",
            errors=[{"loc": ["body", f], "msg": "required to send without consent"} for f in missing],
        )
    await audit.record(session, principal, "disclose_without_consent", RESOURCE, referral.id,
                       fields=["legal_basis", "legal_basis_reason"], org_unit_id=referral.org_unit_id)


async def _events(session: AsyncSession, referral: Referral, frm: str) -> None:
    data = {"referral_id": str(referral.id), "status": referral.status, "previous_status": frm,
            "service_type": referral.service_type, "to_organisation_id": str(referral.to_organisation_id),
            "version": referral.version}
    if referral.status == ReferralStatus.sent:
        event = await outbox.emit(session, "referral.sent", aggregate_type=RESOURCE, aggregate_id=referral.id,
                                  organisation_id=referral.to_organisation_id, data=data)
        await webhooks.fan_out(session, event, {referral.to_organisation_id})
    elif frm != ReferralStatus.draft:
        event = await outbox.emit(session, "referral.status_changed", aggregate_type=RESOURCE,
                                  aggregate_id=referral.id, organisation_id=referral.to_organisation_id, data=data)
        await webhooks.fan_out(session, event, {referral.to_organisation_id, referral.from_organisation_id})


async def _apply(session: AsyncSession, principal: Principal, referral: Referral, transition: TransitionIn) -> None:
    current = ReferralStatus(referral.status)
    side = side_of(principal, referral)
    if not is_allowed(current, transition.to, side):
        allowed = [s.value for s in allowed_from(current, side)]
        raise Conflict(
            f"A referral that is {current.value} cannot become {transition.to.value}"
            + (f"; allowed: {', '.join(allowed)}." if allowed else "; no further step is open to you."),
            extra={"allowed": allowed},
        )
    if transition.to == ReferralStatus.sent:
        await _check_disclosure(session, principal, referral)
        referral.sent_at = utcnow()
    referral.status = transition.to.value
    if transition.outcome is not None:
        referral.outcome = transition.outcome
    if transition.decline_reason is not None:
        referral.decline_reason = transition.decline_reason
    if transition.to in CLOSED:
        referral.closed_at = utcnow()
    await session.flush()
    _history(session, principal, referral, current.value, referral.status,
             transition.note or transition.decline_reason or transition.outcome)
    await session.flush()
    await _events(session, referral, current.value)
    await audit.record(session, principal, "transition", RESOURCE, referral.id, fields=["status"],
                       org_unit_id=referral.org_unit_id)


async def create(session: AsyncSession, principal: Principal, *, referral_in: ReferralCreate) -> Referral:
    client = await clients.require_visible(session, principal, referral_in.client_id, "client_id")
    provider = await organisations.require_organisation(session, referral_in.to_organisation_id, "to_organisation_id")
    if not provider.active:
        raise Unprocessable.field(["body", "to_organisation_id"], f"{provider.name} is not active.")
    if referral_in.service_type.value not in (provider.services or []):
        raise Unprocessable.field(["body", "service_type"],
                                  f"{provider.name} does not list {referral_in.service_type.value} among its services.")
    from_org = referral_in.from_organisation_id or principal.organisation_id
    if referral_in.from_organisation_id is not None:
        await organisations.require_organisation(session, referral_in.from_organisation_id, "from_organisation_id")
    if referral_in.contact_id is not None:
        await contacts.require_visible(session, principal, referral_in.contact_id, "contact_id")
    referral = Referral(
        client_id=client.id, contact_id=referral_in.contact_id, service_type=referral_in.service_type.value,
        from_organisation_id=from_org, to_organisation_id=provider.id, reason=referral_in.reason,
        follow_up_due_on=referral_in.follow_up_due_on, legal_basis=referral_in.legal_basis,
        legal_basis_reason=referral_in.legal_basis_reason, status=ReferralStatus.draft.value,
        org_unit_id=client.org_unit_id, created_by=principal.id, external_id=referral_in.external_id,
    )
    session.add(referral)
    await session.flush()
    _history(session, principal, referral, None, ReferralStatus.draft.value, referral_in.reason)
    await audit.record(session, principal, "create", RESOURCE, referral.id,
                       fields=sorted(referral_in.model_fields_set - {"send"}), org_unit_id=referral.org_unit_id)
    if referral_in.send:
        await _apply(session, principal, referral, TransitionIn(to=ReferralStatus.sent))
    return referral


async def update(session: AsyncSession, principal: Principal, referral_id: uuid.UUID, *,
                 referral_in: ReferralUpdate, if_match: str | None) -> Referral:
    referral = await get(session, principal, referral_id)
    if side_of(principal, referral) != Side.referrer:
        raise Conflict("Providers answer a referral through its transitions.")
    check_precondition(if_match, referral.id, referral.version, referral_in.version)
    if referral.status in CLOSED:
        raise Conflict(f"The referral is {referral.status}; it can no longer be edited.")
    changes = referral_in.model_dump(exclude_unset=True, exclude={"version"})
    for field, value in changes.items():
        setattr(referral, field, value)
    await session.flush()
    await audit.record(session, principal, "update", RESOURCE, referral.id, fields=sorted(changes),
                       org_unit_id=referral.org_unit_id)
    return referral


async def transition(session: AsyncSession, principal: Principal, referral_id: uuid.UUID, *,
                     transition_in: TransitionIn) -> Referral:
    referral = await get(session, principal, referral_id)
    await _apply(session, principal, referral, transition_in)
    return referral


async def from_contact(session: AsyncSession, principal: Principal, contact_id: uuid.UUID, *,
                       referrals_in: ReferralsFromContact) -> list[Referral]:
    """One step from the needs a person named at a contact to referrals (sent at once by default)."""
    contact = await contacts.get(session, principal, contact_id)
    if contact.client_id is None:
        raise Unprocessable.field(["body", "targets"],
                                  "The contact is anonymous: register the person (a client code) before referring.")
    made = []
    for index, target in enumerate(referrals_in.targets):
        try:
            made.append(await create(session, principal, referral_in=ReferralCreate(
                client_id=contact.client_id, service_type=target.service_type,
                to_organisation_id=target.to_organisation_id, contact_id=contact.id, reason=referrals_in.reason,
                follow_up_due_on=referrals_in.follow_up_due_on, legal_basis=referrals_in.legal_basis,
                legal_basis_reason=referrals_in.legal_basis_reason, send=referrals_in.send)))
        except Unprocessable as exc:
            # Point the error at the target that failed.
            for error in exc.errors or []:
                if error["loc"][:2] == ["body", "service_type"] or error["loc"][:2] == ["body", "to_organisation_id"]:
                    error["loc"] = ["body", "targets", index, error["loc"][1]]
            raise
    return made
