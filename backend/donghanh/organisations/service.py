from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.core import audit
from donghanh.core.concurrency import check_precondition
from donghanh.core.errors import NotFound, Unprocessable
from donghanh.core.pagination import Page
from donghanh.core.principal import Principal
from donghanh.core.text import fold
from donghanh.org_units import service as org_units
from donghanh.org_units.models import OrgUnit as OrgUnitName
from donghanh.organisations import repository
from donghanh.organisations.models import Organisation
from donghanh.organisations.schemas import (
    OrganisationCreate,
    OrganisationFilter,
    OrganisationRead,
    OrganisationUpdate,
)


async def list(  # noqa: A001
    session: AsyncSession, flt: OrganisationFilter, cursor: str | None, limit: int
) -> Page[OrganisationRead]:
    unit_paths = None
    if flt.org_unit:
        unit_paths = (await org_units.require_unit(session, flt.org_unit, "org_unit", "query")).path
    rows, next_cursor = await repository.list_organisations(session, flt, unit_paths, cursor, limit)
    return Page[OrganisationRead](items=[OrganisationRead.model_validate(o) for o in rows], next_cursor=next_cursor)


async def get(session: AsyncSession, organisation_id: uuid.UUID) -> Organisation:
    found = await repository.get(session, organisation_id)
    if found is None:
        raise NotFound("No such organisation.")
    return found


async def require_organisation(session: AsyncSession, organisation_id: uuid.UUID, field: str) -> Organisation:
    found = await repository.get(session, organisation_id)
    if found is None:
        raise Unprocessable.field(["body", field], "No organisation with this id.")
    return found


async def create(session: AsyncSession, principal: Principal, *, organisation_in: OrganisationCreate) -> Organisation:
    await org_units.require_unit(session, organisation_in.org_unit_id)
    data = organisation_in.model_dump()
    organisation = Organisation(**data, name_search=fold(data["name"]), created_by=principal.id)
    session.add(organisation)
    await session.flush()
    await audit.record(session, principal, "create", "organisation", organisation.id,
                       fields=sorted(data), org_unit_id=organisation.org_unit_id)
    return organisation


async def update(
    session: AsyncSession,
    principal: Principal,
    organisation_id: uuid.UUID,
    *,
    organisation_in: OrganisationUpdate,
    if_match: str | None,
) -> Organisation:
    organisation = await get(session, organisation_id)
    check_precondition(if_match, organisation.id, organisation.version, organisation_in.version)
    changes = organisation_in.model_dump(exclude_unset=True, exclude={"version"})
    if "org_unit_id" in changes:
        await org_units.require_unit(session, changes["org_unit_id"])
    for field, value in changes.items():
        setattr(organisation, field, value)
    if "name" in changes:
        organisation.name_search = fold(organisation.name)
    await session.flush()
    await audit.record(session, principal, "update", "organisation", organisation.id,
                       fields=sorted(changes), org_unit_id=organisation.org_unit_id)
    return organisation


SERVICE_NAMES_VI = {
    "health_check": "Khám sức khỏe", "sti_hiv_testing": "Xét nghiệm HIV/STI", "health_insurance_card": "Thẻ BHYT",
    "social_insurance": "Bảo hiểm xã hội tự nguyện", "legal_counselling": "Tư vấn pháp lý",
    "psychological_counselling": "Tư vấn tâm lý", "vocational_training": "Đào tạo nghề",
    "job_placement": "Giới thiệu việc làm", "loan": "Vay vốn", "shelter": "Nơi tạm trú", "education": "Hỗ trợ học tập",
    "essential_needs": "Hỗ trợ nhu cầu thiết yếu", "reintegration_allowance": "Trợ cấp tái hòa nhập", "other": "Khác",
}


async def directory(
    session: AsyncSession, flt: OrganisationFilter, cursor: str | None, limit: int
) -> Page[OrganisationRead]:
    unit_paths = await org_units.filter_paths(session, flt.org_unit)
    rows, next_cursor = await repository.list_organisations(
        session, flt.model_copy(update={"active": True}), unit_paths, cursor, limit)
    return Page[OrganisationRead](items=[OrganisationRead.model_validate(o) for o in rows if o.services],
                                  next_cursor=next_cursor)


async def hsds(session: AsyncSession) -> dict[str, Any]:
    """The service directory as Open Referral HSDS (3.0) JSON: organizations with services, locations, phones."""
    rows = (await session.execute(
        select(Organisation, OrgUnitName.name).join(OrgUnitName, OrgUnitName.id == Organisation.org_unit_id)
        .where(Organisation.active.is_(True)).order_by(Organisation.name_search)
    )).all()
    organizations = []
    for org, unit_name in rows:
        if not org.services:
            continue
        oid = str(org.id)
        organizations.append({
            "id": oid, "name": org.name, "description": org.description or "", "email": org.email,
            "website": org.website,
            "phones": [{"id": f"{oid}-phone", "number": org.phone}] if org.phone else [],
            "services": [{
                "id": f"{oid}-{service}", "organization_id": oid, "name": SERVICE_NAMES_VI.get(service, service),
                "alternate_name": service, "status": "active", "eligibility_description": org.eligibility,
                "schedules": [{"id": f"{oid}-{service}-hours", "description": org.opening_hours}]
                if org.opening_hours else [],
            } for service in org.services],
            "locations": [{"id": f"{oid}-location", "location_type": "physical", "name": org.name,
                           "addresses": [{"id": f"{oid}-address", "address_1": org.address or "", "city": unit_name,
                                          "region": unit_name, "country": "VN", "address_type": "physical"}]}],
        })
    return {"schema": "https://docs.openreferral.org/en/latest/hsds/", "version": "3.0",
            "organizations": organizations}
