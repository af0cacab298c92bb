import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageToggle } from '@/components/LanguageToggle';
import { Loading } from '@/components/Status';
import { LoginForm } from '@/features/auth/components/LoginForm';
import { useAuth } from '@/lib/auth';

/** Only same-app paths are followed after login (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginRoute() {
  const { t } = useTranslation('auth');
  const { t: tc } = useTranslation();
  const { status } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));

  if (status === 'loading')
    return (
      <div className="page-center">
        <Loading />
      </div>
    );
  if (status === 'authenticated') return <Navigate to={next} replace />;

  return (
    <div className="login-page">
      <div className="login-page__lang">
        <LanguageToggle />
      </div>
      <div className="login-card card">
        <div className="login-card__brand">
          <span className="brand__mark brand__mark--large" aria-hidden="true">
            {tc('appMark')}
          </span>
          <div>
            <p className="login-card__app">{tc('appName')}</p>
            <p className="muted small">{tc('tagline')}</p>
          </div>
        </div>
        <h1>{t('title')}</h1>
        <LoginForm onSuccess={() => navigate(next, { replace: true })} />
      </div>
    </div>
  );
}
