import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n-context';
import { useWallet } from './use-wallet';
import { WalletBalances } from './wallet-balances';

/** The dashboard's wallet card: live balances and the way to the full history. */
export function WalletPanel() {
  const { t, errorMessage } = useI18n();
  const { data, error, reload } = useWallet();
  return (
    <section className="card" aria-labelledby="wallet-panel-title">
      <h2 id="wallet-panel-title" className="card__title">
        {t('wallet.title')}
      </h2>
      {data ? (
        <WalletBalances wallet={data.wallet} />
      ) : error ? (
        <div className="notice notice--error" role="alert">
          <p>{errorMessage(error.code)}</p>
          <button type="button" className="button button--secondary" onClick={reload}>
            {t('notifications.retry')}
          </button>
        </div>
      ) : (
        <p className="muted">{t('app.loading')}</p>
      )}
      <p className="card__more">
        <Link to="/wallet">{t('wallet.historyLink')}</Link>
      </p>
    </section>
  );
}
