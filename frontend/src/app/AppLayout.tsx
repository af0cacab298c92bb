import { useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/Alert';
import { LanguageToggle } from '@/components/LanguageToggle';
import { OutboxBadge } from '@/features/offline/components/OutboxBadge';
import { useOutbox } from '@/features/offline/OutboxProvider';
import { useAuth } from '@/lib/auth';
import { navItemsFor } from './nav';

export function AppLayout() {
  const { t } = useTranslation();
  const { t: te } = useTranslation('enums');
  const { user, hasPermission, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const { t: to } = useTranslation('offline');
  const outbox = useOutbox();
  // "N records sent" after a background sync, shown a few seconds.
  const [synced, setSynced] = useState(0);
  const [seen, setSeen] = useState(outbox.lastSynced);
  useEffect(() => {
    if (outbox.lastSynced === seen) return;
    setSynced(outbox.lastSynced - seen);
    setSeen(outbox.lastSynced);
    const timer = setTimeout(() => setSynced(0), 6000);
    return () => clearTimeout(timer);
  }, [outbox.lastSynced, seen]);

  useEffect(() => setMenuOpen(false), [location.pathname, location.search]);
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setMenuOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  const items = navItemsFor(hasPermission, user?.home);

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
          <OutboxBadge />
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
                  if (
                    outbox.entries.length > 0 &&
                    !window.confirm(to('logoutPending', { count: outbox.entries.length }))
                  )
                    return;
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
        {synced > 0 ? (
          <div className="toast" data-testid="sync-toast">
            <Alert kind="success">{to('synced', { count: synced })}</Alert>
          </div>
        ) : null}
        <Outlet />
      </main>
    </div>
  );
}
