import { useCallback, useEffect } from 'react';
import { routes, type TWalletResponse } from '@playloop/shared';
import { apiFetch } from '../api/api-fetch';
import { useRealtime } from '../realtime/realtime-context';
import { useResynced, type Resynced } from '../referrals/use-resynced';

/**
 * The player's balances and ledger history, live: `wallet:updated` replaces the balances at once.
 * With `withHistory`, each push also re-reads the history, since the push carries balances only.
 */
export function useWallet({ withHistory = false } = {}): Resynced<TWalletResponse> {
  const { subscribe } = useRealtime();
  const load = useCallback(() => apiFetch(routes.wallet), []);
  const state = useResynced<TWalletResponse>('wallet', load);
  const { applyPush, reload } = state;

  useEffect(
    () =>
      subscribe('wallet:updated', (wallet) => {
        applyPush((current) => ({ wallet, history: current?.history ?? [] }));
        if (withHistory) reload();
      }),
    [subscribe, applyPush, reload, withHistory],
  );
  return state;
}
