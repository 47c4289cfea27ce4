import { useEffect, useRef, useState } from 'react';
import type { TRewardItem } from '@playloop/shared';
import type { ClientErrorCode } from '../api/api-error';
import { useI18n } from '../i18n/i18n-context';
import { useRewardsText } from './rewards-text';

export interface RewardCardProps {
  item: TRewardItem;
  points: number;
  /** Resolves when the redemption is settled on the server (or rejects with the api error code). */
  onRedeem: (item: TRewardItem) => Promise<void>;
  error: ClientErrorCode | null;
}

/** One shop entry: what it is, what it costs, what is left, and a redeem button that asks first. */
export function RewardCard({ item, points, onRedeem, error }: RewardCardProps) {
  const { rt, formatMoney, formatNumber } = useRewardsText();
  const { errorMessage } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const redeemButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const soldOut = item.stock === 0;
  const limitReached = item.remainingForMe === 0;
  const missing = Math.max(0, item.costPoints - points);
  const blocked = soldOut || limitReached || missing > 0;
  const titleId = `reward-${item.id}`;
  const facts = [
    soldOut
      ? rt('soldOut')
      : item.stock !== null
        ? rt('stockLeft', { n: formatNumber(item.stock) })
        : null,
    item.remainingForMe === null || soldOut
      ? null
      : limitReached
        ? rt('limitReached')
        : item.remainingForMe === 1
          ? rt('limitLeftOne')
          : rt('limitLeft', { n: item.remainingForMe }),
  ].filter((f): f is string => f !== null);

  const confirm = () => {
    setBusy(true);
    onRedeem(item).finally(() => {
      setBusy(false);
      setConfirming(false);
    });
  };
  const cancel = () => {
    setConfirming(false);
    redeemButton.current?.focus();
  };

  return (
    <li className="reward-card card" aria-labelledby={titleId}>
      <p className="reward-card__kind">{rt(`kind.${item.kind}`)}</p>
      <h2 id={titleId} className="card__title">
        {item.title}
      </h2>
      {item.description && <p className="muted">{item.description}</p>}
      <p className="reward-card__cost">{rt('cost', { points: formatNumber(item.costPoints) })}</p>
      {item.amountCents !== null && item.currency && (
        <p className="muted">
          {rt('value', { amount: formatMoney(item.amountCents, item.currency) })}
        </p>
      )}
      {facts.length > 0 && <p className="reward-card__facts muted">{facts.join(' · ')}</p>}
      {error && (
        <p className="notice notice--error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      {confirming ? (
        <div
          className="reward-card__confirm"
          role="group"
          aria-label={rt('confirmTitle', { title: item.title })}
        >
          <p>
            <strong>{rt('confirmTitle', { title: item.title })}</strong>{' '}
            {rt('confirmBody', { points: formatNumber(item.costPoints) })}
          </p>
          <div className="reward-card__actions">
            <button
              ref={confirmButton}
              type="button"
              className="button button--primary"
              onClick={confirm}
              disabled={busy}
            >
              {busy ? rt('redeeming') : rt('confirm')}
            </button>
            <button type="button" className="button button--ghost" onClick={cancel} disabled={busy}>
              {rt('cancel')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <button
            ref={redeemButton}
            type="button"
            className="button button--primary"
            disabled={blocked}
            onClick={() => setConfirming(true)}
          >
            {rt('redeem')}
          </button>
          {missing > 0 && !soldOut && !limitReached && (
            <p className="muted reward-card__hint">
              {rt('notEnough', { missing: formatNumber(missing) })}
            </p>
          )}
        </>
      )}
    </li>
  );
}
