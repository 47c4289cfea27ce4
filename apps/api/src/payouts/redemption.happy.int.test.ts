import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLedgerDrift, getWallet } from '@playloop/core';
import {
  ZMyRewards,
  ZRedemptionResult,
  ZRewardCatalogue,
  ZRewardItemAdmin,
  ZCouponImportResult,
} from '@playloop/shared';
import { client } from '../../test/harness.js';
import { startPayoutStack, until, type PayoutStack } from './testing/stack.js';

let stack: PayoutStack;
beforeAll(async () => {
  stack = await startPayoutStack();
});
afterAll(async () => {
  await stack?.stop();
});

const redeem = (token: string, itemId: string, key: string) =>
  client(stack.api.base).call('POST', `/api/rewards/${itemId}/redeem`, {
    token,
    headers: { 'idempotency-key': key },
  });

describe('redeeming a provider gift card', () => {
  it('spends the points once, creates the payout, and fulfils it through the sandbox with a code', async () => {
    const player = await stack.user({ points: 500 });
    const itemId = await stack.giftCard({ costPoints: 200, stock: 5 });
    const first = await redeem(player.token, itemId, 'key-aaaaaaaa-1');
    expect(first.status).toBe(201);
    const result = ZRedemptionResult.parse(first.json);
    expect(result).toMatchObject({
      replayed: false,
      wallet: { points: 300 },
      payout: { status: 'requested', code: null, pointsCost: 200 },
    });

    // The client retries (a lost answer): same key, same payout, no second debit.
    const again = ZRedemptionResult.parse(
      (await redeem(player.token, itemId, 'key-aaaaaaaa-1')).json,
    );
    expect(again).toMatchObject({
      replayed: true,
      payout: { id: result.payout.id },
      wallet: { points: 300 },
    });

    const fulfilled = await until(
      async () => {
        const mine = ZMyRewards.parse(
          (await client(stack.api.base).call('GET', '/api/rewards/mine', { token: player.token }))
            .json,
        );
        const p = mine.payouts.find((x) => x.id === result.payout.id);
        return p?.status === 'fulfilled' ? p : undefined;
      },
      10_000,
      'the payout to be fulfilled',
    );
    expect(fulfilled.code).toMatch(/^SBX-/);
    expect(stack.sandbox.stats()).toMatchObject({ orders: 1, paidTwice: [] });
    expect(await getWallet(stack.pool, player.id)).toMatchObject({ points: 300 });
    const catalogue = ZRewardCatalogue.parse(
      (
        await client(stack.api.base).call('GET', `/api/rewards?campaignId=${stack.campaignId}`, {
          token: player.token,
        })
      ).json,
    );
    expect(catalogue.items.find((i) => i.id === itemId)?.stock).toBe(4);
    expect(await findLedgerDrift(stack.pool)).toEqual({
      accountsOffBalance: [],
      unbalancedTransactions: [],
      negativeAccounts: 0,
    });
  });

  it('refuses a redemption without an Idempotency-Key, with more points than the player has, or past the limit', async () => {
    const player = await stack.user({ points: 150 });
    const itemId = await stack.giftCard({ costPoints: 100, perPlayerLimit: 1 });
    const noKey = await client(stack.api.base).call('POST', `/api/rewards/${itemId}/redeem`, {
      token: player.token,
    });
    expect(noKey.status).toBe(400);
    expect(noKey.json).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: [{ path: 'Idempotency-Key' }] },
    });
    expect((await redeem(player.token, itemId, 'limit-key-1')).status).toBe(201);
    const limited = await redeem(player.token, itemId, 'limit-key-2');
    expect(limited).toMatchObject({
      status: 409,
      json: { error: { code: 'REWARD_LIMIT_REACHED' } },
    });
    const pricey = await stack.giftCard({ costPoints: 100 });
    const poor = await redeem(player.token, pricey, 'poor-key-1');
    expect(poor).toMatchObject({ status: 409, json: { error: { code: 'INSUFFICIENT_FUNDS' } } });
    expect(await getWallet(stack.pool, player.id)).toMatchObject({ points: 50 });
  });
});

describe('coupon code banks', () => {
  it('imports a CSV (skipping duplicates and bad lines) and hands each code out once', async () => {
    const marketing = await stack.user({ role: 'marketing' });
    const created = await client(stack.api.base).call('POST', '/api/admin/rewards', {
      token: marketing.token,
      body: {
        campaignId: stack.campaignId,
        kind: 'coupon',
        title: '10% off',
        costPoints: 10,
        perPlayerLimit: null,
      },
    });
    expect(created.status).toBe(201);
    const item = ZRewardItemAdmin.parse(created.json);
    const csv = 'code\nAAAA-1111\nBBBB-2222\nAAAA-1111\nnot a code!\nCCCC-3333\n';
    const imported = await client(stack.api.base).call(
      'POST',
      `/api/admin/rewards/${item.id}/codes`,
      { token: marketing.token, body: { csv } },
    );
    expect(ZCouponImportResult.parse(imported.json)).toEqual({
      imported: 3,
      duplicates: 1,
      invalid: [{ line: 5, reason: expect.any(String) }],
      stock: 3,
    });

    const players = await Promise.all([1, 2, 3, 4].map(() => stack.user({ points: 10 })));
    const answers = await Promise.all(
      players.map((p, i) => redeem(p.token, item.id, `coupon-key-${i}-xx`)),
    );
    const ok = answers
      .filter((a) => a.status === 201)
      .map((a) => ZRedemptionResult.parse(a.json).payout);
    expect(ok).toHaveLength(3);
    expect(ok.every((p) => p.status === 'fulfilled')).toBe(true);
    expect(new Set(ok.map((p) => p.code))).toEqual(
      new Set(['AAAA-1111', 'BBBB-2222', 'CCCC-3333']),
    );
    expect(
      answers
        .filter((a) => a.status === 409)
        .map((a) => (a.json as { error: { code: string } }).error.code),
    ).toEqual(['OUT_OF_STOCK']);
  });
});
