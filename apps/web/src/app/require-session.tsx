import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../auth/session-store';
import type { LoginRedirectState } from '../auth/login-page';
import { useI18n } from '../i18n/i18n-context';

/** Renders its page for a signed-in reader; sends anyone else home (after logout) or to log in. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const { t } = useI18n();
  if (session.status === 'loading') {
    return (
      <p className="page-loading" role="status">
        {t('app.loading')}
      </p>
    );
  }
  if (session.status === 'signed-out') {
    if (session.reason === 'logout' || session.reason === 'deleted')
      return <Navigate to="/" replace />;
    const state: LoginRedirectState = {
      from: location.pathname,
      sessionEnded: session.reason === 'expired',
    };
    return <Navigate to="/login" replace state={state} />;
  }
  return children;
}
