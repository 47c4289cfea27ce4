import { useCallback, useEffect } from 'react';
import { routes, type TLeaderboard } from '@playloop/shared';
import { apiFetch } from '../api/api-fetch';
import { useRealtime } from '../realtime/realtime-context';
import { useResynced, type Resynced } from '../referrals/use-resynced';

const REFRESH_MS = 30_000;

/**
 * A campaign's top ten and the player's own rank. `leaderboard:rank` reaches only players whose
 * rank moved; it updates "me" at once and re-reads the board, whose other rows moved with it.
 */
export function useLeaderboard(campaignId: string | null): Resynced<TLeaderboard> {
  const { subscribe } = useRealtime();
  const load = useCallback(
    () => apiFetch(routes.leaderboard, { params: { campaignId: campaignId ?? '' } }),
    [campaignId],
  );
  const state = useResynced<TLeaderboard>(campaignId, load);
  const { applyPush, reload } = state;

  useEffect(
    () =>
      subscribe('leaderboard:rank', (change) => {
        if (change.campaignId !== campaignId) return;
        applyPush((current) =>
          current ? { ...current, me: { rank: change.rank, score: change.score } } : current,
        );
        reload();
      }),
    [subscribe, applyPush, reload, campaignId],
  );
  // Other players' progress reaches nobody whose own rank stayed put, so a visible board also
  // re-reads now and then (jittered, so many open dashboards do not ask in step) and on return.
  useEffect(() => {
    if (campaignId === null) return;
    const refreshIfVisible = () => {
      if (document.visibilityState === 'visible') reload();
    };
    const timer = setInterval(refreshIfVisible, REFRESH_MS + Math.random() * REFRESH_MS);
    document.addEventListener('visibilitychange', refreshIfVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', refreshIfVisible);
    };
  }, [campaignId, reload]);
  return state;
}
