import { adminApi } from '../admin-api';
import { useAdminText } from '../i18n/use-admin-text';
import { ErrorNotice } from '../ui/error-notice';
import { useLoad } from '../use-load';

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/** Payout health for the last 24 hours: are rewards reaching players, and how fast are failures fixed? */
export function PayoutKpisCard() {
  const { at, formatNumber } = useAdminText();
  const kpis = useLoad(() => adminApi.payoutKpis(24), 'payout-kpis');
  const k = kpis.data;
  return (
    <section className="card" aria-labelledby="payout-kpis-title">
      <h2 id="payout-kpis-title" className="card__title">
        {at('payoutKpis.title')}
      </h2>
      {kpis.status === 'failed' && <ErrorNotice code={kpis.error} onRetry={kpis.reload} />}
      {k && (
        <dl className="facts">
          <div>
            <dt>{at('payoutKpis.successRate')}</dt>
            <dd>{pct(k.successRate)}</dd>
          </div>
          <div>
            <dt>{at('payoutKpis.escalationRate')}</dt>
            <dd>{pct(k.escalationRate)}</dd>
          </div>
          <div>
            <dt>{at('payoutKpis.resolved5m')}</dt>
            <dd>
              {pct(k.exceptions.share)}{' '}
              {at('payoutKpis.target', { target: pct(k.exceptions.target) })}
            </dd>
          </div>
          <div>
            <dt>{at('payoutKpis.payouts')}</dt>
            <dd>
              {at('payoutKpis.breakdown', {
                total: formatNumber(k.payouts.total),
                fulfilled: formatNumber(k.payouts.fulfilled),
                escalated: formatNumber(k.payouts.escalated),
                inFlight: formatNumber(k.payouts.inFlight),
              })}
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}
