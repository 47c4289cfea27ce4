import { useState } from 'react';
import { Link, NavLink } from 'react-router';
import { logOut, useSession } from '../auth/session-store';
import { useI18n } from '../i18n/i18n-context';
import { LanguageSwitch } from '../i18n/language-switch';
import { ConnectionIndicator } from '../realtime/connection-indicator';

export function SiteHeader() {
  const session = useSession();
  const { t } = useI18n();
  const [isLoggingOut, setIsLoggingOut] = useState(false);

  const onLogOut = () => {
    setIsLoggingOut(true);
    logOut()
      .catch(() => undefined)
      .finally(() => setIsLoggingOut(false));
  };

  return (
    <header className={`site-header site-header--${session.status}`}>
      <div className="site-header__inner">
        <Link to={session.status === 'signed-in' ? '/dashboard' : '/'} className="brand">
          <span className="brand__mark" aria-hidden="true">
            P
          </span>
          <span className="brand__name">{t('app.name')}</span>
        </Link>
        <nav className="site-nav" aria-label={t('nav.primary')}>
          {session.status === 'signed-in' ? (
            <>
              <NavLink to="/dashboard" className="site-nav__link">
                {t('nav.dashboard')}
              </NavLink>
              <NavLink to="/quiz" className="site-nav__link">
                {t('nav.quiz')}
              </NavLink>
              <NavLink to="/wheel" className="site-nav__link">
                {t('nav.wheel')}
              </NavLink>
              <NavLink to="/rewards" className="site-nav__link">
                {t('nav.rewards')}
              </NavLink>
              <NavLink to="/wallet" className="site-nav__link">
                {t('wallet.title')}
              </NavLink>
              <NavLink to="/leaderboard" className="site-nav__link">
                {t('leaderboard.title')}
              </NavLink>
              {session.user.role !== 'player' ? (
                <NavLink to="/admin" className="site-nav__link">
                  Admin
                </NavLink>
              ) : null}
            </>
          ) : session.status === 'signed-out' ? (
            <>
              <NavLink to="/login" className="site-nav__link">
                {t('nav.login')}
              </NavLink>
              <NavLink to="/signup" className="button button--primary button--small">
                {t('nav.signup')}
              </NavLink>
            </>
          ) : null}
        </nav>
        <div className="site-header__tools">
          {session.status === 'signed-in' && (
            <>
              <ConnectionIndicator />
              <p className="user-chip">
                <span className="user-chip__avatar" aria-hidden="true">
                  {session.user.displayName.slice(0, 1).toUpperCase()}
                </span>
                <span className="visually-hidden">{t('shell.signedInAs')} </span>
                <span className="user-chip__name">{session.user.displayName}</span>
              </p>
            </>
          )}
          <LanguageSwitch />
          {session.status === 'signed-in' && (
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={onLogOut}
              disabled={isLoggingOut}
            >
              {isLoggingOut ? t('nav.loggingOut') : t('nav.logout')}
            </button>
          )}
        </div>
      </div>
    </header>
  );
}
