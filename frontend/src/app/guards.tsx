import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/Alert';
import { Loading } from '@/components/Status';
import { useAuth } from '@/lib/auth';
import type { Permission } from '@/lib/can';

export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, signedOut } = useAuth();
  const location = useLocation();
  if (status === 'loading')
    return (
      <div className="page-center">
        <Loading />
      </div>
    );
  if (status === 'anonymous') {
    // Someone who signed out hands the device over: the next person starts on their own home screen.
    const next = signedOut ? '/' : `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { hasPermission } = useAuth();
  const { t } = useTranslation();
  if (!hasPermission(permission)) return <Alert title={t('errors.forbidden')}>{t('errors.forbiddenBody')}</Alert>;
  return <>{children}</>;
}
