import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';
import { useRealtime } from '../realtime/realtime-context';

export interface Resynced<T> {
  data: T | null;
  /** The last failure, cleared by the next good read; earlier data stays on screen meanwhile. */
  error: ApiError | null;
  reload: () => void;
  /** Applies a pushed change at once; a snapshot already on its way is then read again, not trusted. */
  applyPush: (update: (current: T | null) => T | null) => void;
}

const asApiError = (err: unknown) =>
  err instanceof ApiError ? err : new ApiError('INTERNAL', 0, String(err));

// A snapshot overtaken by pushes is re-read, but not forever while pushes keep coming.
const MAX_REREADS = 3;

/**
 * Server state kept current by pushes: a REST snapshot on mount and after every (re)connect
 * (pushes sent while the socket was down are gone for good), plus pushed changes in between.
 * A snapshot and a push race: a snapshot that was requested before a push arrived may predate
 * it, so it is read again rather than allowed to roll the push back. `key` null: nothing to load.
 */
export function useResynced<T>(key: string | null, load: () => Promise<T>): Resynced<T> {
  const { connectionEpoch } = useRealtime();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [reloadCount, setReloadCount] = useState(0);
  const pushCount = useRef(0);
  const loadRef = useRef(load);
  const loadedKey = useRef<string | null>(null);

  useEffect(() => {
    loadRef.current = load;
  }, [load]);

  useEffect(() => {
    if (key === null) return;
    if (loadedKey.current !== key) {
      loadedKey.current = key;
      setData(null);
      setError(null);
    }
    let cancelled = false;
    (async () => {
      for (let attempt = 0; ; attempt += 1) {
        const pushesBefore = pushCount.current;
        try {
          const value = await loadRef.current();
          if (cancelled) return;
          if (pushCount.current !== pushesBefore && attempt < MAX_REREADS) continue;
          setData(value);
          setError(null);
        } catch (err) {
          if (!cancelled) setError(asApiError(err));
        }
        return;
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [key, connectionEpoch, reloadCount]);

  const reload = useCallback(() => setReloadCount((n) => n + 1), []);
  const applyPush = useCallback((update: (current: T | null) => T | null) => {
    pushCount.current += 1;
    setData(update);
  }, []);

  return { data, error, reload, applyPush };
}
