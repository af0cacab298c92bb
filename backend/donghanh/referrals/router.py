from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Depends, Header, Query, Request, Response
from fastapi.responses import JSONResponse

from donghanh.core.concurrency import IdempotencyKey, etag_for, idempotent
from donghanh.core.errors import problems
from donghanh.core.pagination import DEFAULT_LIMIT, MAX_LIMIT, Page
from donghanh.core.permissions import Permission, Require
from donghanh.core.principal import Principal
from donghanh.core.routing import DomainRouter
from donghanh.db import SessionDep
from donghanh.referrals import service
from donghanh.referrals.schemas import (
    ProviderReferralRead,
    ReferralCreate,
    ReferralFilter,
    ReferralRead,
    ReferralsFromContact,
    ReferralUpdate,
    TransitionIn,
)

router = DomainRouter(prefix="/referrals", tags=["referrals"])
contact_router = DomainRouter(prefix="/contacts", tags=["referrals"])
Reader = Annotated[Principal, Depends(Require(Permission.referrals_read))]
Writer = Annotated[Principal, Depends(Require(Permission.referrals_write))]
ReferralOut = ReferralRead | ProviderReferralRead


@router.get("", response_model=Page[ReferralOut], responses=problems())
async def list_referrals(
    session: SessionDep, principal: Reader, flt: Annotated[ReferralFilter, Query()],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> Response:
    """Referrers see the referrals of their area; providers see those addressed to their organisation."""
    return (await service.list(session, principal, flt, cursor, limit)).response()


@router.post("", status_code=201, response_model=ReferralRead, responses=problems(409))
async def create_referral(
    request: Request, session: SessionDep, principal: Writer, referral_in: ReferralCreate,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    async def produce() -> tuple[int, ReferralOut, dict[str, str]]:
        referral = await service.create(session, principal, referral_in=referral_in)
        return 201, await service.to_view(session, principal, referral), {
            "ETag": etag_for(referral.id, referral.version)}

    return await idempotent(session, principal, request, idempotency_key, referral_in, produce)


@router.get("/{referral_id}", response_model=ReferralOut, responses=problems())
async def get_referral(
    referral_id: uuid.UUID, session: SessionDep, principal: Reader, response: Response
) -> ReferralOut:
    referral = await service.get(session, principal, referral_id)
    response.headers["ETag"] = etag_for(referral.id, referral.version)
    return await service.to_view(session, principal, referral)


@router.patch("/{referral_id}", response_model=ReferralOut, responses=problems(409, 412, 428))
async def update_referral(
    referral_id: uuid.UUID, referral_in: ReferralUpdate, session: SessionDep, principal: Writer,
    response: Response, if_match: Annotated[str | None, Header(alias="If-Match")] = None,
) -> ReferralOut:
    referral = await service.update(session, principal, referral_id, referral_in=referral_in, if_match=if_match)
    response.headers["ETag"] = etag_for(referral.id, referral.version)
    return await service.to_view(session, principal, referral)


@router.post("/{referral_id}/transitions", response_model=ReferralOut, responses=problems(409))
async def transition_referral(
    referral_id: uuid.UUID, transition_in: TransitionIn, session: SessionDep, principal: Writer, response: Response
) -> ReferralOut:
    """Move the referral along its status machine; a step not open to you is a 409 naming the allowed ones."""
    referral = await service.transition(session, principal, referral_id, transition_in=transition_in)
    response.headers["ETag"] = etag_for(referral.id, referral.version)
    return await service.to_view(session, principal, referral)


@contact_router.post("/{contact_id}/referrals", status_code=201, response_model=list[ReferralRead],
                     responses=problems(409))
async def refer_from_contact(
    contact_id: uuid.UUID, referrals_in: ReferralsFromContact, session: SessionDep, principal: Writer,
) -> list[ReferralOut]:
    """Refer the needs named at a contact in one step (one referral per target)."""
    referrals = await service.from_contact(session, principal, contact_id, referrals_in=referrals_in)
    return await service.to_views(session, principal, referrals)
