import { describe, expect, it } from 'vitest';
import { RetryBudget } from './budget.js';
import { defaultRetryPolicy, fetchWithRetry } from './fetch-with-retry.js';

/** A server that sheds every request with 503 + Retry-After, counting what reaches it. */
function sheddingServer(retryAfter: string) {
  let hits = 0;
  const sleeps: number[] = [];
  return {
    get hits() {
      return hits;
    },
    sleeps,
    deps: {
      fetch: (async () => {
        hits += 1;
        return new Response(null, { status: 503, headers: { 'Retry-After': retryAfter } });
      }) as typeof fetch,
      sleep: async (ms: number) => void sleeps.push(ms),
    },
  };
}

describe('the shared retry policy against a shedding server (a retry storm that does not happen)', () => {
  it('a page making 200 calls adds at most its budget in retries, each after the wait the server named', async () => {
    const server = sheddingServer('2');
    const policy = defaultRetryPolicy(new RetryBudget({ ratio: 0.1, minTokens: 3, maxTokens: 10 }));
    for (let i = 0; i < 200; i++)
      expect((await fetchWithRetry('/api/wallet', undefined, policy, server.deps)).status).toBe(
        503,
      );
    // 200 first attempts; retries: the 3 starting tokens plus 0.1 per call (≤ 20), not 3 × 200.
    expect(server.hits).toBeLessThanOrEqual(200 + 3 + 20);
    expect(server.sleeps.every((ms) => ms === 2000)).toBe(true);
  });

  it('never retries a login (a POST without an idempotency key), whatever the answer', async () => {
    const server = sheddingServer('1');
    for (let i = 0; i < 5; i++)
      await fetchWithRetry(
        '/api/auth/login',
        { method: 'POST' },
        defaultRetryPolicy(),
        server.deps,
      );
    expect(server.hits).toBe(5);
    expect(server.sleeps).toEqual([]);
  });
});
