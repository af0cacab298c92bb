import type { OrgUnit } from '@/lib/api-types';

/** "Phường Ba Đình — Thành phố Hà Nội" */
export function orgUnitLabel(unit: Pick<OrgUnit, 'name' | 'parent_name'>): string {
  return unit.parent_name ? `${unit.name} — ${unit.parent_name}` : unit.name;
}
