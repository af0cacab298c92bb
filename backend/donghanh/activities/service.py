from __future__ import annotations

import uuid

from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.activities.models import Activity
from donghanh.activities.repository import ActivityRepository
from donghanh.activities.schemas import ActivityCreate, ActivityFilter, ActivityRead, ActivityUpdate
from donghanh.core import audit
from donghanh.core.concurrency import check_precondition
from donghanh.core.errors import Unprocessable
from donghanh.core.pagination import Page
from donghanh.core.principal import Principal
from donghanh.org_units import service as org_units
from donghanh.organisations import service as organisations
from donghanh.peer_groups import service as peer_groups

RESOURCE = "activity"


def _plain(data: dict) -> dict:  # type: ignore[type-arg]
    if "materials" in data and data["materials"] is not None:
        data["materials"] = {getattr(k, "value", k): v for k, v in data["materials"].items()}
    if "kind" in data and data["kind"] is not None:
        data["kind"] = getattr(data["kind"], "value", data["kind"])
    return data


async def list(  # noqa: A001
    session: AsyncSession, principal: Principal, flt: ActivityFilter, cursor: str | None, limit: int
) -> Page[ActivityRead]:
    unit_paths = await org_units.filter_paths(session, flt.org_unit)
    rows, next_cursor = await ActivityRepository(session, principal).list(flt, unit_paths, cursor, limit)
    return Page[ActivityRead](items=[ActivityRead.model_validate(a) for a in rows], next_cursor=next_cursor)


async def get(session: AsyncSession, principal: Principal, activity_id: uuid.UUID) -> Activity:
    return await ActivityRepository(session, principal).get(activity_id)


async def require_visible(session: AsyncSession, principal: Principal, activity_id: uuid.UUID, field: str) -> Activity:
    activity = await ActivityRepository(session, principal).find(activity_id)
    if activity is None:
        raise Unprocessable.field(["body", field], "No activity with this id.")
    return activity


async def _check_refs(session: AsyncSession, principal: Principal, data: dict) -> None:  # type: ignore[type-arg]
    if data.get("organiser_id"):
        await organisations.require_organisation(session, data["organiser_id"], "organiser_id")
    if data.get("peer_group_id"):
        await peer_groups.require_visible(session, principal, data["peer_group_id"], "peer_group_id")


async def create(session: AsyncSession, principal: Principal, *, activity_in: ActivityCreate) -> Activity:
    await org_units.require_unit_in_scope(session, principal, activity_in.org_unit_id, on=activity_in.starts_on)
    data = _plain(activity_in.model_dump())
    await _check_refs(session, principal, data)
    activity = Activity(**data, created_by=principal.id)
    session.add(activity)
    await session.flush()
    await audit.record(session, principal, "create", RESOURCE, activity.id,
                       fields=sorted(activity_in.model_fields_set), org_unit_id=activity.org_unit_id)
    return activity


async def update(
    session: AsyncSession, principal: Principal, activity_id: uuid.UUID, *, activity_in: ActivityUpdate,
    if_match: str | None,
) -> Activity:
    activity = await get(session, principal, activity_id)
    check_precondition(if_match, activity.id, activity.version, activity_in.version)
    changes = _plain(activity_in.model_dump(exclude_unset=True, exclude={"version"}))
    for required in ("kind", "title", "starts_on", "participants_total", "participants_female", "materials"):
        if required in changes and changes[required] is None:
            raise Unprocessable.field(["body", required], "may not be null")
    await _check_refs(session, principal, changes)
    for field, value in changes.items():
        setattr(activity, field, value)
    if activity.ends_on and activity.ends_on < activity.starts_on:
        raise Unprocessable.field(["body", "ends_on"], "ends_on must not be before starts_on")
    if activity.participants_female > activity.participants_total:
        raise Unprocessable.field(["body", "participants_female"], "cannot exceed participants_total")
    await session.flush()
    await audit.record(session, principal, "update", RESOURCE, activity.id, fields=sorted(changes),
                       org_unit_id=activity.org_unit_id)
    return activity
