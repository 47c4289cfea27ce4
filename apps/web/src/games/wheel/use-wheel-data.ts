import { useCallback, useEffect, useState } from 'react';
import type { TWheelSpinRecord, TWheelState } from '@playloop/shared';
import { ApiError } from '../../api/api-error';
import { wheelApi } from './wheel-api';

/** The wheel page's server state: the wheel with the player's seed and spins, and their history. */
export function useWheelData(campaignId: string) {
  const [state, setState] = useState<TWheelState | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [history, setHistory] = useState<TWheelSpinRecord[] | null>(null);
  const [historyError, setHistoryError] = useState<ApiError | null>(null);

  const reload = useCallback(async () => {
    try {
      setState(await wheelApi.state(campaignId));
      setError(null);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError('INTERNAL', 0, String(err)));
    }
  }, [campaignId]);

  const reloadHistory = useCallback(async () => {
    try {
      setHistory((await wheelApi.history(campaignId)).spins);
      setHistoryError(null);
    } catch (err) {
      setHistoryError(err instanceof ApiError ? err : new ApiError('INTERNAL', 0, String(err)));
    }
  }, [campaignId]);

  useEffect(() => {
    setState(null);
    setHistory(null);
    void reload();
    void reloadHistory();
  }, [reload, reloadHistory]);

  return { state, setState, error, reload, history, historyError, reloadHistory };
}

/** True when the reader asked the system for less motion; follows changes live. */
export function usePrefersReducedMotion(): boolean {
  const query = '(prefers-reduced-motion: reduce)';
  const [reduced, setReduced] = useState(
    () => typeof matchMedia === 'function' && matchMedia(query).matches,
  );
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const list = matchMedia(query);
    const onChange = () => setReduced(list.matches);
    list.addEventListener('change', onChange);
    return () => list.removeEventListener('change', onChange);
  }, []);
  return reduced;
}
