import { useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LanguageToggle } from '@/components/LanguageToggle';
import { useAuth } from '@/lib/auth';
import { NAV_ITEMS } from './nav';

export function AppLayout() {
  const { t } = useTranslation();
  const { t: te } = useTranslation('enums');
  const { user, hasPermission, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);

  useEffect(() => setMenuOpen(false), [location.pathname, location.search]);
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setMenuOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  const items = NAV_ITEMS.filter((item) => hasPermission(item.permission));

  return (
    <div className="app">
      <a href="#main" className="skip-link">
        {t('skipToContent')}
      </a>
      <header className="topbar">
        <div className="topbar__inner">
          <NavLink to="/" className="brand">
            <span className="brand__mark" aria-hidden="true">
              {t('appMark')}
            </span>
            <span className="brand__name">{t('appName')}</span>
          </NavLink>
          <button
            type="button"
            className="menu-button"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen((o) => !o)}
            data-testid="menu-button"
          >
            <span className="menu-button__icon" aria-hidden="true" />
            <span className="sr-only">{menuOpen ? t('nav.closeMenu') : t('nav.openMenu')}</span>
          </button>
          <nav id="main-nav" className={`nav${menuOpen ? ' is-open' : ''}`} aria-label={t('nav.label')}>
            <ul className="nav__list">
              {items.map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={item.to}
                    className="nav__link"
                    data-testid={item.testId}
                    onClick={() => setMenuOpen(false)}
                  >
                    {t(item.labelKey)}
                  </NavLink>
                </li>
              ))}
            </ul>
            <div className="nav__user">
              <div
                className="user-chip"
                data-testid="current-user"
                title={user ? `${user.full_name} (${user.username})` : undefined}
              >
                <span className="user-chip__name">{user?.full_name}</span>
                <span className="user-chip__meta">
                  {user ? te(`role.${user.role}`) : ''}
                  {user?.org_unit ? ` · ${user.org_unit.name}` : ''}
                </span>
              </div>
              <LanguageToggle />
              <button
                type="button"
                className="btn btn--ghost"
                data-testid="logout"
                onClick={async () => {
                  await logout();
                  navigate('/login', { replace: true });
                }}
              >
                {t('actions.logout')}
              </button>
            </div>
          </nav>
        </div>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
