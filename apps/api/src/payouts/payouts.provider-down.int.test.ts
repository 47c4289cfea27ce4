import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisBreaker, type PayoutBreaker } from '@playloop/core';
import { redeemMany } from './testing/bulk.js';
import {
  FAST_POLICY,
  startPayoutStack,
  statusCounts,
  until,
  type PayoutStack,
} from './testing/stack.js';

// The outage is observed over a fixed window: this measures a call rate, it does not synchronise.
const observe = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a provider that is fully down', () => {
  let stack: PayoutStack;
  let breaker: PayoutBreaker;
  beforeAll(async () => {
    stack = await startPayoutStack();
    breaker = createRedisBreaker(stack.api.services.redis, stack.api.config.REDIS_PREFIX);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('opens the breaker, keeps provider calls to one probe per cool-down (no retry storm), and resumes by itself when the provider returns', async () => {
    stack.sandbox.setBehaviour({ down: true });
    const itemId = await stack.giftCard({ costPoints: 10 });
    const ids = await redeemMany(stack, { count: 60, players: 6, itemId, costPoints: 10 });
    await until(
      async () => ((await breaker.state('sandbox')).state === 'open' ? true : undefined),
      10_000,
      'the breaker to open',
    );

    const atOpen = stack.sandbox.stats().calls;
    // Before it opened: at most one call per payout in flight plus the threshold, not 60 × 12 attempts.
    expect(atOpen).toBeLessThanOrEqual(60 + FAST_POLICY.breaker.failureThreshold);
    await observe(3_000);
    const during = stack.sandbox.stats().calls - atOpen;
    // One probe per cool-down (300 ms) at most, across every worker: ~10 in 3 s, never hundreds.
    expect(during).toBeLessThanOrEqual(Math.ceil(3_000 / FAST_POLICY.breaker.cooldownMs) + 2);
    expect(during).toBeGreaterThan(0); // it does keep probing
    // Waiting on an open breaker costs no attempts: nobody was failed or escalated meanwhile.
    const meanwhile = await statusCounts(stack, ids);
    expect(Object.keys(meanwhile).every((s) => s === 'requested' || s === 'processing')).toBe(true);

    stack.sandbox.setBehaviour({ down: false });
    await until(
      async () => ((await statusCounts(stack, ids)).fulfilled === 60 ? true : undefined),
      20_000,
      'payouts to resume and finish',
    );
    expect(stack.sandbox.stats()).toMatchObject({ orders: 60, paidTwice: [] });
    expect((await breaker.state('sandbox')).state).toBe('closed');
  }, 60_000);
});

describe('a down provider with a secondary configured', () => {
  let stack: PayoutStack;
  beforeAll(async () => {
    stack = await startPayoutStack({
      backup: true,
      policy: { ...FAST_POLICY, providers: { sandbox: { secondary: 'backup' } } },
    });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('hands payouts to the secondary while the primary breaker is open, and nobody is paid twice', async () => {
    stack.sandbox.setBehaviour({ down: true });
    const itemId = await stack.giftCard({ costPoints: 10 });
    const ids = await redeemMany(stack, { count: 30, players: 3, itemId, costPoints: 10 });
    await until(
      async () => ((await statusCounts(stack, ids)).fulfilled === 30 ? true : undefined),
      20_000,
      'payouts fulfilled by the secondary',
    );
    const backup = stack.backup?.stats();
    expect(backup).toMatchObject({ orders: 30, paidTwice: [] });
    // 503 means "not processed": the primary holds no order for any of them.
    expect(stack.sandbox.stats().orders).toBe(0);
    const { rows } = await stack.pool.query<{ provider: string; n: string }>(
      'select provider, count(*) as n from payouts where id = any($1) group by provider',
      [ids],
    );
    expect(rows).toEqual([{ provider: 'backup', n: '30' }]);
    const notes = await stack.pool.query(
      `select 1 from payout_status_changes where payout_id = any($1) and reason like 'failover:%'`,
      [ids],
    );
    expect(notes.rowCount).toBe(30);
  }, 60_000);
});
