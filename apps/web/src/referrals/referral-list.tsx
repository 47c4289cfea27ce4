import type { TReferralItem, TReferralStatus } from '@playloop/shared';
import type { MessageKey } from '../i18n/locale';
import { useI18n } from '../i18n/i18n-context';
import type { Resynced } from './use-resynced';

/** What the referrer is told; fraud review states are staff business and read as pending. */
const STATUS_LABEL: Record<TReferralStatus, MessageKey> = {
  pending: 'referrals.status.pending',
  flagged: 'referrals.status.pending',
  approved: 'referrals.status.pending',
  qualified: 'referrals.status.qualified',
  rewarded: 'referrals.status.rewarded',
  rejected: 'referrals.status.rejected',
};

const STATUS_TONE: Record<TReferralStatus, string> = {
  pending: 'pending',
  flagged: 'pending',
  approved: 'pending',
  qualified: 'qualified',
  rewarded: 'rewarded',
  rejected: 'rejected',
};

/** The friends who joined with the player's link and where each stands, updated live. */
export function ReferralList({ state }: { state: Resynced<TReferralItem[]> }) {
  const { t, errorMessage, formatDate } = useI18n();
  const { data, error, reload } = state;
  return (
    <section className="card" aria-labelledby="referrals-title">
      <h2 id="referrals-title" className="card__title">
        {t('referrals.title')}
        {data && data.length > 0 && <span className="card__count"> ({data.length})</span>}
      </h2>
      {error && !data ? (
        <div className="notice notice--error" role="alert">
          <p>
            {t('referrals.error')} {errorMessage(error.code)}
          </p>
          <button type="button" className="button button--secondary" onClick={reload}>
            {t('notifications.retry')}
          </button>
        </div>
      ) : !data ? (
        <p className="muted">{t('app.loading')}</p>
      ) : data.length === 0 ? (
        <p className="muted">{t('referrals.empty')}</p>
      ) : (
        <ul className="referrals" aria-labelledby="referrals-title">
          {data.map((r) => (
            <li key={r.id} className="referral">
              <span className="referral__name">{r.refereeName}</span>
              <span className={`status-pill status-pill--${STATUS_TONE[r.status]}`}>
                {t(STATUS_LABEL[r.status])}
              </span>
              <span className="referral__time muted">
                {t('referrals.joinedAt')}{' '}
                <time dateTime={r.attributedAt}>{formatDate(r.attributedAt)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
