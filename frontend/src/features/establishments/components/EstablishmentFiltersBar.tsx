import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgUnitPicker } from '@/features/org-units/components/OrgUnitPicker';
import { ESTABLISHMENT_STATUSES, ESTABLISHMENT_TYPES, RISK_LEVELS } from '@/lib/enums';
import { useDebounced } from '@/lib/use-debounced';
import type { EstablishmentFilters } from '../schemas';

interface Props {
  filters: EstablishmentFilters;
  onChange: (patch: Partial<EstablishmentFilters>) => void;
  onReset: () => void;
}

export function EstablishmentFiltersBar({ filters, onChange, onReset }: Props) {
  const { t } = useTranslation('establishments');
  const { t: te } = useTranslation('enums');
  const { t: tc } = useTranslation();
  const [q, setQ] = useState(filters.q);
  // On phones the filters other than search fold away behind a button.
  const [moreOpen, setMoreOpen] = useState(false);
  const active = (['org_unit', 'type', 'status', 'risk_level', 'has_commitment', 'sort'] as const).filter(
    (k) => filters[k] !== '',
  ).length;
  const debouncedQ = useDebounced(q, 300);
  useEffect(() => {
    if (debouncedQ !== filters.q) onChange({ q: debouncedQ });
    // Only the debounced text drives the URL.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debouncedQ]);
  useEffect(() => setQ(filters.q), [filters.q]);

  return (
    <form className="filters" role="search" aria-label={t('filters.label')} onSubmit={(e) => e.preventDefault()}>
      <div className="filters__search field">
        <label htmlFor="establishment-search">{t('filters.search')}</label>
        <input
          id="establishment-search"
          type="search"
          placeholder={t('filters.searchPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          data-testid="establishment-search"
        />
      </div>
      <button
        type="button"
        className="btn btn--ghost filters__toggle"
        aria-expanded={moreOpen}
        aria-controls="establishment-filters-more"
        onClick={() => setMoreOpen((o) => !o)}
      >
        {t('filters.more', { count: active })}
      </button>
      <div id="establishment-filters-more" className={`filters__more${moreOpen ? ' is-open' : ''}`}>
        <div className="field">
          <label htmlFor="filter-org-unit">{t('fields.orgUnit')}</label>
          <OrgUnitPicker
            id="filter-org-unit"
            value={filters.org_unit || null}
            onChange={(id) => onChange({ org_unit: id ?? '' })}
            data-testid="filter-org-unit"
          />
        </div>
        <div className="field">
          <label htmlFor="filter-type">{t('fields.type')}</label>
          <select id="filter-type" value={filters.type} onChange={(e) => onChange({ type: e.target.value })}>
            <option value="">{tc('all')}</option>
            {ESTABLISHMENT_TYPES.map((code) => (
              <option key={code} value={code}>
                {te(`establishmentType.${code}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-status">{t('fields.status')}</label>
          <select id="filter-status" value={filters.status} onChange={(e) => onChange({ status: e.target.value })}>
            <option value="">{tc('all')}</option>
            {ESTABLISHMENT_STATUSES.map((code) => (
              <option key={code} value={code}>
                {te(`establishmentStatus.${code}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-risk">{t('fields.riskLevel')}</label>
          <select
            id="filter-risk"
            value={filters.risk_level}
            onChange={(e) => onChange({ risk_level: e.target.value })}
          >
            <option value="">{tc('all')}</option>
            {RISK_LEVELS.map((code) => (
              <option key={code} value={code}>
                {te(`riskLevel.${code}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-commitment">{t('filters.commitment')}</label>
          <select
            id="filter-commitment"
            value={filters.has_commitment}
            onChange={(e) => onChange({ has_commitment: e.target.value })}
          >
            <option value="">{tc('all')}</option>
            <option value="true">{t('filters.withCommitment')}</option>
            <option value="false">{t('filters.withoutCommitment')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-sort">{t('filters.sort')}</label>
          <select id="filter-sort" value={filters.sort} onChange={(e) => onChange({ sort: e.target.value })}>
            <option value="">{t('filters.sortDefault')}</option>
            <option value="name">{t('filters.sortName')}</option>
            <option value="-created_at">{t('filters.sortNewest')}</option>
          </select>
        </div>
        <div className="filters__actions">
          <button type="button" className="btn btn--ghost" onClick={onReset}>
            {tc('actions.resetFilters')}
          </button>
        </div>
      </div>
    </form>
  );
}
