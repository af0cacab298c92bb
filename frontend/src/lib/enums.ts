import type {
  ActivityKind,
  BudgetCategory,
  FundingSource,
  PlanStatus,
  CaseStatus,
  Exploitation,
  VictimSource,
  ClientGroup,
  Establishment,
  Inspection,
  Me,
  MemberRole,
  Organisation,
  PeerGroupKind,
  Place,
  ServiceType,
  Sex,
  Topic,
} from './api-types';

// Codes defined by the API; their labels live in locales/*/enums.json.
export const ROLES = [
  'admin',
  'program_manager',
  'case_worker',
  'peer_educator',
  'service_provider',
  'inspector',
  'finance_officer',
  'viewer',
] as const satisfies readonly Me['role'][];

export const ESTABLISHMENT_TYPES = [
  'karaoke',
  'massage_sauna',
  'bar_club',
  'hotel_guesthouse',
  'restaurant',
  'cafe',
  'beauty_spa',
  'other',
] as const satisfies readonly Establishment['type'][];

export const ESTABLISHMENT_STATUSES = [
  'active',
  'suspended',
  'closed',
] as const satisfies readonly Establishment['status'][];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const satisfies readonly NonNullable<
  Establishment['risk_level']
>[];

export const VIOLATIONS = [
  'unlicensed',
  'expired_license',
  'underage_worker',
  'no_labour_contract',
  'unpaid_wages',
  'prostitution',
  'drugs',
  'fire_safety',
  'hygiene',
  'other',
] as const satisfies readonly Inspection['violations'][number][];

export const ORGANISATION_KINDS = [
  'social_affairs_office',
  'health_department',
  'police',
  'health_center',
  'women_union',
  'culture_office',
  'legal_aid_center',
  'vocational_school',
  'social_policy_bank',
  'social_work_center',
  'ngo',
  'peer_group',
  'other',
] as const satisfies readonly Organisation['kind'][];

export const SERVICE_TYPES = [
  'health_check',
  'sti_hiv_testing',
  'health_insurance_card',
  'social_insurance',
  'legal_counselling',
  'psychological_counselling',
  'vocational_training',
  'job_placement',
  'loan',
  'shelter',
  'education',
  'essential_needs',
  'reintegration_allowance',
  'other',
] as const satisfies readonly ServiceType[];

export const TOPICS = [
  'labour_rights',
  'social_insurance',
  'health_hiv_sti',
  'gbv',
  'trafficking_risk',
  'legal',
  'other',
] as const satisfies readonly Topic[];

/** Materials handed out, counted (keys of `materials`). */
export const MATERIALS = ['leaflets', 'condoms', 'lubricants', 'booklets', 'cards', 'other'] as const;
export type Material = (typeof MATERIALS)[number];

export const PLACES = ['establishment', 'hotspot', 'community', 'online', 'office'] as const satisfies readonly Place[];

export const SEXES = ['female', 'male', 'other', 'unknown'] as const satisfies readonly Sex[];

export const CLIENT_GROUPS = [
  'establishment_worker',
  'sex_worker',
  'trafficking_victim',
  'at_risk',
] as const satisfies readonly ClientGroup[];

export const ACTIVITY_KINDS = [
  'group_meeting',
  'training',
  'communication_event',
  'tripartite_dialogue',
  'workshop',
  'review_conference',
  'other',
] as const satisfies readonly ActivityKind[];

export const PEER_GROUP_KINDS = [
  'peer_group',
  'worker_group',
  'self_help_group',
  'club',
] as const satisfies readonly PeerGroupKind[];

export const MEMBER_ROLES = [
  'leader',
  'deputy',
  'core_member',
  'peer_educator',
  'collaborator',
  'member',
] as const satisfies readonly MemberRole[];

export const ORG_UNIT_LEVELS = ['province', 'district', 'commune'] as const;

/** Victim case steps in order; `closed` may end a case from any step (with a reason). */
export const CASE_STATUSES = [
  'under_identification',
  'identified',
  'received',
  'supported',
  'reintegrated',
  'closed',
] as const satisfies readonly CaseStatus[];

export const VICTIM_SOURCES = [
  'hotline_111',
  'police',
  'border_guard',
  'self_reported',
  'repatriated',
  'ngo',
  'other',
] as const satisfies readonly VictimSource[];

export const EXPLOITATIONS = [
  'sexual',
  'forced_labour',
  'forced_marriage',
  'organ_removal',
  'surrogacy',
  'other',
  'unknown',
] as const satisfies readonly Exploitation[];

export const AGE_GROUPS = ['<16', '16-17', '18-24', '25-34', '35+', 'unknown'] as const;

export const BUDGET_CATEGORIES = [
  'peer_groups',
  'communication_dialogue',
  'service_connection',
  'inspection_capacity',
  'victim_support',
  'training',
  'management',
  'other',
] as const satisfies readonly BudgetCategory[];

export const FUNDING_SOURCES = [
  'central',
  'provincial',
  'district',
  'commune',
  'international',
  'socialised',
] as const satisfies readonly FundingSource[];

export const PLAN_STATUSES = ['draft', 'approved'] as const satisfies readonly PlanStatus[];

/** Indicators a plan may set a target for (PRODUCT.md §3). */
export const PLAN_INDICATORS = [
  'establishments_total',
  'establishments_with_commitment',
  'inspections',
  'inspections_with_violations',
  'people_reached',
  'people_with_needs',
  'people_referred',
  'referral_rate',
  'referrals_completed',
  'referral_completion_rate',
  'median_days_to_completion',
  'victims_identified',
  'victims_supported',
  'activities',
  'participants',
  'peer_groups_active',
  'peer_group_members',
  'budget_allocated_vnd',
  'budget_spent_vnd',
  'budget_execution_rate',
] as const;
export type PlanIndicator = (typeof PLAN_INDICATORS)[number];
