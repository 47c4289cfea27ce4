import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n-context';
import { useDocumentTitle } from '../i18n/use-document-title';
import { PayoutStatus } from './payout-status';
import { useRewardsText } from './rewards-text';
import { useMyPayouts } from './use-my-payouts';
import './rewards.css';

/** `/rewards/mine`: every redemption, newest first, statuses live and codes shown once fulfilled. */
export function MyRewardsPage() {
  const { t, errorMessage, formatDate } = useI18n();
  const { rt } = useRewardsText();
  useDocumentTitle(rt('mine'));
  const { data, error, reload } = useMyPayouts();
  return (
    <>
      <div className="page-head">
        <p className="breadcrumb">
          <Link to="/rewards">{rt('toShop')}</Link>
        </p>
        <h1>{rt('mine')}</h1>
        <p className="muted">{rt('mineLead')}</p>
      </div>
      {error && !data && (
        <div className="notice notice--error" role="alert">
          <p>{errorMessage(error.code)}</p>
          <button type="button" className="button button--secondary" onClick={reload}>
            {t('notifications.retry')}
          </button>
        </div>
      )}
      {!data && !error && <p className="page-loading">{t('app.loading')}</p>}
      {data && data.payouts.length === 0 && <p className="muted">{rt('mineEmpty')}</p>}
      {data && data.payouts.length > 0 && (
        <ul className="my-rewards" aria-live="polite">
          {data.payouts.map((p) => (
            <li key={p.id} className="card my-rewards__item" data-testid="my-reward">
              <h2 className="card__title">{p.title}</h2>
              <p className="muted">
                {rt(`kind.${p.kind}`)} · {rt('redeemedAt', { date: formatDate(p.createdAt) })}
              </p>
              <PayoutStatus payout={p} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
