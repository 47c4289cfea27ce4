/**
 * A value kept in memory for at most `ttlMs` (the staleness bound), refreshed by one caller while
 * the others keep getting the previous value: a rush on a hot read costs one query per pod per
 * `ttlMs`, whatever the request rate. A failed refresh keeps serving the old value for up to
 * `maxStaleMs` before the error reaches callers.
 */
export function createHotValue<T>(
  load: () => Promise<T>,
  opts: { ttlMs: number; maxStaleMs?: number; now?: () => number },
) {
  const now = opts.now ?? Date.now;
  const maxStaleMs = opts.maxStaleMs ?? opts.ttlMs * 10;
  let value: { at: number; data: T } | undefined;
  let refreshing: Promise<T> | undefined;

  const refresh = () => {
    refreshing ??= load()
      .then((data) => {
        value = { at: now(), data };
        return data;
      })
      .finally(() => {
        refreshing = undefined;
      });
    return refreshing;
  };

  return {
    async get(): Promise<T> {
      if (!value) return refresh();
      const age = now() - value.at;
      if (age < opts.ttlMs) return value.data;
      const pending = refresh();
      if (age < maxStaleMs) {
        // Serve the previous value now; a failure is retried by the next caller.
        pending.catch(() => undefined);
        return value.data;
      }
      return pending;
    },
    invalidate(): void {
      value = undefined;
    },
  };
}
