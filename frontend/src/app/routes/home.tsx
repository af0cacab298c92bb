import { Navigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/PageHeader';
import { useAuth } from '@/lib/auth';
import { firstAllowedPath } from '../nav';

export function HomeRoute() {
  const { hasPermission, user } = useAuth();
  return <Navigate to={firstAllowedPath(hasPermission, user?.home)} replace />;
}

export function WelcomeRoute() {
  const { t } = useTranslation();
  const { user } = useAuth();
  return (
    <>
      <PageHeader title={t('welcome.title', { name: user?.full_name ?? '' })} />
      <p>{t('welcome.noModules')}</p>
    </>
  );
}

export function NotFoundRoute() {
  const { t } = useTranslation();
  return <PageHeader title={t('errors.pageNotFound')} />;
}
