import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getWallet, redeemReward } from '@playloop/core';
import type { Outcome } from '@playloop/sandbox-provider';
import { ZSupportPayoutContext, ZSupportQueue } from '@playloop/shared';
import { client } from '../../test/harness.js';
import { FAST_POLICY, startPayoutStack, until, type PayoutStack } from './testing/stack.js';

let stack: PayoutStack;
let support: Awaited<ReturnType<PayoutStack['user']>>;
beforeAll(async () => {
  stack = await startPayoutStack({
    backup: true,
    policy: { ...FAST_POLICY, retry: { ...FAST_POLICY.retry, maxAttempts: 3 } },
  });
  support = await stack.user({ role: 'support' });
});
afterAll(async () => {
  await stack?.stop();
});

/** One redemption whose provider calls follow `script`, then waits until the payout settles or escalates. */
async function payoutWith(script: Outcome[], provider = 'sandbox') {
  const player = await stack.user({ points: 300 });
  const itemId = await stack.giftCard({ costPoints: 100, stock: 10, provider });
  const { payout } = await redeemReward(stack.pool, {
    userId: player.id,
    itemId,
    requestKey: `k-${player.id}`,
    device: 'android',
    configuredProviders: new Set(['sandbox', 'backup']),
  });
  stack.sandbox.script(payout.id, script);
  await stack.api.services.payouts.enqueuePayout(payout.id);
  const status = await settled(payout.id);
  return { player, itemId, payoutId: payout.id, status };
}

const settled = (payoutId: string, among = ['fulfilled', 'failed', 'escalated', 'refunded']) =>
  until(
    async () => {
      const { rows } = await stack.pool.query<{ status: string }>(
        'select status from payouts where id = $1',
        [payoutId],
      );
      return rows[0] && among.includes(rows[0].status) ? rows[0].status : undefined;
    },
    15_000,
    `payout ${payoutId} to settle`,
  );

const callsFor = (payoutId: string) =>
  stack.pool
    .query(
      'select attempt_no, category, code from payout_attempts where payout_id = $1 order by attempt_no',
      [payoutId],
    )
    .then((r) => r.rows);
const context = async (payoutId: string) =>
  ZSupportPayoutContext.parse(
    (
      await client(stack.api.base).call('GET', `/api/support/payouts/${payoutId}`, {
        token: support.token,
      })
    ).json,
  );
const act = (payoutId: string, body: object) =>
  client(stack.api.base).call('POST', `/api/support/payouts/${payoutId}/actions`, {
    token: support.token,
    body,
  });
const stockOf = async (itemId: string) =>
  (
    await stack.pool.query<{ stock: number }>('select stock from reward_items where id = $1', [
      itemId,
    ])
  ).rows[0]?.stock;

describe('non-transient failures fail fast', () => {
  it.each([
    ['declined', 'declined'],
    ['bad_request', 'bad_request'],
  ] as const)(
    '%s: one call, no retry, the payout fails and the points and stock come back by themselves',
    async (outcome, category) => {
      const { player, itemId, payoutId, status } = await payoutWith([outcome, 'ok', 'ok']);
      expect(status).toBe('failed');
      expect(await callsFor(payoutId)).toEqual([
        { attempt_no: 1, category, code: expect.any(String) },
      ]);
      expect(await getWallet(stack.pool, player.id)).toMatchObject({ points: 300 });
      expect(await stockOf(itemId)).toBe(10);
      const ctx = await context(payoutId);
      expect(ctx.exceptions).toMatchObject([
        {
          category,
          transient: false,
          provider: 'sandbox',
          playerSegment: 'new',
          device: 'android',
          resolution: 'failed',
        },
      ]);
      expect(ctx.ledger.map((l) => [l.kind, l.points])).toEqual([
        ['redemption', -100],
        ['refund', 100],
      ]);
    },
  );

  it('expired credentials: one call, then the support queue (a key to fix, not a payout to fail)', async () => {
    const { payoutId, status } = await payoutWith(['expired_credentials', 'ok']);
    expect(status).toBe('escalated');
    expect(await callsFor(payoutId)).toHaveLength(1);
    expect((await context(payoutId)).warnings.join(' ')).toMatch(/refused our credentials/);
  });
});

describe('an amount mismatch', () => {
  it('stops and escalates with its whole context; support refunds it', async () => {
    const { player, itemId, payoutId, status } = await payoutWith(['amount_mismatch']);
    expect(status).toBe('escalated');
    expect(await callsFor(payoutId)).toEqual([
      { attempt_no: 1, category: 'amount_mismatch', code: 'AMOUNT_MISMATCH' },
    ]);

    const queue = ZSupportQueue.parse(
      (await client(stack.api.base).call('GET', '/api/support/payouts', { token: support.token }))
        .json,
    );
    expect(queue.payouts.map((p) => p.id)).toContain(payoutId);
    const ctx = await context(payoutId);
    expect(ctx.payout).toMatchObject({
      status: 'escalated',
      lastErrorCategory: 'amount_mismatch',
      escalationReason: expect.stringMatching(/amount_mismatch/),
      idempotencyKey: `po_${payoutId}`,
    });
    expect(ctx.attempts).toMatchObject([
      {
        outcome: 'failed',
        category: 'amount_mismatch',
        detail: expect.stringMatching(/recorded 1500 EUR, payout is 1000 EUR/),
      },
    ]);
    expect(ctx.exceptions).toMatchObject([{ category: 'amount_mismatch', resolvedAt: null }]);
    expect(ctx.history.map((h) => h.to)).toEqual(['requested', 'processing', 'escalated']);
    expect(ctx.allowedActions).toEqual(['retry', 'switch_provider', 'refund']);
    expect(ctx.warnings.join(' ')).toMatch(/different amount/);
    // The player sees where it stands, never a code for a payout in doubt.
    const mine = await client(stack.api.base).call('GET', `/api/payouts/${payoutId}`, {
      token: player.token,
    });
    expect(mine.json).toMatchObject({ status: 'escalated', code: null, pointsReturned: false });

    const refunded = ZSupportPayoutContext.parse(
      (await act(payoutId, { action: 'refund', note: 'provider confirmed the wrong amount' })).json,
    );
    expect(refunded.payout.status).toBe('refunded');
    expect(refunded.exceptions[0]?.resolution).toBe('refunded');
    expect(refunded.history.at(-1)).toMatchObject({
      from: 'escalated',
      to: 'refunded',
      actor: support.id,
    });
    expect(await getWallet(stack.pool, player.id)).toMatchObject({ points: 300 });
    expect(await stockOf(itemId)).toBe(10);
    const twice = await act(payoutId, { action: 'refund' });
    expect(twice).toMatchObject({ status: 409, json: { error: { code: 'CONFLICT' } } });
  });
});

describe('stage 2 actions', () => {
  it('retries exhausted escalate; a support retry (same idempotency key) fulfils without paying twice', async () => {
    const { payoutId, status } = await payoutWith(['server_error', 'server_error', 'server_error']);
    expect(status).toBe('escalated');
    expect(await callsFor(payoutId)).toHaveLength(3);
    expect((await context(payoutId)).payout.escalationReason).toMatch(
      /retries exhausted after 3 attempts/,
    );
    expect((await act(payoutId, { action: 'retry', note: 'provider says fixed' })).status).toBe(
      200,
    );
    expect(await settled(payoutId, ['fulfilled'])).toBe('fulfilled');
    // The first 500 came after the order was taken: the retry found it instead of placing another.
    expect(stack.sandbox.orders().filter((o) => o.reference === payoutId)).toHaveLength(1);
    expect(stack.sandbox.stats().paidTwice).toEqual([]);
  });

  it('switches an escalated payout to another provider', async () => {
    const { payoutId, status } = await payoutWith(['expired_credentials']);
    expect(status).toBe('escalated');
    const bad = await act(payoutId, { action: 'switch_provider', provider: 'nowhere' });
    expect(bad).toMatchObject({
      status: 400,
      json: { error: { code: 'VALIDATION_FAILED', details: [{ path: 'provider' }] } },
    });
    expect((await act(payoutId, { action: 'switch_provider', provider: 'backup' })).status).toBe(
      200,
    );
    expect(await settled(payoutId, ['fulfilled'])).toBe('fulfilled');
    expect(stack.backup?.orders().map((o) => o.reference)).toContain(payoutId);
    expect(stack.sandbox.orders().filter((o) => o.reference === payoutId)).toHaveLength(0);
  });

  it('is for support and admins only', async () => {
    for (const role of ['player', 'marketing'] as const) {
      const someone = await stack.user({ role });
      const res = await client(stack.api.base).call('GET', '/api/support/payouts', {
        token: someone.token,
      });
      expect(res).toMatchObject({ status: 403, json: { error: { code: 'FORBIDDEN' } } });
    }
    const admin = await stack.user({ role: 'admin' });
    expect(
      (
        await client(stack.api.base).call('GET', '/api/support/payouts?status=failed', {
          token: admin.token,
        })
      ).status,
    ).toBe(200);
  });
});
