import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { Loading } from '@/components/Status';
import { useEstablishment } from '@/features/establishments/api/get-establishment';
import { EstablishmentForm } from '@/features/establishments/components/EstablishmentForm';

export function EstablishmentCreateRoute() {
  const { t } = useTranslation('establishments');
  const navigate = useNavigate();
  return (
    <>
      <PageHeader back={<Link to="/establishments">← {t('backToList')}</Link>} title={t('new')} />
      <EstablishmentForm
        onSaved={(id) => navigate(`/establishments/${id}`)}
        onCancel={() => navigate('/establishments')}
      />
    </>
  );
}

export function EstablishmentEditRoute() {
  const { id = '' } = useParams();
  const { t } = useTranslation('establishments');
  const navigate = useNavigate();
  const query = useEstablishment(id);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <>
      <PageHeader back={<Link to={`/establishments/${id}`}>← {query.data.item.name}</Link>} title={t('edit')} />
      <EstablishmentForm
        // Remount on reload so the form shows the fresh version.
        key={`${query.data.etag ?? ''}-${query.data.item.version}`}
        current={query.data}
        onSaved={() => navigate(`/establishments/${id}`)}
        onCancel={() => navigate(`/establishments/${id}`)}
        onReload={() => void query.refetch()}
      />
    </>
  );
}
