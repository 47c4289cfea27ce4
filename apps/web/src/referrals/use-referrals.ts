import { useCallback, useEffect, useRef } from 'react';
import { routes, type TReferralItem } from '@playloop/shared';
import { apiFetch } from '../api/api-fetch';
import { useRealtime } from '../realtime/realtime-context';
import { foldReferralPush, foldReferralSnapshot, type ReferralNewsKind } from './referral-news';
import { useResynced, type Resynced } from './use-resynced';

export type ReferralNews = { kind: ReferralNewsKind; referral: TReferralItem };

function upsert(list: TReferralItem[], item: TReferralItem): TReferralItem[] {
  const rest = list.filter((r) => r.id !== item.id);
  return [item, ...rest].sort((a, b) => b.attributedAt.localeCompare(a.attributedAt));
}

/**
 * The friends this player invited, kept current by `referral:updated`. `onNews` hears each step a
 * friend takes while the page is open (joined, qualified, rewarded), once per step.
 */
export function useReferrals(onNews: (news: ReferralNews) => void): Resynced<TReferralItem[]> {
  const { subscribe } = useRealtime();
  const load = useCallback(async () => (await apiFetch(routes.myReferrals)).referrals, []);
  const state = useResynced<TReferralItem[]>('referrals', load);
  const { applyPush, data } = state;
  // Outside React state, so two pushes landing before a render are still compared in order.
  const seen = useRef(new Map<string, number>());
  const onNewsRef = useRef(onNews);
  useEffect(() => {
    onNewsRef.current = onNews;
  }, [onNews]);

  useEffect(() => {
    if (data) foldReferralSnapshot(seen.current, data);
  }, [data]);

  useEffect(
    () =>
      subscribe('referral:updated', (referral) => {
        const { isFresh, news } = foldReferralPush(seen.current, referral);
        if (!isFresh) return;
        applyPush((current) => upsert(current ?? [], referral));
        if (news) onNewsRef.current({ kind: news, referral });
      }),
    [subscribe, applyPush],
  );
  return state;
}
