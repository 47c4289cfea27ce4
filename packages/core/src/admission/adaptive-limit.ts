/**
 * A concurrency limit that finds itself (additive increase, multiplicative decrease, steered by
 * latency, as TCP Vegas and Netflix's concurrency-limits do): while the requests that finished in
 * the last window took longer than `targetLatencyMs` on average, the limit shrinks by a quarter;
 * while it was reached and latency was fine, it grows by a tenth. Past capacity, work then waits
 * in the client's queue (as a quick 503) instead of inside the server, where it would slow down
 * everyone already admitted.
 */
export function createAdaptiveLimit(opts: {
  min: number;
  max: number;
  targetLatencyMs: number;
  initial?: number;
}) {
  let limit = Math.min(opts.max, Math.max(opts.min, opts.initial ?? opts.max));
  let count = 0;
  let sum = 0;
  let reached = false;
  return {
    get value(): number {
      return limit;
    },
    /** A request was admitted and `inFlight` are now in flight (it included). */
    onAdmit(inFlight: number): void {
      if (inFlight >= limit) reached = true;
    },
    onDone(latencyMs: number): void {
      count += 1;
      sum += latencyMs;
    },
    /** Called once per window (a quarter second): moves the limit, starts a new window. */
    adjust(): void {
      if (count >= 3 && sum / count > opts.targetLatencyMs)
        limit = Math.max(opts.min, Math.floor(limit * 0.75));
      else if (reached) limit = Math.min(opts.max, limit + Math.max(1, Math.ceil(limit * 0.1)));
      count = 0;
      sum = 0;
      reached = false;
    },
  };
}
export type AdaptiveLimit = ReturnType<typeof createAdaptiveLimit>;
