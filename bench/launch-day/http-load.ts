import { defaultRetryPolicy, fetchWithRetry, parseRetryAfter, RetryBudget } from '@playloop/shared';
import { Pool } from 'undici';
import { Histogram } from './histogram.js';
import { outcomeOf, type Recorder } from './recorder.js';

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Which virtual user sends it (each user has its own retry budget, as each browser tab does). */
  user: number;
}

/**
 * `plain`: one attempt per request. `naive`: retries at once on any failure, up to 10 attempts, the
 * way a hand-written client does. `policy`: the shared retry policy of the SPA (`fetchWithRetry`:
 * Retry-After honoured, full jitter, a retry budget per user, POSTs only with an idempotency key).
 */
export type ClientKind = 'plain' | 'naive' | 'policy';

export interface LoadOptions {
  origin: string;
  /** Requests (intents) per second; may change over time. */
  rate: (elapsedSeconds: number) => number;
  durationMs: number;
  next: () => RequestSpec;
  recorder: Recorder;
  client?: ClientKind;
  connections?: number;
  timeoutMs?: number;
  /** Past this many requests waiting for an answer, new ones count as failed without being sent. */
  maxOutstanding?: number;
}

export interface LoadStats {
  intents: number;
  attempts: number;
  intentsSucceeded: number;
  intentLatency: ReturnType<Histogram['summary']>;
  dropped: number;
}

const NAIVE_ATTEMPTS = 10;
const isFailure = (status: number) => status === 0 || status === 429 || status >= 500;

/**
 * An open-loop load generator over undici: requests are started on schedule whether or not earlier
 * ones have been answered, as independent players do. Every attempt is recorded (status, latency
 * from when it was due); retries are extra attempts of the same intent.
 */
export async function runOpenLoop(opts: LoadOptions): Promise<LoadStats> {
  const client = opts.client ?? 'plain';
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const maxOutstanding = opts.maxOutstanding ?? 20_000;
  const pool = new Pool(opts.origin, {
    connections: opts.connections ?? 256,
    pipelining: 1,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    keepAliveTimeout: 30_000,
  });
  const budgets = new Map<number, RetryBudget>();
  const intentLatency = new Histogram();
  let outstanding = 0;
  let attempts = 0;
  let intentsSucceeded = 0;
  let dropped = 0;

  async function attempt(
    spec: RequestSpec,
    dueAt: number,
  ): Promise<{ status: number; headers: Record<string, string> }> {
    attempts += 1;
    opts.recorder.recordSent(dueAt);
    let status = 0;
    let headers: Record<string, string> = {};
    try {
      const res = await pool.request({
        method: spec.method,
        path: spec.path,
        headers: spec.headers,
        body: spec.body ?? null,
      });
      status = res.statusCode;
      headers = res.headers as Record<string, string>;
      await res.body.dump();
    } catch {
      status = 0;
    }
    const now = performance.now();
    opts.recorder.record(outcomeOf(status), now - dueAt, now);
    return { status, headers };
  }

  async function intent(spec: RequestSpec, dueAt: number): Promise<void> {
    let ok = false;
    if (client === 'plain') {
      ok = (await attempt(spec, dueAt)).status < 400;
    } else if (client === 'naive') {
      for (let i = 0; i < NAIVE_ATTEMPTS; i++) {
        const { status } = await attempt(spec, i === 0 ? dueAt : performance.now());
        if (!isFailure(status)) {
          ok = status < 400;
          break;
        }
      }
    } else {
      let budget = budgets.get(spec.user);
      if (!budget) budgets.set(spec.user, (budget = new RetryBudget()));
      let first = true;
      const res = await fetchWithRetry(
        spec.path,
        { method: spec.method, headers: spec.headers },
        defaultRetryPolicy(budget),
        {
          fetch: (async () => {
            const r = await attempt(spec, first ? dueAt : performance.now());
            first = false;
            if (r.status === 0) throw new TypeError('fetch failed');
            return new Response(null, {
              status: r.status,
              headers: r.headers['retry-after'] ? { 'retry-after': r.headers['retry-after'] } : {},
            });
          }) as typeof fetch,
        },
      ).catch(() => null);
      ok = res !== null && res.status < 400;
    }
    if (ok) {
      intentsSucceeded += 1;
      intentLatency.record(performance.now() - dueAt);
    }
  }

  const started = performance.now();
  let scheduled = 0;
  let owed = 0;
  let lastTick = 0;
  const pending = new Set<Promise<void>>();
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const now = performance.now();
      const elapsed = now - started;
      if (elapsed >= opts.durationMs) {
        clearInterval(tick);
        resolve();
        return;
      }
      // A late timer (a busy loop) owes the requests it missed, up to 50 ms of them at once.
      owed += (opts.rate(elapsed / 1000) * Math.min(elapsed - lastTick, 50)) / 1000;
      lastTick = elapsed;
      while (owed >= 1) {
        owed -= 1;
        scheduled += 1;
        if (outstanding >= maxOutstanding) {
          dropped += 1;
          opts.recorder.recordSent(now);
          opts.recorder.record('failed', 0, now);
          continue;
        }
        outstanding += 1;
        const p = intent(opts.next(), now).finally(() => {
          outstanding -= 1;
          pending.delete(p);
        });
        pending.add(p);
      }
    }, 1);
  });
  await Promise.allSettled([...pending]);
  await pool.close();
  return {
    intents: scheduled,
    attempts,
    intentsSucceeded,
    intentLatency: intentLatency.summary(),
    dropped,
  };
}

/**
 * Closed-loop: `concurrency` workers each send the next request as soon as the previous one is
 * answered, for `durationMs`: the most a service does with that many callers. A worker refused
 * (429/503) waits what `Retry-After` says, as the SPA's clients do.
 */
export async function runClosedLoop(opts: {
  origin: string;
  concurrency: number;
  durationMs: number;
  recorder: Recorder;
  next: (worker: number) => RequestSpec | null;
  onResponse?: (
    worker: number,
    status: number,
    headers: Record<string, string | string[] | undefined>,
  ) => void;
}): Promise<void> {
  const pool = new Pool(opts.origin, { connections: opts.concurrency, pipelining: 1 });
  const deadline = performance.now() + opts.durationMs;
  await Promise.all(
    Array.from({ length: opts.concurrency }, async (_, w) => {
      while (performance.now() < deadline) {
        const spec = opts.next(w);
        if (!spec) return;
        const at = performance.now();
        opts.recorder.recordSent(at);
        let status = 0;
        let retryAfterMs = 0;
        try {
          const res = await pool.request({
            method: spec.method,
            path: spec.path,
            headers: spec.headers,
            body: spec.body ?? null,
          });
          status = res.statusCode;
          await res.body.dump();
          opts.onResponse?.(w, status, res.headers);
          retryAfterMs = parseRetryAfter(res.headers['retry-after'] as string | undefined) ?? 0;
        } catch {
          status = 0;
        }
        const now = performance.now();
        opts.recorder.record(outcomeOf(status), now - at, now);
        // A caller told to come back later does, as the shared retry policy does (not at once).
        if (isFailure(status))
          await new Promise((r) =>
            setTimeout(
              r,
              Math.min(retryAfterMs || 1000, Math.max(0, deadline - performance.now())),
            ),
          );
      }
    }),
  );
  await pool.close();
}
