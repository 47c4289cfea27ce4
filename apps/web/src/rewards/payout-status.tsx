import { useEffect, useState } from 'react';
import type { TPayoutView } from '@playloop/shared';
import { useRewardsText } from './rewards-text';

/** A payout's status in words (and a coloured pill), with its code once there is one. */
export function PayoutStatus({ payout, live = false }: { payout: TPayoutView; live?: boolean }) {
  const { rt, formatNumber } = useRewardsText();
  const settling = payout.status === 'requested' || payout.status === 'processing';
  return (
    <div className="payout-status" aria-live={live ? 'polite' : undefined}>
      <p>
        <span className={`status-pill payout-pill payout-pill--${payout.status}`}>
          {rt(`status.${payout.status}`)}
        </span>{' '}
        {settling && <span className="payout-status__spinner" aria-hidden="true" />}
        <span className="payout-status__text">
          {rt(`explain.${payout.status}`, { points: formatNumber(payout.pointsCost) })}
        </span>
      </p>
      {payout.status === 'fulfilled' && payout.code && <RewardCode code={payout.code} />}
    </div>
  );
}

const COPIED_MS = 4_000;

/** The code, selectable, with a copy button; falls back to selecting it when the clipboard is refused. */
function RewardCode({ code }: { code: string }) {
  const { rt } = useRewardsText();
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = async () => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no Clipboard API');
      await navigator.clipboard.writeText(code);
      setCopied(true);
    } catch {
      window.getSelection()?.selectAllChildren(document.getElementById(`code-${code}`) as Node);
    }
  };
  return (
    <div className="reward-code">
      <span className="reward-code__label">{rt('code')}</span>
      <code id={`code-${code}`} className="reward-code__value" data-testid="reward-code">
        {code}
      </code>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => void copy()}
      >
        {copied ? rt('copied') : rt('copy')}
      </button>
    </div>
  );
}
