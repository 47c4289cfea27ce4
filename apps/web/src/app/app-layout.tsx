import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useSession } from '../auth/session-store';
import { useI18n } from '../i18n/i18n-context';
import { RealtimeProvider } from '../realtime/realtime-provider';
import { SiteHeader } from './site-header';

export function AppLayout() {
  const session = useSession();
  // The socket lives as long as the session, across page changes. The provider is always there
  // (idle when signed out) so signing in or out never remounts the page under the reader's focus.
  return (
    <RealtimeProvider userId={session.status === 'signed-in' ? session.user.id : null}>
      <SkipLink />
      <SiteHeader />
      <Main />
      <SiteFooter />
    </RealtimeProvider>
  );
}

function SkipLink() {
  const { t } = useI18n();
  return (
    <a className="skip-link" href="#main">
      {t('app.skipToContent')}
    </a>
  );
}

/** Moves focus to the new page after client-side navigation, as a full page load would. */
function Main() {
  const { pathname } = useLocation();
  const ref = useRef<HTMLElement>(null);
  const isFirst = useRef(true);
  useEffect(() => {
    if (isFirst.current) {
      isFirst.current = false;
      return;
    }
    ref.current?.focus();
  }, [pathname]);
  return (
    <main id="main" ref={ref} tabIndex={-1} className="site-main">
      <Outlet />
    </main>
  );
}

function SiteFooter() {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <p>{t('app.footer')}</p>
    </footer>
  );
}
