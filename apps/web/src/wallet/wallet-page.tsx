import { Link } from 'react-router';
import type { TLedgerLine } from '@playloop/shared';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/locale';
import { useDocumentTitle } from '../i18n/use-document-title';
import { useWallet } from './use-wallet';
import { useWalletFormat, WalletBalances } from './wallet-balances';

const KIND_LABEL: Record<TLedgerLine['kind'], MessageKey> = {
  budget_funding: 'wallet.kind.adjustment',
  referral_reward: 'wallet.kind.referral_reward',
  hold_release: 'wallet.kind.hold_release',
  quiz_reward: 'wallet.kind.quiz_reward',
  spin_grant: 'wallet.kind.spin_grant',
  spin_use: 'wallet.kind.spin_use',
  prize: 'wallet.kind.prize',
  redemption: 'wallet.kind.redemption',
  refund: 'wallet.kind.refund',
  adjustment: 'wallet.kind.adjustment',
};

/** `/wallet`: balances and every movement behind them, newest first, kept live. */
export function WalletPage() {
  const { t, errorMessage, formatDate } = useI18n();
  const { formatNumber } = useWalletFormat();
  useDocumentTitle(t('wallet.title'));
  const { data, error, reload } = useWallet({ withHistory: true });

  const amount = (line: TLedgerLine) => {
    const one = Math.abs(line.amount) === 1;
    const unit =
      line.asset === 'points'
        ? t(one ? 'wallet.unitPoint' : 'wallet.unitPoints')
        : t(one ? 'wallet.unitSpin' : 'wallet.unitSpins');
    return `${line.amount > 0 ? '+' : line.amount < 0 ? '−' : ''}${formatNumber(Math.abs(line.amount))} ${unit}`;
  };

  return (
    <>
      <div className="page-head">
        <p className="breadcrumb">
          <Link to="/dashboard">{t('nav.dashboard')}</Link>
        </p>
        <h1>{t('wallet.title')}</h1>
        <p className="muted">{t('wallet.lead')}</p>
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
      {data && (
        <div className="wallet-page">
          <section className="card" aria-label={t('wallet.balancesLabel')}>
            <WalletBalances wallet={data.wallet} />
          </section>
          <section className="card" aria-labelledby="history-title">
            <h2 id="history-title" className="card__title">
              {t('wallet.history')}
            </h2>
            {data.history.length === 0 ? (
              <p className="muted">{t('wallet.historyEmpty')}</p>
            ) : (
              <table className="ledger">
                <caption className="visually-hidden">{t('wallet.history')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('wallet.when')}</th>
                    <th scope="col">{t('wallet.what')}</th>
                    <th scope="col" className="ledger__amount">
                      {t('wallet.amount')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.history.map((line, i) => (
                    <tr key={`${line.transactionId}:${line.asset}:${line.bucket}:${i}`}>
                      <td className="ledger__when">
                        <time dateTime={line.createdAt}>{formatDate(line.createdAt)}</time>
                      </td>
                      <td>
                        {t(KIND_LABEL[line.kind])}
                        {line.bucket === 'held' && (
                          <span className="status-pill status-pill--pending">
                            {t('wallet.onHold')}
                          </span>
                        )}
                        {line.description !== line.kind && (
                          <span className="ledger__detail">{line.description}</span>
                        )}
                      </td>
                      <td
                        className={`ledger__amount ledger__amount--${line.amount < 0 ? 'out' : 'in'}`}
                      >
                        {amount(line)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      )}
    </>
  );
}
