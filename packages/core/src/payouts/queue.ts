import { Queue, type ConnectionOptions } from 'bullmq';
import { bullPrefix, QueueName } from '../jobs/queues.js';

export const PayoutJobName = {
  attempt: 'payout-attempt',
  sweep: 'payout-sweep',
  reconcile: 'payout-reconcile',
} as const;
export const WebhookJobName = { deliver: 'webhook-deliver', dispatch: 'webhook-dispatch' } as const;

/** One job per payout: the id makes a second enqueue (api, sweeper, support) a no-op while it waits or runs. */
export const payoutJobId = (payoutId: string) => `payout-${payoutId}`;

/**
 * Payout jobs retry by policy (the worker re-delays the same job), so BullMQ's own attempts only
 * cover infrastructure errors (Postgres down); completed jobs are removed so a support retry can
 * enqueue the payout again under the same id.
 */
export const payoutJobOptions = {
  attempts: 25,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: true,
  removeOnFail: { count: 5_000 },
} as const;

export interface PayoutQueue {
  enqueuePayout(payoutId: string, delayMs?: number): Promise<void>;
  close(): Promise<void>;
}

export function createPayoutQueue(connection: ConnectionOptions, redisPrefix: string): PayoutQueue {
  const queue = new Queue(QueueName.payouts, { connection, prefix: bullPrefix(redisPrefix) });
  return {
    async enqueuePayout(payoutId, delayMs = 0) {
      await queue.add(
        PayoutJobName.attempt,
        { payoutId },
        { ...payoutJobOptions, jobId: payoutJobId(payoutId), delay: delayMs },
      );
    },
    async close() {
      await queue.close();
    },
  };
}
