import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/Alert';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { Empty, LoadMore, Loading } from '@/components/Status';
import { OrgUnitPicker } from '@/features/org-units/components/OrgUnitPicker';
import { downloadHsds, useServiceDirectory } from '@/features/referrals/api/service-directory';
import { ServiceDirectoryList } from '@/features/referrals/components/ServiceDirectoryList';
import type { ServiceDirectoryQuery, ServiceType } from '@/lib/api-types';
import { SERVICE_TYPES } from '@/lib/enums';
import { formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useDebounced } from '@/lib/use-debounced';
import { useSearchFilters } from '@/lib/use-search-filters';

/** Who provides what, where: filter, print as a one-page list, or download as HSDS JSON. */
export function ServiceDirectoryRoute() {
  const { t } = useTranslation('referrals');
  const { t: te } = useTranslation('enums');
  const [params, set] = useSearchFilters();
  const service = (params.get('service') ?? '') as ServiceType | '';
  const area = params.get('org_unit');
  const [q, setQ] = useState(params.get('q') ?? '');
  const debouncedQ = useDebounced(q.trim(), 300);
  const [downloadFailed, setDownloadFailed] = useState(false);
  const filters = useMemo(() => {
    const f: Omit<ServiceDirectoryQuery, 'cursor' | 'limit'> = {};
    if (service) f.service = service;
    if (area) f.org_unit = area;
    if (debouncedQ) f.q = debouncedQ;
    return f;
  }, [service, area, debouncedQ]);
  const query = useServiceDirectory(filters);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="directory">
      <PageHeader
        title={t('services.title')}
        actions={
          <>
            <button
              type="button"
              className="btn btn--secondary"
              onClick={() => window.print()}
              data-testid="directory-print"
            >
              {t('services.print')}
            </button>
            <button
              type="button"
              className="btn btn--ghost"
              data-testid="directory-hsds"
              onClick={() => {
                setDownloadFailed(false);
                downloadHsds().catch(() => setDownloadFailed(true));
              }}
            >
              {t('services.hsds')}
            </button>
          </>
        }
      />
      <div className="print-only print-header">
        <h1>{t('services.printTitle')}</h1>
        <p>
          {[service ? te(`serviceType.${service}`) : t('services.allServices'), debouncedQ].filter(Boolean).join(' · ')}
          {' — '}
          {t('services.printedOn', { date: formatDate(new Date().toISOString(), currentLanguage()) })}
        </p>
      </div>
      {downloadFailed ? <Alert>{t('services.hsdsFailed')}</Alert> : null}
      <div className="filters filters--inline no-print">
        <label className="field field--inline">
          <span>{t('services.search')}</span>
          <input
            type="search"
            value={q}
            placeholder={t('services.searchPlaceholder')}
            onChange={(e) => {
              setQ(e.target.value);
              set('q', e.target.value.trim() || null);
            }}
            data-testid="directory-q"
          />
        </label>
        <label className="field field--inline">
          <span>{t('services.service')}</span>
          <select
            value={service}
            onChange={(e) => set('service', e.target.value || null)}
            data-testid="directory-service"
          >
            <option value="">{t('services.allServices')}</option>
            {SERVICE_TYPES.map((s) => (
              <option key={s} value={s}>
                {te(`serviceType.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="field field--inline">
          <span>{t('services.area')}</span>
          <OrgUnitPicker
            value={area}
            inScope={false}
            onChange={(id) => set('org_unit', id)}
            data-testid="directory-area"
          />
        </div>
      </div>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorView error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('services.empty')}</Empty>
      ) : (
        <>
          <p className="muted small no-print" aria-live="polite">
            {t('services.shown', { count: items.length })}
          </p>
          <ServiceDirectoryList items={items} highlight={service || null} />
          <div className="no-print">
            <LoadMore
              hasMore={query.hasNextPage}
              loading={query.isFetchingNextPage}
              onClick={() => void query.fetchNextPage()}
            />
          </div>
        </>
      )}
    </div>
  );
}
