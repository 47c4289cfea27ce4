import { useCallback, useEffect } from 'react';
import type { TMyRewards, TPayoutView } from '@playloop/shared';
import { useRealtime } from '../realtime/realtime-context';
import { useResynced, type Resynced } from '../referrals/use-resynced';
import { rewardsApi } from './rewards-api';

/** Newer wins: pushes may arrive out of order, and a stale one must not roll a payout back. */
function upsert(list: TPayoutView[], next: TPayoutView): TPayoutView[] {
  const current = list.find((p) => p.id === next.id);
  if (current && Date.parse(current.updatedAt) > Date.parse(next.updatedAt)) return list;
  const rest = list.filter((p) => p.id !== next.id);
  return [next, ...rest].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

/**
 * The player's redemptions, live: `payout:updated` moves a payout through its statuses (with its
 * code once fulfilled); a reconnect re-reads them all, since pushes missed offline are gone.
 */
export function useMyPayouts(): Resynced<TMyRewards> & { add: (payout: TPayoutView) => void } {
  const { subscribe } = useRealtime();
  const load = useCallback(() => rewardsApi.mine(), []);
  const state = useResynced<TMyRewards>('my-rewards', load);
  const { applyPush } = state;
  const add = useCallback(
    (payout: TPayoutView) =>
      applyPush((current) => ({ payouts: upsert(current?.payouts ?? [], payout) })),
    [applyPush],
  );
  useEffect(() => subscribe('payout:updated', add), [subscribe, add]);
  return { ...state, add };
}
