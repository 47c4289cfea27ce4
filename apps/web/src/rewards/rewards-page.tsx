import { useRef, useState } from 'react';
import { Link } from 'react-router';
import type { TRewardItem } from '@playloop/shared';
import { ApiError, type ClientErrorCode } from '../api/api-error';
import { useI18n } from '../i18n/i18n-context';
import { useDocumentTitle } from '../i18n/use-document-title';
import { useActiveCampaign } from '../referrals/use-active-campaign';
import { useWallet } from '../wallet/use-wallet';
import { PayoutStatus } from './payout-status';
import { RewardCard } from './reward-card';
import { newIdempotencyKey, rewardsApi } from './rewards-api';
import { useRewardsText } from './rewards-text';
import { useCatalogue } from './use-catalogue';
import { useMyPayouts } from './use-my-payouts';
import './rewards.css';

/** `/rewards`: the shop of the active campaign, and the live status of what was just redeemed. */
export function RewardsPage() {
  const { t, errorMessage } = useI18n();
  const { rt, formatNumber } = useRewardsText();
  useDocumentTitle(rt('title'));
  const active = useActiveCampaign();
  const catalogue = useCatalogue(active.campaign?.id ?? null);
  const wallet = useWallet();
  const mine = useMyPayouts();
  const [latestId, setLatestId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, ClientErrorCode>>({});
  // One key per redemption intent: a retry after a lost answer reuses it and cannot spend twice.
  const pendingKeys = useRef(new Map<string, string>());

  const redeem = async (item: TRewardItem) => {
    const key = pendingKeys.current.get(item.id) ?? newIdempotencyKey();
    pendingKeys.current.set(item.id, key);
    setErrors((current) => {
      const next = { ...current };
      delete next[item.id];
      return next;
    });
    try {
      const result = await rewardsApi.redeem(item.id, key);
      pendingKeys.current.delete(item.id);
      mine.add(result.payout);
      wallet.applyPush((current) => ({ wallet: result.wallet, history: current?.history ?? [] }));
      setLatestId(result.payout.id);
    } catch (err) {
      const code = err instanceof ApiError ? err.code : 'INTERNAL';
      // A definite refusal ends the intent; after a network error the same key is kept for the retry.
      if (code !== 'NETWORK') pendingKeys.current.delete(item.id);
      setErrors((e) => ({ ...e, [item.id]: code }));
    } finally {
      catalogue.reload();
    }
  };

  const latest = mine.data?.payouts.find((p) => p.id === latestId) ?? null;
  const points = wallet.data?.wallet.points ?? 0;
  const loadError = active.error ?? catalogue.error;
  return (
    <>
      <div className="page-head">
        <p className="breadcrumb">
          <Link to="/dashboard">{t('nav.dashboard')}</Link>
        </p>
        <h1>{rt('title')}</h1>
        <p className="muted">{rt('lead')}</p>
        {wallet.data && (
          <p className="rewards-balance" data-testid="rewards-balance">
            {rt('balance', { points: formatNumber(points) })}
          </p>
        )}
        <p>
          <Link to="/rewards/mine">{rt('toMine')}</Link>
        </p>
      </div>
      {active.campaigns.length > 1 && (
        <label className="field rewards-campaign">
          <span className="field__label">{rt('campaign')}</span>
          <select
            className="field__input"
            value={active.campaign?.id ?? ''}
            onChange={(e) => active.select(e.target.value)}
          >
            {active.campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
        </label>
      )}
      {latest && (
        <section className="card rewards-latest" aria-labelledby="latest-title">
          <h2 id="latest-title" className="card__title">
            {latest.title}
          </h2>
          <PayoutStatus payout={latest} live />
        </section>
      )}
      {loadError && !catalogue.data && (
        <div className="notice notice--error" role="alert">
          <p>{errorMessage(loadError.code)}</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={active.error ? active.retry : catalogue.reload}
          >
            {t('notifications.retry')}
          </button>
        </div>
      )}
      {!active.isLoading && !active.campaign && !active.error && (
        <p className="muted">{rt('noCampaigns')}</p>
      )}
      {active.campaign && !catalogue.data && !catalogue.error && (
        <p className="page-loading">{t('app.loading')}</p>
      )}
      {catalogue.data && catalogue.data.items.length === 0 && (
        <p className="muted">{rt('empty')}</p>
      )}
      {catalogue.data && catalogue.data.items.length > 0 && (
        <ul className="reward-grid">
          {catalogue.data.items.map((item) => (
            <RewardCard
              key={item.id}
              item={item}
              points={points}
              onRedeem={redeem}
              error={errors[item.id] ?? null}
            />
          ))}
        </ul>
      )}
    </>
  );
}
