import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redeemReward } from '@playloop/core';
import { spawnWorker } from './testing/child-worker.js';
import { FAST_POLICY, startPayoutStack, until, type PayoutStack } from './testing/stack.js';

let stack: PayoutStack;
const workers: Array<Awaited<ReturnType<typeof spawnWorker>>> = [];
beforeAll(async () => {
  // The client deadline outlives the provider's hang, so the kill lands while the call is open.
  stack = await startPayoutStack({
    worker: false,
    policy: { ...FAST_POLICY, timeoutMs: 20_000 },
    behaviour: { hangMs: 30_000 },
  });
});
afterAll(async () => {
  for (const w of workers) await w.stop();
  await stack?.stop();
});

const childEnv = () => ({
  DATABASE_URL: stack.api.config.DATABASE_URL,
  REDIS_URL: stack.api.config.REDIS_URL,
  REDIS_PREFIX: stack.api.config.REDIS_PREFIX,
  JWT_SECRET: stack.api.config.JWT_SECRET,
  NODE_ENV: 'test',
  ...stack.workerEnv,
  // A dead worker's job is handed over once its lock expires.
  PAYOUT_LOCK_MS: '1500',
});

describe('a worker killed (SIGKILL) in the middle of a provider call', () => {
  it('runs the payout again in another worker, and the provider sees one payout', async () => {
    const first = await spawnWorker(childEnv());
    workers.push(first);
    const player = await stack.user({ points: 100 });
    const itemId = await stack.giftCard({ costPoints: 100 });
    const { payout } = await redeemReward(stack.pool, {
      userId: player.id,
      itemId,
      requestKey: 'crash-test-key',
      device: 'ios',
      configuredProviders: new Set(['sandbox']),
    });
    // The sandbox takes the order, then hangs: the worker is waiting on the answer when it dies.
    stack.sandbox.script(payout.id, ['timeout']);
    await stack.api.services.payouts.enqueuePayout(payout.id);
    await until(
      async () => (stack.sandbox.stats().orders === 1 ? true : undefined),
      15_000,
      'the call to reach the sandbox',
    );

    await first.kill();
    const { rows: midway } = await stack.pool.query('select status from payouts where id = $1', [
      payout.id,
    ]);
    expect(midway[0]).toEqual({ status: 'processing' });

    workers.push(await spawnWorker(childEnv()));
    await until(
      async () => {
        const { rows } = await stack.pool.query<{ status: string }>(
          'select status from payouts where id = $1',
          [payout.id],
        );
        return rows[0]?.status === 'fulfilled' ? true : undefined;
      },
      20_000,
      'the payout to be fulfilled by the second worker',
    );

    expect(stack.sandbox.stats()).toMatchObject({ calls: 2, orders: 1, paidTwice: [] });
    const orders = stack.sandbox.orders();
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ reference: payout.id, idempotencyKey: `po_${payout.id}` });
    const attempts = await stack.pool.query(
      'select attempt_no, outcome, code from payout_attempts where payout_id = $1 order by attempt_no',
      [payout.id],
    );
    expect(attempts.rows).toEqual([
      { attempt_no: 1, outcome: 'interrupted', code: 'WORKER_INTERRUPTED' },
      { attempt_no: 2, outcome: 'fulfilled', code: orders[0]?.id },
    ]);
    const exceptions = await stack.pool.query(
      'select code, category, resolution from payout_exceptions where payout_id = $1',
      [payout.id],
    );
    expect(exceptions.rows).toEqual([
      { code: 'WORKER_INTERRUPTED', category: 'network_timeout', resolution: 'fulfilled' },
    ]);
  }, 60_000);
});
