"""Deterministic demo data: organisations, one account per role, 240 establishments and their
inspections across five cities. Goes through the domain services, so it obeys every rule real input does."""
from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.activities import service as activities
from donghanh.activities.models import ActivityKind
from donghanh.activities.schemas import ActivityCreate
from donghanh.auth import service as auth
from donghanh.clients import service as clients
from donghanh.clients.models import ClientGroup
from donghanh.config import get_settings
from donghanh.contacts import service as contacts
from donghanh.contacts.models import Material, Place, Topic
from donghanh.contacts.schemas import ContactCreate, ContactFilter, NewClientInline
from donghanh.core.permissions import Role
from donghanh.core.principal import SYSTEM, Principal
from donghanh.core.vocabulary import ServiceType, Sex
from donghanh.demo import vocabulary
from donghanh.establishments import service as establishments
from donghanh.establishments.models import EstablishmentStatus, EstablishmentType, RiskLevel, ViolationCode
from donghanh.establishments.schemas import EstablishmentCreate, InspectionCreate
from donghanh.org_units import service as org_units
from donghanh.org_units.models import Level, OrgUnit
from donghanh.organisations import service as organisations
from donghanh.organisations.models import OrganisationKind
from donghanh.organisations.schemas import OrganisationCreate
from donghanh.peer_groups import service as peer_groups
from donghanh.peer_groups.models import MemberRole, PeerGroupKind
from donghanh.peer_groups.schemas import MemberCreate, PeerGroupCreate
from donghanh.plans import service as plans
from donghanh.plans.models import BudgetCategory, FundingSource
from donghanh.plans.schemas import BudgetLineCreate, ExpenditureCreate, PlanCreate, TargetIn
from donghanh.referrals import service as referrals
from donghanh.referrals.models import ReferralStatus
from donghanh.referrals.schemas import ReferralCreate, TransitionIn
from donghanh.reports import service as reports
from donghanh.reports.models import ReportAction
from donghanh.reports.schemas import ReportCreate, ReportTransition
from donghanh.users import service as users
from donghanh.users.schemas import UserCreate
from donghanh.victim_cases import service as victim_cases
from donghanh.victim_cases.models import CaseStatus, Exploitation, Source
from donghanh.victim_cases.schemas import IntakeIn, SupportCreate, VictimTransitionIn

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
    contacts: int = 0


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

    outreach = await _load_outreach(session, rng, today, ba_dinh, communes["01"],
                                    [e for code, e in created if code == "01"])
    await _load_referrals(session, rng, today, {k: v for (c, k), v in orgs.items() if c == "01"})
    await _load_victims(session, rng, today, communes["01"], {k: v for (c, k), v in orgs.items() if c == "01"})
    await _load_plan(session, rng, today, hanoi)
    await _load_reports(session, today, communes["01"])
    return DemoSummary(organisations=len(orgs) + 1, users=summary_users, establishments=len(created),
                       inspections=inspections, contacts=outreach)


async def _load_referrals(session: AsyncSession, rng: random.Random, today: date,
                          hanoi_orgs: dict[str, uuid.UUID]) -> None:
    """Referrals from Ba Đình contacts' needs to Hà Nội providers, at every stage, some overdue."""
    case_worker = await _principal(session, "canbo.badinh")
    provider_user = await _principal(session, "phaply.hanoi")
    by_service = {
        ServiceType.legal_counselling: "legal_aid_center", ServiceType.health_check: "health_center",
        ServiceType.sti_hiv_testing: "health_center", ServiceType.psychological_counselling: "social_work_center",
        ServiceType.vocational_training: "women_union", ServiceType.loan: "women_union",
    }
    page = await contacts.list(session, case_worker, ContactFilter(anonymous=False), None, 500)
    made = 0
    for contact in page.models():
        for need in contact.needs:
            kind = by_service.get(ServiceType(need))
            if kind is None or made >= 40:
                continue
            referral = await referrals.create(session, case_worker, referral_in=ReferralCreate(
                client_id=contact.client_id, service_type=need, to_organisation_id=hanoi_orgs[kind],
                contact_id=contact.id, reason="Nhu cầu nêu khi tiếp cận",
                follow_up_due_on=contact.contacted_on + timedelta(days=30), send=rng.random() < 0.9))
            made += 1
            if referral.status != "sent":
                continue
            # The legal-aid centre answers its own referrals; the others are recorded on their behalf.
            actor = provider_user if kind == "legal_aid_center" else case_worker
            fate = rng.random()
            if fate < 0.15 and actor is provider_user:
                await referrals.transition(session, actor, referral.id, transition_in=TransitionIn(
                    to=ReferralStatus.declined, decline_reason="Ngoài phạm vi hỗ trợ của trung tâm"))
            elif fate < 0.8:
                await referrals.transition(session, actor, referral.id,
                                           transition_in=TransitionIn(to=ReferralStatus.accepted))
                if fate < 0.6:
                    await referrals.transition(session, actor, referral.id, transition_in=TransitionIn(
                        to=ReferralStatus.completed, outcome="Đã nhận dịch vụ"))


async def _load_victims(session: AsyncSession, rng: random.Random, today: date, communes: list[OrgUnit],
                        hanoi_orgs: dict[str, uuid.UUID]) -> None:
    """Fourteen cases over the last year in Hà Nội, from hotline calls to reintegration."""
    manager = await _principal(session, "qlhanoi")
    steps = [CaseStatus.identified, CaseStatus.received, CaseStatus.supported, CaseStatus.reintegrated]
    for _ in range(14):
        reported = today - timedelta(days=rng.randint(20, 360))
        case = await victim_cases.intake(session, manager, intake_in=IntakeIn(
            reported_on=reported, source=rng.choice(list(Source)[:5]), org_unit_id=rng.choice(communes).id,
            sex=rng.choices([Sex.female, Sex.male], weights=[85, 15])[0], birth_year=today.year - rng.randint(15, 35),
            exploitation=rng.choices([Exploitation.sexual, Exploitation.forced_labour, Exploitation.forced_marriage],
                                     weights=[50, 30, 20])[0],
            exploitation_country=rng.choice(["CN", "CN", "KH", "MY", "LA"])))
        day = reported
        for step in steps[: rng.randint(0, len(steps))]:
            day = min(today, day + timedelta(days=rng.randint(1, 10)))
            await victim_cases.transition(session, manager, case.id,
                                          transition_in=VictimTransitionIn(to=step, on=day))
            if step == CaseStatus.received:
                for support_type, amount, provider in [
                    (ServiceType.essential_needs, 2_000_000, "social_work_center"),
                    (ServiceType.psychological_counselling, 0, "social_work_center"),
                    (ServiceType.reintegration_allowance, rng.choice([1_500_000, 3_000_000]), "social_work_center"),
                ][: rng.randint(1, 3)]:
                    await victim_cases.add_support(session, manager, case.id, support_in=SupportCreate(
                        support_type=support_type, provided_on=day, amount_vnd=amount,
                        provider_id=hanoi_orgs[provider]))


async def _load_plan(session: AsyncSession, rng: random.Random, today: date, hanoi: OrgUnit) -> None:
    """Hà Nội's annual plan with its targets, budget lines by source, and a year of spending."""
    finance = await _principal(session, "ketoan.hanoi")
    manager = await _principal(session, "qlhanoi")
    plan = await plans.create(session, finance, plan_in=PlanCreate(
        org_unit_id=hanoi.id, year=today.year, number="149/KH-UBND", issued_on=date(today.year, 2, 10),
        title=f"Kế hoạch thực hiện Chương trình phòng, chống mại dâm và hỗ trợ nạn nhân bị mua bán năm {today.year}",
        legal_basis="Quyết định số 1200/QĐ-TTg; Luật Phòng, chống mua bán người 2024",
        targets=[TargetIn(indicator="referral_rate", target_value=Decimal("0.5"),
                          note="Ít nhất 50% người có nhu cầu được giới thiệu dịch vụ"),
                 TargetIn(indicator="people_reached", target_value=Decimal(300)),
                 TargetIn(indicator="establishments_with_commitment", target_value=Decimal(140))]))
    lines = []
    for code, title, category, source, amount in [
        ("1.1", "Duy trì hoạt động nhóm đồng đẳng", BudgetCategory.peer_groups, FundingSource.provincial, 180_000_000),
        ("1.2", "Hỗ trợ nhóm đồng đẳng (dự án quốc tế)", BudgetCategory.peer_groups, FundingSource.international,
         120_000_000),
        ("2.1", "Truyền thông, đối thoại ba bên", BudgetCategory.communication_dialogue, FundingSource.provincial,
         95_000_000),
        ("3.1", "Kết nối và hỗ trợ dịch vụ", BudgetCategory.service_connection, FundingSource.district, 150_000_000),
        ("4.1", "Nâng cao năng lực đoàn kiểm tra liên ngành", BudgetCategory.inspection_capacity,
         FundingSource.provincial, 60_000_000),
        ("5.1", "Hỗ trợ nạn nhân bị mua bán", BudgetCategory.victim_support, FundingSource.socialised, 75_000_000),
    ]:
        lines.append(await plans.create_line(session, finance, line_in=BudgetLineCreate(
            plan_id=plan.id, code=code, title=title, category=category, funding_source=source, allocated_vnd=amount)))
    await plans.approve(session, manager, plan.id)
    for line in lines:
        spent, budget = 0, line.allocated_vnd
        for _ in range(rng.randint(2, 6)):
            amount = rng.randint(3, 25) * 1_000_000
            if spent + amount > budget:
                break
            day = date(today.year, rng.randint(1, max(1, today.month)), rng.randint(1, 28))
            await plans.create_expenditure(session, finance, expenditure_in=ExpenditureCreate(
                budget_line_id=line.id, spent_on=min(day, today), amount_vnd=amount,
                voucher_no=f"PC-{rng.randint(100, 999)}", description=f"Chi {line.title.lower()}"))
            spent += amount


def _previous_quarter(today: date) -> str:
    quarter = (today.month - 1) // 3 + 1
    return f"{today.year - 1}Q4" if quarter == 1 else f"{today.year}Q{quarter - 1}"


async def _load_reports(session: AsyncSession, today: date, communes: list[OrgUnit]) -> None:
    """Last quarter's reports from Hà Nội's demo communes in every state, so the province officer has
    something to review, an overdue list and a consolidation to look at (this quarter's are left to do)."""
    period, settings = _previous_quarter(today), get_settings()
    case_worker = await _principal(session, "canbo.badinh")
    manager = await _principal(session, "qlhanoi")
    clerk = replace(SYSTEM, display_name="Cán bộ xã (dữ liệu mẫu)")
    steps: list[list[tuple[ReportAction, str | None]]] = [
        [(ReportAction.submit, None), (ReportAction.approve, None)],
        [(ReportAction.submit, "Hoàn thành chỉ tiêu tiếp cận."), (ReportAction.approve, "Đồng ý.")],
        [(ReportAction.submit, None), (ReportAction.return_, "Đề nghị bổ sung số liệu giới thiệu dịch vụ.")],
        [(ReportAction.submit, "Đã gửi đúng hạn.")],
        [],  # a draft, still being prepared
    ]
    for unit, actions in zip(communes, steps, strict=False):
        author = case_worker if org_units.in_scope(unit, case_worker) else clerk
        report = await reports.create(session, author, settings=settings, report_in=ReportCreate(
            org_unit_id=unit.id, period=period, comment="Báo cáo quý của xã/phường."))
        for action, comment in actions:
            actor = manager if action != ReportAction.submit else author
            await reports.transition(session, actor, report.id, if_match=None,
                                     transition_in=ReportTransition(action=action, comment=comment))


async def _principal(session: AsyncSession, username: str) -> Principal:
    user = await users.get_by_username_for_login(session, username)
    assert user is not None
    return await auth.principal_for(session, user, None)


async def _load_outreach(session: AsyncSession, rng: random.Random, today: date, ba_dinh: OrgUnit,
                         hanoi_communes: list[OrgUnit], hanoi_establishments: list[Any]) -> int:
    """A Ba Đình peer group of 22, its monthly meetings, and three months of field contacts."""
    educator = await _principal(session, "dongdang.lan")
    case_worker = await _principal(session, "canbo.badinh")
    group = await peer_groups.create(session, SYSTEM, group_in=PeerGroupCreate(
        name="Nhóm đồng đẳng Hoa Sen", kind=PeerGroupKind.peer_group, org_unit_id=ba_dinh.id,
        established_on=today - timedelta(days=600)))
    roles = ([MemberRole.leader, MemberRole.deputy] + [MemberRole.core_member] * 4 + [MemberRole.peer_educator] * 6
             + [MemberRole.collaborator] * 4 + [MemberRole.member] * 6)
    for index, role in enumerate(roles):
        await peer_groups.add_member(session, SYSTEM, group.id, member_in=MemberCreate(
            full_name="Lê Thị Lan" if index == 0 else vocabulary.person_name(rng, "female"),
            phone=f"09{rng.randint(10000000, 99999999)}", member_role=role,
            joined_on=today - timedelta(days=rng.randint(60, 600)),
            user_id=educator.id if index == 0 else None))
    for months_ago in range(6):
        await activities.create(session, educator, activity_in=ActivityCreate(
            kind=ActivityKind.group_meeting, title=f"Sinh hoạt nhóm tháng {((today.month - months_ago - 1) % 12) + 1}",
            starts_on=today - timedelta(days=30 * months_ago + 3), org_unit_id=ba_dinh.id, peer_group_id=group.id,
            participants_total=22 - rng.randint(0, 4), participants_female=18, location="Nhà văn hóa phường"))
    for kind, title, total in [
        (ActivityKind.training, "Tập huấn kỹ năng truyền thông đồng đẳng", 30),
        (ActivityKind.communication_event, "Truyền thông về quyền của người lao động", 140),
        (ActivityKind.tripartite_dialogue, "Đối thoại ba bên: cơ quan nhà nước – chủ cơ sở – người lao động", 45),
    ]:
        await activities.create(session, case_worker, activity_in=ActivityCreate(
            kind=kind, title=title, starts_on=today - timedelta(days=rng.randint(10, 150)), org_unit_id=ba_dinh.id,
            participants_total=total, participants_female=int(total * 0.7)))

    ba_dinh_establishments = [e for e in hanoi_establishments if e.org_unit_id == ba_dinh.id]
    registered: list[Any] = []
    contacts_made = 0
    for i in range(180):
        recorder = educator if i % 4 else case_worker
        establishment = rng.choice(ba_dinh_establishments) if ba_dinh_establishments and rng.random() < 0.6 else None
        known = registered and rng.random() < 0.35
        new_person = not known and rng.random() < 0.5
        new_client = None
        if new_person:
            consented = rng.random() < 0.6
            sex = rng.choices(["female", "male"], weights=[85, 15])[0]
            new_client = NewClientInline(
                sex=Sex(sex), birth_year=today.year - rng.randint(17, 45),
                group=rng.choices(list(ClientGroup), weights=[55, 35, 3, 7])[0], allow_duplicate=True,
                full_name=vocabulary.person_name(rng, sex) if consented else None,
                phone=f"09{rng.randint(10000000, 99999999)}" if consented else None,
                consent_data_processing_on=today - timedelta(days=rng.randint(1, 90)) if consented else None,
                consent_share_with_providers=consented and rng.random() < 0.5)
        contact = await contacts.create(session, recorder, contact_in=ContactCreate(
            contacted_on=today - timedelta(days=rng.randint(0, 90)), org_unit_id=ba_dinh.id,
            peer_group_id=group.id if recorder is educator else None,
            client_code=rng.choice(registered) if known else None, new_client=new_client,
            establishment_id=establishment.id if establishment else None,
            place=Place.establishment if establishment else rng.choice([Place.hotspot, Place.community, Place.online]),
            topics=rng.sample(list(Topic), k=rng.randint(1, 3)),
            materials={Material.leaflets: rng.randint(0, 3), Material.condoms: rng.choice([0, 0, 5, 10])},
            needs=rng.sample(list(ServiceType)[:10], k=rng.choice([0, 0, 1, 1, 2])),
        ))
        if new_person and contact.client_id:
            registered.append((await clients.get(session, SYSTEM, contact.client_id)).code)
        contacts_made += 1
    return contacts_made
