"""Deterministic demo data: organisations, one account per role, 240 establishments and their
inspections across five cities. Goes through the domain services, so it obeys every rule real input does."""
from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.core.permissions import Role
from donghanh.core.principal import SYSTEM
from donghanh.demo import vocabulary
from donghanh.establishments import service as establishments
from donghanh.establishments.models import EstablishmentStatus, EstablishmentType, RiskLevel, ViolationCode
from donghanh.establishments.schemas import EstablishmentCreate, InspectionCreate
from donghanh.org_units.models import Level, OrgUnit
from donghanh.organisations import service as organisations
from donghanh.organisations.models import OrganisationKind, ServiceType
from donghanh.organisations.schemas import OrganisationCreate
from donghanh.users import service as users
from donghanh.users.schemas import UserCreate

DEMO_PASSWORD = "donghanh-demo"

# (province code, approximate centre) — the five cities the demo covers.
CITIES = {"01": (21.028, 105.854), "79": (10.776, 106.700), "48": (16.054, 108.202),
          "31": (20.845, 106.688), "92": (10.034, 105.788)}
COMMUNES_PER_CITY = 6
ESTABLISHMENTS = 240


@dataclass
class DemoSummary:
    organisations: int
    users: list[tuple[str, str, str]]
    establishments: int
    inspections: int


async def _province(session: AsyncSession, code: str) -> OrgUnit:
    return (await session.execute(
        select(OrgUnit).where(OrgUnit.code == code, OrgUnit.level == Level.province, OrgUnit.valid_to.is_(None))
    )).scalar_one()


async def _communes(session: AsyncSession, province: OrgUnit, wanted: int) -> list[OrgUnit]:
    rows = (await session.execute(
        select(OrgUnit).where(OrgUnit.parent_id == province.id).order_by(OrgUnit.code).limit(40)
    )).scalars().all()
    # Prefer wards (phường): that is where the service establishments concentrate.
    wards = [u for u in rows if u.name.startswith("Phường")] or list(rows)
    return wards[:wanted]


async def demo_loaded(session: AsyncSession) -> bool:
    return await users.get_by_username_for_login(session, "admin") is not None


async def load_demo(session: AsyncSession, seed: int = 2026) -> DemoSummary:
    rng = random.Random(seed)
    today = date.today()
    provinces = {code: await _province(session, code) for code in CITIES}
    communes = {code: await _communes(session, p, COMMUNES_PER_CITY) for code, p in provinces.items()}
    hanoi, ba_dinh = provinces["01"], next(u for u in communes["01"] if "Ba Đình" in u.name)

    orgs: dict[tuple[str, str], uuid.UUID] = {}
    org_specs = [
        (OrganisationKind.health_department, "Sở Y tế {city}", [ServiceType.health_check]),
        (OrganisationKind.police, "Công an {city}", []),
        (OrganisationKind.culture_office, "Sở Văn hóa và Thể thao {city}", []),
        (OrganisationKind.legal_aid_center, "Trung tâm Trợ giúp pháp lý nhà nước {city}",
         [ServiceType.legal_counselling]),
        (OrganisationKind.social_work_center, "Trung tâm Công tác xã hội {city}",
         [ServiceType.psychological_counselling, ServiceType.shelter, ServiceType.essential_needs]),
        (OrganisationKind.women_union, "Hội Liên hiệp Phụ nữ {city}",
         [ServiceType.vocational_training, ServiceType.loan]),
        (OrganisationKind.health_center, "Trung tâm Kiểm soát bệnh tật {city}",
         [ServiceType.sti_hiv_testing, ServiceType.health_check]),
    ]
    for code, province in provinces.items():
        city = province.name.removeprefix("Thành phố ").removeprefix("Tỉnh ")
        for kind, pattern, services in org_specs:
            org = await organisations.create(session, SYSTEM, organisation_in=OrganisationCreate(
                name=pattern.format(city=city), kind=kind, org_unit_id=province.id,
                address=vocabulary.address(rng, communes[code][0].name, province.name),
                phone=f"0{rng.randint(200, 299)} {rng.randint(1000000, 9999999)}", services=services,
            ))
            orgs[(code, kind.value)] = org.id
    peer_group = await organisations.create(session, SYSTEM, organisation_in=OrganisationCreate(
        name="Nhóm đồng đẳng Hoa Sen (Ba Đình)", kind=OrganisationKind.peer_group, org_unit_id=ba_dinh.id,
        services=[],
    ))

    accounts = [
        ("admin", "Quản trị hệ thống", Role.admin, hanoi.id, None),
        ("qlhanoi", "Nguyễn Thị Thu Hà", Role.program_manager, hanoi.id, orgs[("01", "health_department")]),
        ("canbo.badinh", "Trần Văn Minh", Role.case_worker, ba_dinh.id, None),
        ("dongdang.lan", "Lê Thị Lan", Role.peer_educator, ba_dinh.id, peer_group.id),
        ("thanhtra.hanoi", "Phạm Quốc Hùng", Role.inspector, hanoi.id, orgs[("01", "police")]),
        ("ketoan.hanoi", "Đỗ Thị Mai", Role.finance_officer, hanoi.id, orgs[("01", "health_department")]),
        ("lanhdao.hanoi", "Vũ Đức Thắng", Role.viewer, hanoi.id, None),
        ("phaply.hanoi", "Hoàng Thị Ngọc", Role.service_provider, hanoi.id, orgs[("01", "legal_aid_center")]),
        ("qlhcm", "Huỳnh Văn Tài", Role.program_manager, provinces["79"].id, orgs[("79", "health_department")]),
        ("qldanang", "Phan Thị Hoa", Role.program_manager, provinces["48"].id, orgs[("48", "health_department")]),
    ]
    summary_users = []
    for username, full_name, role, unit_id, org_id in accounts:
        await users.create(session, SYSTEM, user_in=UserCreate(
            username=username, full_name=full_name, password=DEMO_PASSWORD, role=role, org_unit_id=unit_id,
            organisation_id=org_id,
        ))
        summary_users.append((username, role.value, full_name))

    types = list(EstablishmentType)
    created = []
    codes = list(CITIES)
    for i in range(ESTABLISHMENTS):
        code = codes[i % len(codes)] if i % 3 else "01"  # Hà Nội holds about half, as in real registers
        commune = rng.choice(communes[code])
        kind = types[i % len(types)]
        lat, lon = CITIES[code]
        signed = today - timedelta(days=rng.randint(10, 700)) if rng.random() < 0.55 else None
        establishment = await establishments.create(session, SYSTEM, establishment_in=EstablishmentCreate(
            name=vocabulary.establishment_name(rng, kind.value),
            type=kind,
            org_unit_id=commune.id,
            address=vocabulary.address(rng, commune.name, provinces[code].name),
            latitude=round(lat + rng.uniform(-0.05, 0.05), 6),
            longitude=round(lon + rng.uniform(-0.05, 0.05), 6),
            owner_name=vocabulary.person_name(rng, rng.choice(["female", "male"])),
            business_registration_no=f"{code}{rng.randint(10**7, 10**8 - 1)}",
            license_no=f"{rng.randint(100, 999)}/GP-UBND" if kind != EstablishmentType.cafe else None,
            license_expires_on=today + timedelta(days=rng.randint(-120, 900)),
            workers_female=rng.randint(0, 25),
            workers_male=rng.randint(0, 10),
            status=rng.choices(list(EstablishmentStatus), weights=[85, 10, 5])[0],
            commitment_signed_on=signed,
            risk_level=rng.choices(list(RiskLevel), weights=[40, 40, 20])[0],
            external_id=f"DEMO-{code}-{i + 1:04d}",
        ))
        created.append((code, establishment))

    inspections = 0
    for code, establishment in created[::3]:
        violations = rng.sample(list(ViolationCode), k=rng.choice([0, 0, 1, 2]))
        await establishments.create_inspection(session, SYSTEM, establishment.id, inspection_in=InspectionCreate(
            inspected_on=today - timedelta(days=rng.randint(1, 365)),
            team=[orgs[(code, "police")], orgs[(code, "culture_office")]],
            findings="Kiểm tra liên ngành: giấy phép, hợp đồng lao động, điều kiện làm việc của người lao động.",
            violations=violations,
            fine_amount_vnd=rng.choice([0, 0, 5_000_000, 10_000_000, 15_000_000]) if violations else 0,
            follow_up="Yêu cầu khắc phục trong 30 ngày." if violations else None,
        ))
        inspections += 1

    return DemoSummary(organisations=len(orgs) + 1, users=summary_users, establishments=len(created),
                       inspections=inspections)
