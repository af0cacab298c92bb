import type {
  ActivityKind,
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
