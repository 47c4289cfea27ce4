import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { createTestRedisPrefix } from '../testing/redis.js';
import { createRedisBreaker, type PayoutBreaker } from './breaker.js';

const cfg = { failureThreshold: 3, cooldownMs: 200, countedCategories: ['server_error' as const] };
let ns: ReturnType<typeof createTestRedisPrefix>;
let podA: Redis;
let podB: Redis;
let a: PayoutBreaker;
let b: PayoutBreaker;
beforeAll(() => {
  ns = createTestRedisPrefix();
  podA = new Redis(ns.url);
  podB = new Redis(ns.url);
  // Two pods, two connections, one breaker.
  a = createRedisBreaker(podA, ns.prefix);
  b = createRedisBreaker(podB, ns.prefix);
});
afterAll(async () => {
  podA.disconnect();
  podB.disconnect();
  await ns.cleanup();
});

const until = async (check: () => Promise<boolean>) => {
  for (const deadline = Date.now() + 5_000; !(await check());) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('the Redis circuit breaker', () => {
  it('opens after N consecutive failures counted across pods, lets one probe through after the cool-down, and closes on its success', async () => {
    expect(await a.acquire('p1', cfg, 1_000)).toEqual({ allowed: true, probe: false, waitMs: 0 });
    expect(await a.recordFailure('p1', cfg, false)).toBe(false);
    expect(await b.recordFailure('p1', cfg, false)).toBe(false);
    expect(await a.recordFailure('p1', cfg, false)).toBe(true);
    const refused = await b.acquire('p1', cfg, 1_000);
    expect(refused.allowed).toBe(false);
    expect(refused.waitMs).toBeGreaterThan(0);
    expect(refused.waitMs).toBeLessThanOrEqual(200);
    expect((await a.state('p1')).state).toBe('open');

    await until(async () => (await a.state('p1')).state === 'half_open');
    const gates = await Promise.all([
      a.acquire('p1', cfg, 1_000),
      b.acquire('p1', cfg, 1_000),
      a.acquire('p1', cfg, 1_000),
    ]);
    expect(gates.filter((g) => g.allowed)).toEqual([{ allowed: true, probe: true, waitMs: 0 }]);
    await b.recordSuccess('p1');
    expect(await a.state('p1')).toMatchObject({
      state: 'closed',
      consecutiveFailures: 0,
      opens: 1,
    });
    expect((await b.acquire('p1', cfg, 1_000)).allowed).toBe(true);
  });

  it('re-opens at once when the probe fails, and a success resets the count', async () => {
    for (let i = 0; i < 3; i++) await a.recordFailure('p2', cfg, false);
    await until(async () => (await a.state('p2')).state === 'half_open');
    const probe = await b.acquire('p2', cfg, 1_000);
    expect(probe.probe).toBe(true);
    expect(await b.recordFailure('p2', cfg, true)).toBe(true);
    expect(await a.state('p2')).toMatchObject({ state: 'open', opens: 2 });

    await a.recordFailure('p3', cfg, false);
    await a.recordFailure('p3', cfg, false);
    await b.recordSuccess('p3');
    expect(await a.recordFailure('p3', cfg, false)).toBe(false);
    expect((await a.state('p3')).state).toBe('closed');
  });
});
