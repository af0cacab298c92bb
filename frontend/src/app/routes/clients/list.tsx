import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { Empty, LoadMore, Loading } from '@/components/Status';
import { useClients } from '@/features/clients/api/list-clients';
import { ClientTable } from '@/features/clients/components/ClientTable';
import { ExportButtons } from '@/features/imports/components/ExportButtons';
import { useDebounced } from '@/lib/use-debounced';

export function ClientListRoute() {
  const { t } = useTranslation('clients');
  const [params, setParams] = useSearchParams();
  const text = params.get('q') ?? '';
  const term = useDebounced(text.trim().toUpperCase(), 300);
  const query = useClients(term ? { q: term } : {});
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        title={t('title')}
        actions={<ExportButtons resource="clients" permission="clients:read" filters={term ? { q: term } : {}} />}
      />
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label className="field filters__search">
          <span>{t('searchLabel')}</span>
          <input
            type="search"
            value={text}
            placeholder={t('searchPlaceholder')}
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            maxLength={20}
            onChange={(e) => setParams(e.target.value ? { q: e.target.value } : {}, { replace: true })}
            data-testid="client-search"
          />
        </label>
        <p className="field__hint">{t('searchHint')}</p>
      </form>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorView error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('empty')}</Empty>
      ) : (
        <>
          <p className="muted small" aria-live="polite" data-testid="result-count">
            {t('shown', { count: items.length })}
          </p>
          <ClientTable items={items} />
          <LoadMore
            hasMore={query.hasNextPage}
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          />
        </>
      )}
      <p>
        <Link to="/contacts">{t('timeline.title')}</Link>
      </p>
    </>
  );
}
