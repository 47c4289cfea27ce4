import type { TWallet } from '@playloop/shared';
import { useI18n } from '../i18n/i18n-context';

/** The three numbers a player checks: points to spend, points still on hold, spins. */
export function WalletBalances({ wallet }: { wallet: TWallet }) {
  const { t, formatNumber } = useWalletFormat();
  return (
    <dl className="balances">
      <div className="balance balance--points">
        <dt>{t('wallet.points')}</dt>
        <dd data-testid="wallet-points">{formatNumber(wallet.points)}</dd>
      </div>
      <div className="balance">
        <dt>{t('wallet.held')}</dt>
        <dd data-testid="wallet-held">{formatNumber(wallet.pointsHeld)}</dd>
      </div>
      <div className="balance">
        <dt>{t('wallet.spins')}</dt>
        <dd data-testid="wallet-spins">{formatNumber(wallet.spins)}</dd>
      </div>
    </dl>
  );
}

/** `t` plus whole numbers grouped the reader's way (1,000 / 1.000). */
export function useWalletFormat() {
  const { t, locale } = useI18n();
  const format = new Intl.NumberFormat(locale === 'it' ? 'it-IT' : 'en-GB');
  return { t, formatNumber: (n: number) => format.format(n) };
}
