import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { Empty, LoadMore, Loading } from '@/components/Status';
import { useOrganisations } from '@/features/organisations/api/list-organisations';
import type { OrganisationQuery } from '@/lib/api-types';
import { Can } from '@/lib/can';
import { ORGANISATION_KINDS } from '@/lib/enums';
import { useDebounced } from '@/lib/use-debounced';

export function OrganisationListRoute() {
  const { t } = useTranslation('organisations');
  const { t: te } = useTranslation('enums');
  const { t: tc } = useTranslation();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState('');
  const debouncedQ = useDebounced(q.trim(), 300);
  const filters: Record<string, string> = {};
  if (debouncedQ) filters.q = debouncedQ;
  if (kind) filters.kind = kind;
  const query = useOrganisations(filters as Omit<OrganisationQuery, 'cursor' | 'limit'>);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('title')}
        actions={
          <Can permission="organisations:write">
            <Link to="/organisations/new" className="btn btn--primary" data-testid="organisation-new">
              {t('new')}
            </Link>
          </Can>
        }
      />
      <form className="filters" role="search" aria-label={t('filters.label')} onSubmit={(e) => e.preventDefault()}>
        <div className="field filters__search">
          <label htmlFor="org-search">{t('filters.search')}</label>
          <input id="org-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="org-kind">{t('fields.kind')}</label>
          <select id="org-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            <option value="">{tc('all')}</option>
            {ORGANISATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {te(`organisationKind.${k}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorView error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Empty />
      ) : (
        <>
          <table className="table table--cards" data-testid="organisation-table">
            <thead>
              <tr>
                <th scope="col">{t('fields.name')}</th>
                <th scope="col">{t('fields.kind')}</th>
                <th scope="col">{t('fields.phone')}</th>
                <th scope="col">{t('fields.active')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((o) => (
                <tr key={o.id} data-testid="organisation-row">
                  <td data-label={t('fields.name')} className="table__primary">
                    <Link to={`/organisations/${o.id}`}>{o.name}</Link>
                    {o.address ? <div className="muted small">{o.address}</div> : null}
                  </td>
                  <td data-label={t('fields.kind')}>{te(`organisationKind.${o.kind}`)}</td>
                  <td data-label={t('fields.phone')}>{o.phone ?? ''}</td>
                  <td data-label={t('fields.active')}>
                    <span className={`badge ${o.active ? 'badge--ok' : 'badge--muted'}`}>
                      {o.active ? t('active') : t('inactive')}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <LoadMore
            hasMore={query.hasNextPage}
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          />
        </>
      )}
    </>
  );
}
