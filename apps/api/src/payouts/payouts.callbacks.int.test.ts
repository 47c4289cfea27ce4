import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getWallet, redeemReward, signPayload } from '@playloop/core';
import { ZCallbackAck, type TProviderCallback } from '@playloop/shared';
import { FAST_POLICY, startPayoutStack, until, type PayoutStack } from './testing/stack.js';

let stack: PayoutStack;
beforeAll(async () => {
  stack = await startPayoutStack({ policy: { ...FAST_POLICY, pendingCheckMs: 60_000 } });
});
afterAll(async () => {
  await stack?.stop();
});

const statusOf = async (payoutId: string) =>
  (
    await stack.pool.query<{ status: string }>('select status from payouts where id = $1', [
      payoutId,
    ])
  ).rows[0]?.status;

/** Posts a callback as a provider would: raw body, `X-Signature` over it. */
async function post(body: string, signature: string | null, provider = 'sandbox') {
  const res = await fetch(`${stack.api.base}/api/payouts/callbacks/${provider}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(signature ? { 'x-signature': signature } : {}),
    },
    body,
  });
  return { status: res.status, json: (await res.json()) as unknown };
}
const signed = (event: TProviderCallback, secret = stack.creds.callbackSecret, at = Date.now()) => {
  const body = JSON.stringify(event);
  return post(body, signPayload(secret, body, at));
};

/** A payout the sandbox holds as a pending order (it will not settle it by itself within the test). */
async function pendingPayout() {
  const player = await stack.user({ points: 100 });
  const itemId = await stack.giftCard({ costPoints: 100, amountCents: 2_500 });
  const { payout } = await redeemReward(stack.pool, {
    userId: player.id,
    itemId,
    requestKey: `cb-${player.id}`,
    device: 'desktop',
    configuredProviders: new Set(['sandbox']),
  });
  stack.sandbox.setBehaviour({ asyncDelayMs: 600_000 });
  stack.sandbox.script(payout.id, ['pending']);
  await stack.api.services.payouts.enqueuePayout(payout.id);
  const order = await until(
    async () => stack.sandbox.orders().find((o) => o.reference === payout.id),
    10_000,
    'the pending order',
  );
  await until(
    async () => ((await statusOf(payout.id)) === 'processing' ? true : undefined),
    10_000,
    'the payout to be processing',
  );
  const event = (
    type: TProviderCallback['type'],
    extra: Partial<TProviderCallback['data']> = {},
  ): TProviderCallback => ({
    id: `evt_${randomBytes(8).toString('hex')}`,
    type,
    createdAt: new Date().toISOString(),
    data: {
      orderId: order.id,
      idempotencyKey: order.idempotencyKey,
      reference: payout.id,
      amount: { value: 2_500, currency: 'EUR' },
      code: 'GIFT-1234-5678',
      ...extra,
    },
  });
  return { player, payoutId: payout.id, event };
}

describe('provider callbacks', () => {
  it('settle an asynchronous payout from the sandbox’s own signed callbacks, each sent twice, applied once', async () => {
    stack.sandbox.setBehaviour({
      asyncFulfilment: true,
      asyncDelayMs: 100,
      duplicateCallbacks: true,
    });
    const player = await stack.user({ points: 100 });
    const itemId = await stack.giftCard({ costPoints: 100 });
    const { payout } = await redeemReward(stack.pool, {
      userId: player.id,
      itemId,
      requestKey: 'async-key-1',
      device: 'desktop',
      configuredProviders: new Set(['sandbox']),
    });
    await stack.api.services.payouts.enqueuePayout(payout.id);
    await until(
      async () => ((await statusOf(payout.id)) === 'fulfilled' ? true : undefined),
      10_000,
      'the callback to fulfil the payout',
    );
    stack.sandbox.setBehaviour({ asyncFulfilment: false, duplicateCallbacks: false });
    const sent = await until(
      async () => {
        const all = stack.sandbox.callbacks().filter((c) => c.event.data.reference === payout.id);
        return all.length === 4 && all.every((c) => c.status === 200) ? all : undefined;
      },
      10_000,
      'all callbacks answered',
    );
    const { rows } = await stack.pool.query(
      'select event_type, applied from payout_provider_callbacks where payout_id = $1 order by id',
      [payout.id],
    );
    expect(rows).toEqual([
      { event_type: 'order.processing', applied: false },
      { event_type: 'order.fulfilled', applied: true },
    ]);

    // Replaying every captured request (body and signature untouched) changes nothing.
    for (const c of sent)
      expect(ZCallbackAck.parse((await post(c.body, c.signature)).json)).toEqual({
        received: true,
        applied: false,
        duplicate: true,
      });
    expect(await statusOf(payout.id)).toBe('fulfilled');
    expect(stack.sandbox.stats().orders).toBeGreaterThan(0);
  });

  it('arriving out of order (fulfilled, then processing, then a stale failure) leave the payout fulfilled and the points spent', async () => {
    const { player, payoutId, event } = await pendingPayout();
    const fulfilled = event('order.fulfilled');
    expect(ZCallbackAck.parse((await signed(fulfilled)).json)).toEqual({
      received: true,
      applied: true,
      duplicate: false,
    });
    expect(ZCallbackAck.parse((await signed(event('order.processing'))).json)).toMatchObject({
      applied: false,
      duplicate: false,
    });
    expect(
      ZCallbackAck.parse((await signed(event('order.failed', { failureCode: 'late' }))).json),
    ).toMatchObject({ applied: false, duplicate: false });
    expect(ZCallbackAck.parse((await signed(fulfilled)).json)).toMatchObject({
      applied: false,
      duplicate: true,
    });
    expect(await statusOf(payoutId)).toBe('fulfilled');
    expect(await getWallet(stack.pool, player.id)).toMatchObject({ points: 0 });
    const code = await stack.pool.query('select reward_code from payouts where id = $1', [
      payoutId,
    ]);
    expect(code.rows[0]).toEqual({ reward_code: 'GIFT-1234-5678' });
  });

  it('a failure callback returns the points; a later success for it is recorded, not applied', async () => {
    const { player, payoutId, event } = await pendingPayout();
    expect(
      ZCallbackAck.parse(
        (await signed(event('order.failed', { failureCode: 'card_blocked' }))).json,
      ),
    ).toMatchObject({ applied: true });
    expect(await statusOf(payoutId)).toBe('failed');
    expect(await getWallet(stack.pool, player.id)).toMatchObject({ points: 100 });
    expect(ZCallbackAck.parse((await signed(event('order.fulfilled'))).json)).toMatchObject({
      applied: false,
    });
    expect(await statusOf(payoutId)).toBe('failed');
    expect(await getWallet(stack.pool, player.id)).toMatchObject({ points: 100 });
  });

  it('a callback for another amount escalates the payout', async () => {
    const { payoutId, event } = await pendingPayout();
    await signed(event('order.fulfilled', { amount: { value: 9_999, currency: 'EUR' } }));
    expect(await statusOf(payoutId)).toBe('escalated');
    const { rows } = await stack.pool.query(
      'select category from payout_exceptions where payout_id = $1',
      [payoutId],
    );
    expect(rows).toEqual([{ category: 'amount_mismatch' }]);
  });

  it('refuses unsigned, forged, stale and unknown-provider callbacks before reading them', async () => {
    const { payoutId, event } = await pendingPayout();
    const refused = event('order.fulfilled');
    const body = JSON.stringify(refused);
    expect(await post(body, null)).toMatchObject({
      status: 401,
      json: { error: { code: 'SIGNATURE_INVALID' } },
    });
    expect(await post(body, signPayload('not-the-secret-at-all', body))).toMatchObject({
      status: 401,
      json: { error: { code: 'SIGNATURE_INVALID' } },
    });
    expect(await post(`${body} `, signPayload(stack.creds.callbackSecret, body))).toMatchObject({
      status: 401,
    });
    expect(
      await post(body, signPayload(stack.creds.callbackSecret, body, Date.now() - 10 * 60_000)),
    ).toMatchObject({ status: 401 });
    expect(await post(body, signPayload(stack.creds.callbackSecret, body), 'nobody')).toMatchObject(
      { status: 404 },
    );
    const junk = '{"id":1}';
    expect(await post(junk, signPayload(stack.creds.callbackSecret, junk))).toMatchObject({
      status: 400,
      json: { error: { code: 'VALIDATION_FAILED' } },
    });
    expect(await statusOf(payoutId)).toBe('processing');
    const { rows } = await stack.pool.query(
      'select count(*)::int as n from payout_provider_callbacks where event_id = $1',
      [refused.id],
    );
    expect(rows[0]).toEqual({ n: 0 });
  });
});
