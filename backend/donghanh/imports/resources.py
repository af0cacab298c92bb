"""The importable resources, one declaration each: columns, references, and the domain service calls."""
from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from donghanh.activities import service as activities
from donghanh.activities.models import Activity
from donghanh.activities.schemas import ActivityCreate, ActivityUpdate
from donghanh.clients import service as clients
from donghanh.clients.models import Client
from donghanh.clients.schemas import ClientCreate, ClientUpdate
from donghanh.contacts import service as contacts
from donghanh.contacts.models import Material, OutreachContact
from donghanh.contacts.schemas import ContactCreate, ContactUpdate
from donghanh.core.errors import Conflict
from donghanh.core.principal import Principal
from donghanh.core.roles import Permission
from donghanh.establishments import service as establishments
from donghanh.establishments.models import Establishment
from donghanh.establishments.schemas import EstablishmentCreate, EstablishmentUpdate
from donghanh.imports.cells import CellError
from donghanh.imports.labels import LABELS
from donghanh.imports.specs import Column, ResourceSpec, Row
from donghanh.peer_groups import service as peer_groups
from donghanh.peer_groups.models import PeerGroup, PeerGroupMember
from donghanh.peer_groups.schemas import MemberCreate, MemberUpdate, PeerGroupCreate, PeerGroupUpdate
from donghanh.plans import service as plans
from donghanh.plans.models import BudgetLine, Expenditure
from donghanh.plans.schemas import BudgetLineCreate, BudgetLineUpdate, ExpenditureCreate
from donghanh.referrals import service as referrals
from donghanh.referrals.models import Referral, ReferralStatus
from donghanh.referrals.schemas import ReferralCreate, ReferralUpdate, TransitionIn

P = Permission
EXTERNAL_ID = Column("external_id", "Mã tham chiếu", "External ID", required=True, example="CS-0001")
ORG_UNIT = Column("org_unit", "Đơn vị hành chính", "Administrative unit", "ref", required=True,
                  example="Phường Ba Đình")


async def _refs(resolver: Any, row: Row, refs: dict[str, Any]) -> None:
    """Resolve each reference column present in the row into its payload field; errors stay per column."""
    for key, find in refs.items():
        if key in row.values:
            try:
                row.payload[key + "_id"] = await find(row.values[key])
            except CellError as exc:
                row.errors.append((key, exc))  # type: ignore[arg-type]


def _plain(row: Row, *skip: str) -> None:
    for key, value in row.values.items():
        if key not in skip:
            row.payload[key] = value


# --- establishments ---------------------------------------------------------------------------------

async def _resolve_establishment(resolver: Any, row: Row) -> None:
    _plain(row, "org_unit")
    await _refs(resolver, row, {"org_unit": resolver.unit})


async def _create_establishment(session: AsyncSession, principal: Principal, model: Any, _: dict[str, Any]) -> Any:
    return await establishments.create(session, principal, establishment_in=model)


async def _update_establishment(session: AsyncSession, principal: Principal, existing: Establishment,
                                changes: dict[str, Any], _: dict[str, Any]) -> Any:
    return await establishments.update(session, principal, existing.id, if_match=None,
                                       establishment_in=EstablishmentUpdate(**changes, version=existing.version))


ESTABLISHMENTS = ResourceSpec(
    name="establishments", title_vi="Cơ sở kinh doanh dịch vụ", title_en="Establishments",
    permission=P.establishments_write, read_permission=P.establishments_read, model=Establishment,
    columns=(
        EXTERNAL_ID,
        Column("name", "Tên cơ sở", "Name", required=True, example="Karaoke Hoa Hồng"),
        Column("type", "Loại hình", "Type", "enum", required=True, enum="establishmentType", example="karaoke"),
        ORG_UNIT,
        Column("address", "Địa chỉ", "Address", example="12 phố Đội Cấn"),
        Column("owner_name", "Chủ cơ sở", "Owner", example="Nguyễn Văn Hùng"),
        Column("business_registration_no", "Số đăng ký kinh doanh", "Business registration no."),
        Column("license_no", "Số giấy phép", "License no."),
        Column("license_expires_on", "Giấy phép hết hạn", "License expires on", "date", example="31/12/2027"),
        Column("workers_female", "Số lao động nữ", "Female workers", "int", example=12),
        Column("workers_male", "Số lao động nam", "Male workers", "int", example=3),
        Column("status", "Tình trạng", "Status", "enum", enum="establishmentStatus", example="active"),
        Column("risk_level", "Mức độ nguy cơ", "Risk level", "enum", enum="riskLevel", example="medium"),
        Column("commitment_signed_on", "Ngày ký cam kết", "Commitment signed on", "date", example="15/03/2026"),
        Column("latitude", "Vĩ độ", "Latitude", "decimal"),
        Column("longitude", "Kinh độ", "Longitude", "decimal"),
    ),
    create_schema=EstablishmentCreate, create=_create_establishment, resolve=_resolve_establishment,
    update=_update_establishment,
    updatable=frozenset({"name", "type", "org_unit_id", "address", "owner_name", "business_registration_no",
                         "license_no", "license_expires_on", "workers_female", "workers_male", "status",
                         "risk_level", "commitment_signed_on", "latitude", "longitude"}),
    unit_field=None, spa_path="/establishments",
)


# --- clients ---------------------------------------------------------------------------------------

async def _resolve_client(resolver: Any, row: Row) -> None:
    _plain(row, "org_unit", "establishment")
    await _refs(resolver, row, {"org_unit": resolver.unit, "establishment": resolver.establishment})


async def _create_client(session: AsyncSession, principal: Principal, model: Any, _: dict[str, Any]) -> Any:
    return await clients.create(session, principal, client_in=model)


async def _update_client(session: AsyncSession, principal: Principal, existing: Client, changes: dict[str, Any],
                         _: dict[str, Any]) -> Any:
    return await clients.update(session, principal, existing.id, if_match=None,
                                client_in=ClientUpdate(**changes, version=existing.version))


CLIENTS = ResourceSpec(
    name="clients", title_vi="Người được hỗ trợ", title_en="Clients",
    permission=P.clients_write, read_permission=P.clients_read, model=Client,
    columns=(
        Column("external_id", "Mã tham chiếu", "External ID", required=True, example="KH-0001"),
        Column("group", "Nhóm đối tượng", "Group", "enum", required=True, enum="clientGroup",
               example="establishment_worker"),
        Column("sex", "Giới tính", "Sex", "enum", enum="sex", example="female"),
        Column("birth_year", "Năm sinh", "Birth year", "int", example=1999),
        Column("ethnicity", "Dân tộc", "Ethnicity", example="Kinh"),
        ORG_UNIT,
        Column("establishment", "Cơ sở làm việc", "Establishment", "ref", example="Karaoke Hoa Hồng"),
        Column("full_name", "Họ và tên", "Full name", example="Trần Thị Hương"),
        Column("phone", "Số điện thoại", "Phone", "phone", example="0912 345 678"),
        Column("id_number", "Số CCCD", "ID number", "id_number"),
        Column("notes", "Ghi chú", "Notes", example="Cần hỗ trợ học nghề"),
        Column("consent_data_processing_on", "Ngày đồng ý xử lý dữ liệu", "Consent to processing on", "date",
               example="05/10/2026"),
        Column("consent_share_with_providers", "Đồng ý chia sẻ với đơn vị cung cấp dịch vụ",
               "Consents to sharing with providers", "bool", example="có"),
        Column("allow_duplicate", "Vẫn tạo mới khi trùng", "Create even if a duplicate", "bool"),
    ),
    create_schema=ClientCreate, create=_create_client, resolve=_resolve_client, update=_update_client,
    updatable=frozenset({"group", "sex", "birth_year", "ethnicity", "org_unit_id", "establishment_id", "full_name",
                         "phone", "id_number", "notes", "consent_data_processing_on",
                         "consent_share_with_providers"}),
    create_only=frozenset({"allow_duplicate"}), spa_path="/clients",
)


# --- outreach contacts -----------------------------------------------------------------------------

MATERIAL_COLUMNS = tuple(
    Column(f"materials_{m.value}", f"{LABELS['material'][m.value][0]} (số lượng)",
           f"{LABELS['material'][m.value][1]} (count)", "int", example=5 if m == Material.leaflets else None)
    for m in Material
)


async def _resolve_contact(resolver: Any, row: Row) -> None:
    _plain(row, "org_unit", "establishment", "peer_group", "client", *(c.key for c in MATERIAL_COLUMNS))
    materials = {c.key.removeprefix("materials_"): row.values[c.key] for c in MATERIAL_COLUMNS if c.key in row.values}
    if materials:
        row.payload["materials"] = materials
    await _refs(resolver, row, {"org_unit": resolver.unit, "establishment": resolver.establishment,
                                "peer_group": resolver.peer_group, "client": resolver.client})


async def _contact_current(resolver: Any, contact: OutreachContact) -> dict[str, Any]:
    return {"contacted_on": contact.contacted_on, "org_unit_id": contact.org_unit_id,
            "peer_group_id": contact.peer_group_id, "client_id": contact.client_id,
            "establishment_id": contact.establishment_id, "place": contact.place,
            "first_contact": contact.first_contact, "topics": contact.topics, "materials": contact.materials,
            "needs": contact.needs, "notes": contact.notes, "external_id": contact.external_id}


async def _create_contact(session: AsyncSession, principal: Principal, model: Any, _: dict[str, Any]) -> Any:
    return await contacts.create(session, principal, contact_in=model)


async def _create_contacts(session: AsyncSession, principal: Principal, models: list[Any],
                           memo: dict[Any, Any]) -> Any:
    return await contacts.create_many(session, principal, contacts_in=models, memo=memo)


async def _update_contact(session: AsyncSession, principal: Principal, existing: OutreachContact,
                          changes: dict[str, Any], _: dict[str, Any]) -> Any:
    return await contacts.update(session, principal, existing.id, if_match=None,
                                 contact_in=ContactUpdate(**changes, version=existing.version))


CONTACTS = ResourceSpec(
    name="contacts", title_vi="Tiếp cận cộng đồng", title_en="Outreach contacts",
    permission=P.contacts_write, read_permission=P.contacts_read, model=OutreachContact,
    columns=(
        Column("external_id", "Mã tham chiếu", "External ID", required=True, example="TC-2026-0001"),
        Column("contacted_on", "Ngày tiếp cận", "Contact date", "date", required=True, example="05/10/2026"),
        ORG_UNIT,
        Column("place", "Địa điểm", "Place", "enum", required=True, enum="place", example="community"),
        Column("establishment", "Cơ sở", "Establishment", "ref"),
        Column("peer_group", "Nhóm đồng đẳng", "Peer group", "ref"),
        Column("client", "Mã người được hỗ trợ", "Client code", "ref"),
        Column("first_contact", "Lần đầu tiếp cận", "First contact", "bool", example="có"),
        Column("topics", "Chủ đề", "Topics", "enum_list", enum="topic", example="Quyền lao động; Bảo hiểm xã hội"),
        Column("needs", "Nhu cầu", "Needs", "enum_list", enum="serviceType", example="Khám sức khỏe"),
        *MATERIAL_COLUMNS,
        Column("notes", "Ghi chú", "Notes", example="Chị em cần tư vấn luật lao động"),
    ),
    create_schema=ContactCreate, create=_create_contact, resolve=_resolve_contact, update=_update_contact,
    create_many=_create_contacts, current=_contact_current,
    updatable=frozenset({"contacted_on", "establishment_id", "place", "first_contact", "topics", "materials",
                         "needs", "notes"}),
    spa_path="/contacts",
)


# --- referrals -------------------------------------------------------------------------------------

async def _resolve_referral(resolver: Any, row: Row) -> None:
    _plain(row, "client", "to_organisation", "from_organisation", "status")
    status = row.values.get("status")
    if status is not None:
        if status not in (ReferralStatus.draft, ReferralStatus.sent):
            row.errors.append(("status", CellError("status_not_importable")))  # type: ignore[arg-type]
        row.payload["send"] = status == ReferralStatus.sent
    await _refs(resolver, row, {"client": resolver.client, "to_organisation": resolver.organisation,
                                "from_organisation": resolver.organisation})


async def _referral_current(resolver: Any, referral: Referral) -> dict[str, Any]:
    return {"client_id": referral.client_id, "service_type": referral.service_type,
            "to_organisation_id": referral.to_organisation_id, "from_organisation_id": referral.from_organisation_id,
            "reason": referral.reason, "follow_up_due_on": referral.follow_up_due_on,
            "legal_basis": referral.legal_basis, "legal_basis_reason": referral.legal_basis_reason,
            "send": referral.status != ReferralStatus.draft, "external_id": referral.external_id}


async def _create_referral(session: AsyncSession, principal: Principal, model: Any, _: dict[str, Any]) -> Any:
    return await referrals.create(session, principal, referral_in=model)


async def _update_referral(session: AsyncSession, principal: Principal, existing: Referral, changes: dict[str, Any],
                           _: dict[str, Any]) -> Any:
    send = changes.pop("send", None)
    if send is False:
        raise Conflict(f"The referral is {existing.status}; it cannot go back to draft.")
    if changes:
        existing = await referrals.update(session, principal, existing.id, if_match=None,
                                          referral_in=ReferralUpdate(**changes, version=existing.version))
    if send:
        existing = await referrals.transition(session, principal, existing.id,
                                              transition_in=TransitionIn(to=ReferralStatus.sent))
    return existing


REFERRALS = ResourceSpec(
    name="referrals", title_vi="Giới thiệu, chuyển gửi dịch vụ", title_en="Referrals",
    permission=P.referrals_write, read_permission=P.referrals_read, model=Referral,
    columns=(
        Column("external_id", "Mã tham chiếu", "External ID", required=True, example="GT-2026-0001"),
        Column("client", "Mã người được hỗ trợ", "Client code", "ref", required=True, example="KH-0001"),
        Column("service_type", "Dịch vụ", "Service", "enum", required=True, enum="serviceType",
               example="legal_counselling"),
        Column("to_organisation", "Đơn vị tiếp nhận", "Referred to", "ref", required=True,
               example="Trung tâm Trợ giúp pháp lý Hà Nội"),
        Column("from_organisation", "Đơn vị giới thiệu", "Referred by", "ref"),
        Column("reason", "Lý do", "Reason", example="Tư vấn hợp đồng lao động"),
        Column("follow_up_due_on", "Hạn theo dõi", "Follow up by", "date", example="30/11/2026"),
        Column("legal_basis", "Căn cứ pháp lý", "Legal basis"),
        Column("legal_basis_reason", "Lý do áp dụng căn cứ", "Legal basis reason"),
        Column("status", "Trạng thái", "Status", "enum", enum="referralStatus", example="sent"),
    ),
    create_schema=ReferralCreate, create=_create_referral, resolve=_resolve_referral, update=_update_referral,
    current=_referral_current,
    updatable=frozenset({"reason", "follow_up_due_on", "legal_basis", "legal_basis_reason", "send"}),
    unit_field=None, spa_path="/referrals",
)


# --- peer groups and members -----------------------------------------------------------------------

async def _resolve_group(resolver: Any, row: Row) -> None:
    _plain(row, "org_unit")
    await _refs(resolver, row, {"org_unit": resolver.unit})


async def _create_group(session: AsyncSession, principal: Principal, model: Any, _: dict[str, Any]) -> Any:
    return await peer_groups.create(session, principal, group_in=model)


async def _update_group(session: AsyncSession, principal: Principal, existing: PeerGroup, changes: dict[str, Any],
                        _: dict[str, Any]) -> Any:
    return await peer_groups.update(session, principal, existing.id, if_match=None,
                                    group_in=PeerGroupUpdate(**changes, version=existing.version))


PEER_GROUPS = ResourceSpec(
    name="peer-groups", title_vi="Nhóm đồng đẳng", title_en="Peer groups",
    permission=P.peer_groups_write, read_permission=P.peer_groups_read, model=PeerGroup,
    columns=(
        Column("external_id", "Mã tham chiếu", "External ID", required=True, example="NHOM-01"),
        Column("name", "Tên nhóm", "Name", required=True, example="Nhóm đồng đẳng Hoa Sen"),
        Column("kind", "Loại nhóm", "Kind", "enum", required=True, enum="peerGroupKind", example="peer_group"),
        ORG_UNIT,
        Column("established_on", "Ngày thành lập", "Established on", "date", example="01/03/2025"),
        Column("active", "Đang hoạt động", "Active", "bool", example="có"),
    ),
    create_schema=PeerGroupCreate, create=_create_group, resolve=_resolve_group, update=_update_group,
    updatable=frozenset({"name", "kind", "established_on", "active"}), spa_path="/peer-groups",
)


async def _resolve_member(resolver: Any, row: Row) -> None:
    _plain(row, "peer_group")
    await _refs(resolver, row, {"peer_group": resolver.peer_group})


async def _create_member(session: AsyncSession, principal: Principal, model: Any, payload: dict[str, Any]) -> Any:
    return await peer_groups.add_member(session, principal, payload["peer_group_id"], member_in=model)


async def _update_member(session: AsyncSession, principal: Principal, existing: PeerGroupMember,
                         changes: dict[str, Any], _: dict[str, Any]) -> Any:
    return await peer_groups.update_member(session, principal, existing.peer_group_id, existing.id, if_match=None,
                                           member_in=MemberUpdate(**changes, version=existing.version))


MEMBERS = ResourceSpec(
    name="peer-group-members", title_vi="Thành viên nhóm đồng đẳng", title_en="Peer group members",
    permission=P.peer_groups_write, read_permission=P.peer_groups_read, model=PeerGroupMember,
    columns=(
        Column("external_id", "Mã tham chiếu", "External ID", required=True, example="TV-01"),
        Column("peer_group", "Nhóm", "Peer group", "ref", required=True, example="NHOM-01"),
        Column("full_name", "Họ và tên", "Full name", required=True, example="Lê Thị Mai"),
        Column("phone", "Số điện thoại", "Phone", "phone"),
        Column("member_role", "Vai trò", "Role", "enum", enum="memberRole", example="core_member"),
        Column("joined_on", "Ngày tham gia", "Joined on", "date", example="01/03/2025"),
        Column("left_on", "Ngày rời nhóm", "Left on", "date"),
    ),
    create_schema=MemberCreate, create=_create_member, resolve=_resolve_member, update=_update_member,
    updatable=frozenset({"full_name", "phone", "member_role", "joined_on", "left_on"}),
    context=frozenset({"peer_group_id"}), unit_field="peer_group_id", spa_path="/peer-groups",
)


# --- activities ------------------------------------------------------------------------------------

async def _resolve_activity(resolver: Any, row: Row) -> None:
    _plain(row, "org_unit", "organiser", "peer_group")
    await _refs(resolver, row, {"org_unit": resolver.unit, "organiser": resolver.organisation,
                                "peer_group": resolver.peer_group})


async def _create_activity(session: AsyncSession, principal: Principal, model: Any, _: dict[str, Any]) -> Any:
    return await activities.create(session, principal, activity_in=model)


async def _update_activity(session: AsyncSession, principal: Principal, existing: Activity, changes: dict[str, Any],
                           _: dict[str, Any]) -> Any:
    return await activities.update(session, principal, existing.id, if_match=None,
                                   activity_in=ActivityUpdate(**changes, version=existing.version))


ACTIVITIES = ResourceSpec(
    name="activities", title_vi="Hoạt động", title_en="Activities",
    permission=P.activities_write, read_permission=P.activities_read, model=Activity,
    columns=(
        Column("external_id", "Mã tham chiếu", "External ID", required=True, example="HD-2026-01"),
        Column("kind", "Loại hoạt động", "Kind", "enum", required=True, enum="activityKind", example="training"),
        Column("title", "Tên hoạt động", "Title", required=True, example="Tập huấn kỹ năng tiếp cận cộng đồng"),
        Column("starts_on", "Ngày bắt đầu", "Starts on", "date", required=True, example="20/10/2026"),
        Column("ends_on", "Ngày kết thúc", "Ends on", "date"),
        ORG_UNIT,
        Column("organiser", "Đơn vị tổ chức", "Organiser", "ref"),
        Column("peer_group", "Nhóm đồng đẳng", "Peer group", "ref"),
        Column("participants_total", "Tổng số người tham gia", "Participants", "int", example=40),
        Column("participants_female", "Số nữ tham gia", "Female participants", "int", example=31),
        Column("location", "Địa điểm", "Location", example="Nhà văn hóa phường"),
        Column("description", "Mô tả", "Description"),
    ),
    create_schema=ActivityCreate, create=_create_activity, resolve=_resolve_activity, update=_update_activity,
    updatable=frozenset({"kind", "title", "starts_on", "ends_on", "organiser_id", "peer_group_id",
                         "participants_total", "participants_female", "location", "description"}),
    spa_path="/activities",
)


# --- budget lines and expenditures -----------------------------------------------------------------

async def _plan_of(resolver: Any, row: Row) -> Any:
    if "plan" not in row.values:
        return None
    try:
        plan_id = await resolver.plan(row.values["plan"], row.values.get("plan_year"))
    except CellError as exc:
        row.errors.append(("plan", exc))  # type: ignore[arg-type]
        return None
    row.payload["plan_id"] = plan_id
    return plan_id


async def _resolve_line(resolver: Any, row: Row) -> None:
    _plain(row, "plan", "plan_year")
    await _plan_of(resolver, row)


async def _create_line(session: AsyncSession, principal: Principal, model: Any, _: dict[str, Any]) -> Any:
    return await plans.create_line(session, principal, line_in=model)


async def _update_line(session: AsyncSession, principal: Principal, existing: BudgetLine, changes: dict[str, Any],
                       payload: dict[str, Any]) -> Any:
    return await plans.update_line(session, principal, existing.id, if_match=None, line_in=BudgetLineUpdate(
        **changes, revision_reason=payload.get("revision_reason"), version=existing.version))


PLAN = Column("plan", "Số kế hoạch", "Plan number", "ref", required=True, example="149/KH-UBND")
PLAN_YEAR = Column("plan_year", "Năm kế hoạch", "Plan year", "int", example=2026)

BUDGET_LINES = ResourceSpec(
    name="budget-lines", title_vi="Dòng dự toán", title_en="Budget lines",
    permission=P.plans_write, read_permission=P.plans_read, model=BudgetLine,
    columns=(
        PLAN, PLAN_YEAR,
        Column("code", "Mã dòng", "Line code", required=True, example="1.1"),
        Column("title", "Nội dung", "Title", required=True, example="Sinh hoạt nhóm đồng đẳng hằng tháng"),
        Column("category", "Nhóm nội dung", "Category", "enum", required=True, enum="budgetCategory",
               example="peer_groups"),
        Column("funding_source", "Nguồn kinh phí", "Funding source", "enum", required=True, enum="fundingSource",
               example="provincial"),
        Column("allocated_vnd", "Dự toán (đồng)", "Allocated (VND)", "money", required=True, example="24.000.000"),
        Column("revision_reason", "Lý do điều chỉnh", "Revision reason"),
    ),
    create_schema=BudgetLineCreate, create=_create_line, resolve=_resolve_line, update=_update_line,
    updatable=frozenset({"title", "category", "funding_source", "allocated_vnd"}),
    create_only=frozenset({"revision_reason"}), key_field="code", unit_field="plan_id", spa_path="/plans",
)


async def _resolve_expenditure(resolver: Any, row: Row) -> None:
    _plain(row, "plan", "plan_year", "budget_line", "activity")
    plan_id = await _plan_of(resolver, row)
    if plan_id is not None and "budget_line" in row.values:
        try:
            row.payload["budget_line_id"] = await resolver.budget_line(plan_id, row.values["budget_line"])
        except CellError as exc:
            row.errors.append(("budget_line", exc))  # type: ignore[arg-type]
    await _refs(resolver, row, {"activity": resolver.activity})


async def _create_expenditure(session: AsyncSession, principal: Principal, model: Any, _: dict[str, Any]) -> Any:
    return await plans.create_expenditure(session, principal, expenditure_in=model)


EXPENDITURES = ResourceSpec(
    name="expenditures", title_vi="Chi tiêu", title_en="Expenditures",
    permission=P.plans_write, read_permission=P.plans_read, model=Expenditure,
    columns=(
        Column("external_id", "Mã tham chiếu", "External ID", required=True, example="CT-2026-001"),
        PLAN, PLAN_YEAR,
        Column("budget_line", "Mã dòng", "Line code", "ref", required=True, example="1.1"),
        Column("spent_on", "Ngày chi", "Spent on", "date", required=True, example="25/10/2026"),
        Column("amount_vnd", "Số tiền (đồng)", "Amount (VND)", "money", required=True, example="1.500.000"),
        Column("description", "Nội dung chi", "Description", required=True, example="Nước uống sinh hoạt nhóm"),
        Column("voucher_no", "Số chứng từ", "Voucher no.", example="PC-102"),
        Column("activity", "Hoạt động", "Activity", "ref"),
        Column("override_reason", "Lý do vượt dự toán", "Override reason"),
    ),
    create_schema=ExpenditureCreate, create=_create_expenditure, resolve=_resolve_expenditure,
    create_only=frozenset({"override_reason", "plan_id"}), context=frozenset({"plan_id"}), spa_path="/plans",
)

RESOURCES: dict[str, ResourceSpec] = {spec.name: spec for spec in (
    ESTABLISHMENTS, CLIENTS, CONTACTS, REFERRALS, PEER_GROUPS, MEMBERS, ACTIVITIES, BUDGET_LINES, EXPENDITURES)}
