import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { redeemReward } from '@playloop/core';
import { ZPayoutView, ZWallet, type TPayoutView, type TWallet } from '@playloop/shared';
import {
  startInProcessRealtime,
  type InProcessRealtime,
} from '../../../realtime/test/in-process.js';
import { client } from '../../test/harness.js';
import { startPayoutStack, until, type PayoutStack } from './testing/stack.js';

let stack: PayoutStack;
let realtime: InProcessRealtime;
beforeAll(async () => {
  stack = await startPayoutStack();
  realtime = await startInProcessRealtime({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: stack.api.config.DATABASE_URL,
    DATABASE_POOL_MAX: '2',
    REDIS_URL: stack.api.config.REDIS_URL,
    REDIS_PREFIX: stack.api.config.REDIS_PREFIX,
    JWT_SECRET: stack.api.config.JWT_SECRET,
  });
});
afterAll(async () => {
  await realtime?.close();
  await stack?.stop();
});

/** A signed-in player's socket that records every payout and wallet push, validated against the contract. */
async function listen(token: string) {
  const socket: Socket = io(realtime.url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: { token },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  const payouts: TPayoutView[] = [];
  const wallets: TWallet[] = [];
  socket.on('payout:updated', (p: unknown) => payouts.push(ZPayoutView.parse(p)));
  socket.on('wallet:updated', (w: unknown) => wallets.push(ZWallet.parse(w)));
  return { socket, payouts, wallets };
}

describe('live redemption statuses', () => {
  it('pushes payout:updated through requested → processing → fulfilled (with the code) and wallet:updated with the debit', async () => {
    const player = await stack.user({ points: 300 });
    const itemId = await stack.giftCard({ costPoints: 120 });
    const live = await listen(player.token);
    const res = await client(stack.api.base).call('POST', `/api/rewards/${itemId}/redeem`, {
      token: player.token,
      headers: { 'idempotency-key': 'live-key-0001' },
    });
    expect(res.status).toBe(201);
    const done = await until(
      async () => live.payouts.find((p) => p.status === 'fulfilled'),
      10_000,
      'a fulfilled push',
    );
    expect(done.code).toMatch(/^SBX-/);
    expect(live.payouts.map((p) => p.status)).toEqual(['requested', 'processing', 'fulfilled']);
    expect(live.payouts.slice(0, 2).every((p) => p.code === null)).toBe(true);
    expect(live.wallets[0]).toMatchObject({ points: 180 });
    live.socket.close();
  });

  it('a declined payout arrives as failed with the points back, and the wallet says so', async () => {
    const player = await stack.user({ points: 300 });
    const itemId = await stack.giftCard({ costPoints: 120 });
    const live = await listen(player.token);
    // Redeemed through the service (no api push) so the provider's answer can be scripted before the worker runs.
    const { payout } = await redeemReward(stack.pool, {
      userId: player.id,
      itemId,
      requestKey: 'live-key-0002',
      device: 'ios',
      configuredProviders: new Set(['sandbox']),
    });
    stack.sandbox.script(payout.id, ['declined']);
    await stack.api.services.payouts.enqueuePayout(payout.id);
    const end = await until(
      async () => live.payouts.find((p) => p.status === 'failed'),
      10_000,
      'the failed push',
    );
    expect(end).toMatchObject({ id: payout.id, pointsReturned: true, code: null });
    expect(live.payouts.map((p) => p.status)).toEqual(['processing', 'failed']);
    expect(live.wallets.at(-1)).toMatchObject({ points: 300 });
    live.socket.close();
  });
});
