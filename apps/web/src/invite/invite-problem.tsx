import { Link } from 'react-router';
import type { ApiError } from '../api/api-error';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/locale';

const DEAD: Partial<Record<string, { title: MessageKey; body: MessageKey }>> = {
  INVITE_NOT_FOUND: { title: 'landing.notFoundTitle', body: 'landing.notFoundBody' },
  CAMPAIGN_NOT_ACTIVE: { title: 'landing.inactiveTitle', body: 'landing.inactiveBody' },
  INVITE_EXPIRED: { title: 'landing.expiredTitle', body: 'landing.expiredBody' },
};

/**
 * Why the invite cannot be shown. A dead invite says what happened and that joining still works;
 * a passing problem (network, overload) offers to try again.
 */
export function InviteProblem({
  error,
  retry,
  isSignedIn,
}: {
  error: ApiError;
  retry: () => void;
  isSignedIn: boolean;
}) {
  const { t, errorMessage } = useI18n();
  const dead = DEAD[error.code];
  if (!dead) {
    return (
      <div className="card invite-landing">
        <h1>{t('landing.troubleTitle')}</h1>
        <p className="notice notice--error" role="alert">
          {errorMessage(error.code)}
        </p>
        <button type="button" className="button button--primary" onClick={retry}>
          {t('notifications.retry')}
        </button>
      </div>
    );
  }
  return (
    <div className="card invite-landing">
      <h1>{t(dead.title)}</h1>
      <p className="notice notice--info" role="alert">
        {t(dead.body)}
      </p>
      <div className="invite-landing__actions">
        {isSignedIn ? (
          <Link to="/dashboard" className="button button--primary">
            {t('home.ctaDashboard')}
          </Link>
        ) : (
          <Link to="/signup" className="button button--primary">
            {t('landing.joinAnyway')}
          </Link>
        )}
        <Link to="/" className="button button--ghost">
          {t('notFound.back')}
        </Link>
      </div>
    </div>
  );
}
