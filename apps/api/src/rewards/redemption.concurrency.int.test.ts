import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLedgerDrift, getWallet } from '@playloop/core';
import { ZErrorBody, ZRedemptionResult } from '@playloop/shared';
import { client } from '../../test/harness.js';
import { startPayoutStack, type PayoutStack } from '../payouts/testing/stack.js';

let stack: PayoutStack;
beforeAll(async () => {
  // Load shedding (64 expensive requests in flight by default) would answer part of the burst with
  // 503 OVERLOADED + Retry-After before it reached the shop; raised here so all 100 race for stock.
  stack = await startPayoutStack({
    worker: false,
    apiEnv: { SHED_MAX_IN_FLIGHT: '1000', SHED_MAX_EVENT_LOOP_DELAY_MS: '10000' },
  });
});
afterAll(async () => {
  await stack?.stop();
});

describe('100 players racing for the last 10 items in stock', () => {
  it('sells exactly 10, tells the other 90 it ran out, and loses no points', async () => {
    const itemId = await stack.giftCard({ costPoints: 100, stock: 10 });
    const players = await Promise.all(
      Array.from({ length: 100 }, () => stack.user({ points: 250 })),
    );
    const answers = await Promise.all(
      players.map((p, i) =>
        client(stack.api.base).call('POST', `/api/rewards/${itemId}/redeem`, {
          token: p.token,
          headers: { 'idempotency-key': `race-${i}-key` },
        }),
      ),
    );

    const won = answers.flatMap((a, i) =>
      a.status === 201 ? [{ player: players[i], result: ZRedemptionResult.parse(a.json) }] : [],
    );
    const lost = answers.filter((a) => a.status !== 201);
    expect(won).toHaveLength(10);
    expect(lost).toHaveLength(90);
    expect(new Set(lost.map((a) => `${a.status} ${ZErrorBody.parse(a.json).error.code}`))).toEqual(
      new Set(['409 OUT_OF_STOCK']),
    );
    expect(ZErrorBody.parse(lost[0]?.json).error.message).toBe(
      'Sorry, this reward has just run out.',
    );

    for (const w of won) expect(w.result.wallet.points).toBe(150);
    const winners = new Set(won.map((w) => w.player?.id));
    const wallets = await Promise.all(
      players.map(async (p) => ({ id: p.id, points: (await getWallet(stack.pool, p.id)).points })),
    );
    for (const w of wallets) expect(w.points).toBe(winners.has(w.id) ? 150 : 250);
    expect(wallets.reduce((sum, w) => sum + w.points, 0)).toBe(100 * 250 - 10 * 100);

    const { rows } = await stack.pool.query<{ stock: number; payouts: string }>(
      'select stock, (select count(*) from payouts where item_id = $1) as payouts from reward_items where id = $1',
      [itemId],
    );
    expect(rows[0]).toEqual({ stock: 0, payouts: '10' });
    expect(await findLedgerDrift(stack.pool)).toEqual({
      accountsOffBalance: [],
      unbalancedTransactions: [],
      negativeAccounts: 0,
    });
  }, 60_000);

  it('a retried request with the same Idempotency-Key, even in parallel, spends once', async () => {
    const itemId = await stack.giftCard({ costPoints: 100, stock: 5 });
    const player = await stack.user({ points: 1_000 });
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        client(stack.api.base).call('POST', `/api/rewards/${itemId}/redeem`, {
          token: player.token,
          headers: { 'idempotency-key': 'double-click-key' },
        }),
      ),
    );
    const results = answers.map((a) => ZRedemptionResult.parse(a.json));
    expect(new Set(results.map((r) => r.payout.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await getWallet(stack.pool, player.id)).toMatchObject({ points: 900 });
    const reuse = await client(stack.api.base).call(
      'POST',
      `/api/rewards/${await stack.giftCard({ costPoints: 1 })}/redeem`,
      { token: player.token, headers: { 'idempotency-key': 'double-click-key' } },
    );
    expect(reuse).toMatchObject({ status: 409, json: { error: { code: 'CONFLICT' } } });
  });
});
