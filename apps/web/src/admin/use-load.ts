import { useCallback, useEffect, useState } from 'react';
import { ApiError, type ClientErrorCode } from '../api/api-error';

export type Loaded<T> =
  | { status: 'loading'; data: T | null; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'failed'; data: T | null; error: ClientErrorCode };

export const errorCodeOf = (err: unknown): ClientErrorCode =>
  err instanceof ApiError ? err.code : 'INTERNAL';

/**
 * Loads `load()` when `key` changes and on `reload()`. A stale answer (the key changed meanwhile)
 * is dropped; the previous data stays on screen while reloading so tables do not flash empty.
 */
export function useLoad<T>(
  load: () => Promise<T>,
  key: string,
): Loaded<T> & { reload: () => void } {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading', data: null, error: null });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    setState((s) => ({ status: 'loading', data: s.data, error: null }));
    load().then(
      (data) => current && setState({ status: 'ready', data, error: null }),
      (err: unknown) =>
        current && setState((s) => ({ status: 'failed', data: s.data, error: errorCodeOf(err) })),
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure every render; `key` says when it means something new.
  }, [key, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
