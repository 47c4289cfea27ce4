import { Link } from 'react-router';
import type { TWheelSpinRecord } from '@playloop/shared';
import { useI18n } from '../../i18n/i18n-context';
import { describePrize } from './describe-prize';

/** The player's latest spins; each links to its verification page. */
export function SpinHistory({
  spins,
  error,
}: {
  spins: TWheelSpinRecord[] | null;
  error: string | null;
}) {
  const { t, locale, formatDate } = useI18n();
  return (
    <section className="card" aria-labelledby="history-title">
      <h2 id="history-title" className="card__title">
        {t('wheel.history.title')}
      </h2>
      {error ? (
        <p className="notice notice--error">{error}</p>
      ) : spins === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : spins.length === 0 ? (
        <p className="muted">{t('wheel.history.empty')}</p>
      ) : (
        <ol className="spin-history">
          {spins.map((s) => (
            <li key={s.spinId} className="spin-history__item">
              <span className="spin-history__prize">
                {describePrize(s.prize, s.segments[s.awardedIndex]?.label ?? '', t, locale)}
                {s.fallbackReason && <span className="badge">{t('wheel.history.fallback')}</span>}
              </span>
              <span className="muted">
                <time dateTime={s.createdAt}>{formatDate(s.createdAt)}</time> ·{' '}
                {t('wheel.history.nonce', { nonce: s.nonce })}
              </span>
              <Link to={`/verify/wheel/${s.spinId}`} className="spin-history__verify">
                {s.serverSeed ? t('wheel.history.verify') : t('wheel.history.verifyPending')}
              </Link>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
