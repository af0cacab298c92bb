import type { ReactNode } from 'react';
import { PeriodPicker } from '@/components/PeriodPicker';
import { OrgUnitPicker } from '@/features/org-units/components/OrgUnitPicker';
import { useAuth } from '@/lib/auth';
import { currentQuarter } from '@/lib/period';
import { useSearchFilters } from '@/lib/use-search-filters';

/** Where and when an aggregate page looks, kept in the URL. Defaults: the user's own unit and the
 *  quarter Vietnam is in. */
export function useUnitPeriodParams() {
  const { user } = useAuth();
  const [params, set] = useSearchFilters();
  const orgUnit = params.get('org_unit') || user?.org_unit.id || '';
  const period = params.get('period') || currentQuarter();
  return { orgUnit, period, set };
}

/** The unit and period pickers of an aggregate page (dashboard, consolidated report). */
export function UnitPeriodFilters({
  unitLabel,
  periodLabel,
  testIdPrefix,
  children,
}: {
  unitLabel: string;
  periodLabel: string;
  testIdPrefix: string;
  children?: ReactNode;
}) {
  const { user } = useAuth();
  const { orgUnit, period, set } = useUnitPeriodParams();
  return (
    <div className="filters filters--inline">
      <div className="field field--inline">
        <span>{unitLabel}</span>
        <OrgUnitPicker
          value={orgUnit}
          fallbackLabel={orgUnit === user?.org_unit.id ? user.org_unit.name : null}
          onChange={(id) => set('org_unit', id)}
          data-testid={`${testIdPrefix}-unit`}
        />
      </div>
      <div className="field field--inline">
        <span>{periodLabel}</span>
        <PeriodPicker value={period} onChange={(code) => set('period', code)} data-testid={`${testIdPrefix}-period`} />
      </div>
      {children}
    </div>
  );
}
