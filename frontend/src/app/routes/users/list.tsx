import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { Empty, LoadMore, Loading } from '@/components/Status';
import { useUsers } from '@/features/users/api/users';
import { Can } from '@/lib/can';
import { ROLES } from '@/lib/enums';
import { useDebounced } from '@/lib/use-debounced';
import type { UserQuery } from '@/lib/api-types';

export function UserListRoute() {
  const { t } = useTranslation('users');
  const { t: te } = useTranslation('enums');
  const { t: tc } = useTranslation();
  const [q, setQ] = useState('');
  const [role, setRole] = useState('');
  const debouncedQ = useDebounced(q.trim(), 300);
  const filters: Record<string, string> = {};
  if (debouncedQ) filters.q = debouncedQ;
  if (role) filters.role = role;
  const query = useUsers(filters as Omit<UserQuery, 'cursor' | 'limit'>);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('title')}
        actions={
          <Can permission="users:write">
            <Link to="/users/new" className="btn btn--primary" data-testid="user-new">
              {t('new')}
            </Link>
          </Can>
        }
      />
      <form className="filters" role="search" aria-label={t('filters.label')} onSubmit={(e) => e.preventDefault()}>
        <div className="field filters__search">
          <label htmlFor="user-search">{t('filters.search')}</label>
          <input
            id="user-search"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            data-testid="user-search"
          />
        </div>
        <div className="field">
          <label htmlFor="user-role">{t('fields.role')}</label>
          <select id="user-role" value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="">{tc('all')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {te(`role.${r}`)}
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
          <table className="table table--cards" data-testid="user-table">
            <thead>
              <tr>
                <th scope="col">{t('fields.username')}</th>
                <th scope="col">{t('fields.fullName')}</th>
                <th scope="col">{t('fields.role')}</th>
                <th scope="col">{t('fields.active')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((u) => (
                <tr key={u.id} data-testid="user-row" className={u.active ? '' : 'is-inactive'}>
                  <td data-label={t('fields.username')} className="table__primary">
                    <Link to={`/users/${u.id}`}>{u.username}</Link>
                  </td>
                  <td data-label={t('fields.fullName')}>{u.full_name}</td>
                  <td data-label={t('fields.role')}>{te(`role.${u.role}`)}</td>
                  <td data-label={t('fields.active')}>
                    <span className={`badge ${u.active ? 'badge--ok' : 'badge--muted'}`}>
                      {u.active ? t('active') : t('inactive')}
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
