import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fullJitterDelay, parseRetryAfter } from './backoff.js';
import { RetryBudget } from './budget.js';
import { defaultRetryPolicy, fetchWithRetry } from './fetch-with-retry.js';

/** A scripted server: each call answers the next status (and headers) in the list. */
function scripted(responses: Array<number | Error | [number, Record<string, string>]>) {
  const calls: string[] = [];
  const sleeps: number[] = [];
  const fetchImpl = (async (url: string) => {
    calls.push(url);
    const next = responses[Math.min(calls.length - 1, responses.length - 1)];
    if (next instanceof Error) throw next;
    const [status, headers] = Array.isArray(next) ? next : [next as number, {}];
    return new Response(null, { status, headers });
  }) as typeof fetch;
  return {
    calls,
    sleeps,
    deps: {
      fetch: fetchImpl,
      sleep: async (ms: number) => void sleeps.push(ms),
      random: () => 0.5,
    },
  };
}

describe('shared retry policy', () => {
  it('waits exactly what Retry-After says, then succeeds', async () => {
    const s = scripted([[503, { 'Retry-After': '2' }], 200]);
    const res = await fetchWithRetry('/x', undefined, defaultRetryPolicy(), s.deps);
    expect(res.status).toBe(200);
    expect(s.sleeps).toEqual([2000]);
  });

  it('backs off with full jitter when the server names no wait', async () => {
    const s = scripted([502, 504, 200]);
    const policy = defaultRetryPolicy();
    await fetchWithRetry('/x', undefined, policy, s.deps);
    // random() = 0.5 → half of base·2^attempt
    expect(s.sleeps).toEqual([policy.baseDelayMs * 0.5, policy.baseDelayMs]);
  });

  it('never retries a non-idempotent request without an idempotency key (a login is sent once)', async () => {
    const s = scripted([503, 200]);
    const res = await fetchWithRetry('/login', { method: 'POST' }, defaultRetryPolicy(), s.deps);
    expect(res.status).toBe(503);
    expect(s.calls).toHaveLength(1);
  });

  it('retries a POST that carries an Idempotency-Key', async () => {
    const s = scripted([503, 201]);
    const res = await fetchWithRetry(
      '/redeem',
      { method: 'POST', headers: { 'Idempotency-Key': 'k1' } },
      defaultRetryPolicy(),
      s.deps,
    );
    expect(res.status).toBe(201);
    expect(s.calls).toHaveLength(2);
  });

  it('does not retry client errors', async () => {
    const s = scripted([400, 200]);
    expect((await fetchWithRetry('/x', undefined, defaultRetryPolicy(), s.deps)).status).toBe(400);
    expect(s.calls).toHaveLength(1);
  });

  it('gives up when the shared budget is spent, so many calls cannot become a retry storm', async () => {
    const budget = new RetryBudget({ ratio: 0.1, minTokens: 2, maxTokens: 10 });
    const s = scripted([503]);
    const policy = { ...defaultRetryPolicy(budget), maxAttempts: 10 };
    for (let i = 0; i < 5; i++) await fetchWithRetry('/x', undefined, policy, s.deps);
    // 5 first attempts + at most 2 initial tokens + 5 × 0.1 deposits (< 1 more) of retries
    expect(s.calls.length).toBeLessThanOrEqual(5 + 2);
    expect(s.calls.length).toBeGreaterThan(5);
  });

  it('returns the 429 to the caller when Retry-After is longer than it is willing to wait', async () => {
    const s = scripted([[429, { 'Retry-After': '120' }], 200]);
    expect((await fetchWithRetry('/x', undefined, defaultRetryPolicy(), s.deps)).status).toBe(429);
    expect(s.sleeps).toEqual([]);
  });

  it('retries network errors for idempotent requests and rethrows the last one', async () => {
    const s = scripted([new TypeError('fetch failed')]);
    await expect(
      fetchWithRetry('/x', undefined, { ...defaultRetryPolicy(), maxAttempts: 3 }, s.deps),
    ).rejects.toThrow('fetch failed');
    expect(s.calls).toHaveLength(3);
  });
});

describe('backoff maths', () => {
  it('full jitter stays within [0, min(cap, base·2^n))', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (attempt, r) => {
          const d = fullJitterDelay(attempt, { baseDelayMs: 100, maxDelayMs: 10_000 }, () => r);
          return d >= 0 && d < Math.min(10_000, 100 * 2 ** attempt);
        },
      ),
    );
  });

  it('parses Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('garbage', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
