import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { Loading } from '@/components/Status';
import { useUser } from '@/features/users/api/users';
import { UserCreateForm, UserEditForm } from '@/features/users/components/UserForms';

export function UserCreateRoute() {
  const { t } = useTranslation('users');
  const navigate = useNavigate();
  return (
    <>
      <PageHeader back={<Link to="/users">← {t('backToList')}</Link>} title={t('new')} />
      <UserCreateForm onSaved={() => navigate('/users')} onCancel={() => navigate('/users')} />
    </>
  );
}

export function UserEditRoute() {
  const { id = '' } = useParams();
  const { t } = useTranslation('users');
  const navigate = useNavigate();
  const query = useUser(id);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <>
      <PageHeader
        back={<Link to="/users">← {t('backToList')}</Link>}
        title={t('editTitle', { username: query.data.item.username })}
      />
      <UserEditForm
        key={`${query.data.etag ?? ''}-${query.data.item.version}`}
        current={query.data}
        onSaved={() => navigate('/users')}
        onCancel={() => navigate('/users')}
        onReload={() => void query.refetch()}
      />
    </>
  );
}
