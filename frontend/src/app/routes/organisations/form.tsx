import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { Loading } from '@/components/Status';
import { useOrganisation } from '@/features/organisations/api/get-organisation';
import { OrganisationForm } from '@/features/organisations/components/OrganisationForm';
import { useCan } from '@/lib/can';

export function OrganisationCreateRoute() {
  const { t } = useTranslation('organisations');
  const navigate = useNavigate();
  return (
    <>
      <PageHeader back={<Link to="/organisations">← {t('backToList')}</Link>} title={t('new')} />
      <OrganisationForm onSaved={() => navigate('/organisations')} onCancel={() => navigate('/organisations')} />
    </>
  );
}

export function OrganisationEditRoute() {
  const { id = '' } = useParams();
  const { t } = useTranslation('organisations');
  const navigate = useNavigate();
  const canWrite = useCan('organisations:write');
  const query = useOrganisation(id);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <>
      <PageHeader back={<Link to="/organisations">← {t('backToList')}</Link>} title={query.data.item.name} />
      {canWrite ? (
        <OrganisationForm
          key={`${query.data.etag ?? ''}-${query.data.item.version}`}
          current={query.data}
          onSaved={() => navigate('/organisations')}
          onCancel={() => navigate('/organisations')}
          onReload={() => void query.refetch()}
        />
      ) : (
        <p className="muted">{t('readOnly')}</p>
      )}
    </>
  );
}
