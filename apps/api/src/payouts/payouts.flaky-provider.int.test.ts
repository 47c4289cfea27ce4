import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computePayoutKpis, createRedisBreaker, findLedgerDrift } from '@playloop/core';
import { redeemMany } from './testing/bulk.js';
import { startPayoutStack, statusCounts, until, type PayoutStack } from './testing/stack.js';

let stack: PayoutStack;
beforeAll(async () => {
  stack = await startPayoutStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe('a provider failing 30% of calls transiently (5xx, 503, timeouts past the deadline, 429 with Retry-After)', () => {
  it('fulfils all 1,000 payouts, each paid exactly once by the sandbox’s own books', async () => {
    stack.sandbox.setBehaviour({ failureRate: 0.3 });
    const itemId = await stack.giftCard({ costPoints: 10, amountCents: 500 });
    const ids = await redeemMany(stack, { count: 1_000, players: 10, itemId, costPoints: 10 });

    await until(
      async () => ((await statusCounts(stack)).fulfilled === 1_000 ? true : undefined),
      55_000,
      '1,000 fulfilled payouts',
    );
    expect(await statusCounts(stack, ids)).toEqual({ fulfilled: 1_000 });

    const sandbox = stack.sandbox.stats();
    expect(sandbox.paidTwice).toEqual([]);
    expect(sandbox.orders).toBe(1_000);
    // Failures really happened, and every kind was met and survived.
    expect(sandbox.calls).toBeGreaterThan(1_200);
    for (const kind of ['server_error', 'unavailable', 'timeout', 'rate_limited'] as const)
      expect(sandbox.byOutcome[kind] ?? 0).toBeGreaterThan(10);
    expect(
      stack.sandbox
        .orders()
        .every(
          (o) => o.amount.value === 500 && o.amount.currency === 'EUR' && o.status === 'fulfilled',
        ),
    ).toBe(true);

    // Every exception is recorded, classified and, the payout being fulfilled, resolved.
    const { rows } = await stack.pool.query<{ category: string; open: string; n: string }>(
      `select category, count(*) filter (where resolved_at is null) as open, count(*) as n from payout_exceptions group by category`,
    );
    expect(rows.map((r) => r.category).sort()).toEqual([
      'network_timeout',
      'rate_limit',
      'server_error',
    ]);
    expect(rows.every((r) => Number(r.open) === 0)).toBe(true);
    const kpis = await computePayoutKpis(
      stack.pool,
      createRedisBreaker(stack.api.services.redis, stack.api.config.REDIS_PREFIX),
      { windowHours: 1, providers: ['sandbox'] },
    );
    expect(kpis.exceptions.share).toBe(1);
    expect(kpis.successRate).toBe(1);
    expect(kpis.escalationRate).toBe(0);
    expect(await findLedgerDrift(stack.pool)).toEqual({
      accountsOffBalance: [],
      unbalancedTransactions: [],
      negativeAccounts: 0,
    });
  }, 90_000);
});
