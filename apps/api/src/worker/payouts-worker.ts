import { DelayedError, Queue, Worker, type ConnectionOptions, type Job } from 'bullmq';
import {
  bullPrefix,
  collectReferralEvents,
  createPolicySource,
  createProviderRegistry,
  createRedisBreaker,
  deliverWebhook,
  findStalledPayouts,
  listPendingDeliveries,
  payoutJobId,
  payoutJobOptions,
  PayoutJobName,
  QueueName,
  reconcilePayouts,
  runPayoutAttempt,
  WebhookJobName,
  type Logger,
  type PayoutEngine,
  type PayoutsWorkerEnv,
  type Pool,
  type RealtimeNotifier,
  type Redis,
} from '@playloop/core';
import { z } from 'zod';

const ZPayoutJob = z.object({ payoutId: z.string() });
const ZWebhookJob = z.object({ deliveryId: z.string() });

export interface PayoutsWorkerDeps {
  connection: ConnectionOptions;
  redisUrl: string;
  redisPrefix: string;
  pool: Pool;
  redis: Redis;
  notifier: RealtimeNotifier;
  logger: Logger;
  config: PayoutsWorkerEnv;
}

/**
 * Payouts and CRM webhooks. A payout job runs one attempt; when the policy says "later" (backoff,
 * Retry-After, open breaker, pending order) the same job is moved to BullMQ's delayed set, never
 * slept on in process, so a worker that dies loses nothing: its job is handed to another worker
 * once the lock expires, and the payout's idempotency key makes the repeated call harmless.
 */
export function createPayoutsWorkers(deps: PayoutsWorkerDeps) {
  const { config, logger, pool } = deps;
  const prefix = bullPrefix(deps.redisPrefix);
  const engine: PayoutEngine = {
    pool,
    providers: createProviderRegistry(config.PAYOUT_PROVIDERS),
    breaker: createRedisBreaker(deps.redis, deps.redisPrefix),
    policies: createPolicySource(pool, { logger }),
    notifier: deps.notifier,
    logger,
  };
  if (engine.providers.size === 0)
    logger.warn(
      'PAYOUT_PROVIDERS is empty: provider rewards will wait in the queue until one is configured',
    );
  const payoutQueue = new Queue(QueueName.payouts, { connection: { url: deps.redisUrl }, prefix });
  const webhookQueue = new Queue(QueueName.webhooks, {
    connection: { url: deps.redisUrl },
    prefix,
  });
  const webhookJobOptions = {
    attempts: config.WEBHOOK_MAX_ATTEMPTS,
    backoff: { type: 'exponential', delay: config.WEBHOOK_BACKOFF_MS },
    removeOnComplete: true,
    removeOnFail: { count: 5_000 },
  } as const;

  const payouts = new Worker(
    QueueName.payouts,
    async (job: Job, token?: string) => {
      if (job.name === PayoutJobName.sweep) return sweep();
      if (job.name === PayoutJobName.reconcile)
        return {
          driftCount: (await reconcilePayouts({ pool, providers: engine.providers, logger }))
            .driftCount,
        };
      if (job.name !== PayoutJobName.attempt) throw new Error(`unknown job ${job.name}`);
      const decision = await runPayoutAttempt(engine, ZPayoutJob.parse(job.data).payoutId);
      if (decision.kind === 'settled') return decision;
      await job.moveToDelayed(Date.now() + decision.delayMs, token);
      throw new DelayedError();
    },
    {
      connection: deps.connection,
      prefix,
      concurrency: config.PAYOUT_CONCURRENCY,
      lockDuration: config.PAYOUT_LOCK_MS,
      stalledInterval: Math.min(30_000, config.PAYOUT_LOCK_MS),
      // A stall is a dead worker, not a bad payout: keep handing the job over.
      maxStalledCount: 1_000,
    },
  );

  const webhooks = new Worker(
    QueueName.webhooks,
    async (job: Job) => {
      if (job.name === WebhookJobName.dispatch) return dispatch();
      const { deliveryId } = ZWebhookJob.parse(job.data);
      const isLastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      return deliverWebhook({ pool, timeoutMs: config.WEBHOOK_TIMEOUT_MS }, deliveryId, {
        isLastAttempt,
      });
    },
    { connection: deps.connection, prefix, concurrency: 10 },
  );

  /** Payouts whose job went missing or failed for good get it back (a no-op for any job still there). */
  async function sweep() {
    let resumed = 0;
    for (const payoutId of await findStalledPayouts(
      pool,
      Math.max(2 * config.PAYOUT_SWEEP_EVERY_MS, 2 * config.PAYOUT_LOCK_MS),
    )) {
      const job = await payoutQueue.getJob(payoutJobId(payoutId));
      if (!job) {
        await payoutQueue.add(
          PayoutJobName.attempt,
          { payoutId },
          { ...payoutJobOptions, jobId: payoutJobId(payoutId) },
        );
        resumed += 1;
      } else if (await job.isFailed()) {
        await job.retry();
        resumed += 1;
      }
    }
    if (resumed > 0)
      logger.warn({ event: 'payouts_resumed', resumed }, 'sweeper re-enqueued stalled payouts');
    return { resumed };
  }

  /** New referral qualifications become events; every pending delivery gets a job (ids make repeats no-ops). */
  async function dispatch() {
    const collected = await collectReferralEvents(pool);
    const pending = await listPendingDeliveries(pool);
    if (pending.length) {
      await webhookQueue.addBulk(
        pending.map((deliveryId) => ({
          name: WebhookJobName.deliver,
          data: { deliveryId },
          opts: { ...webhookJobOptions, jobId: `webhook-${deliveryId}` },
        })),
      );
    }
    return { collected, pending: pending.length };
  }

  for (const [name, worker] of [
    ['payouts', payouts],
    ['webhooks', webhooks],
  ] as const) {
    worker.on('failed', (job, err) =>
      logger.warn(
        { queue: name, jobId: job?.id, name: job?.name, attemptsMade: job?.attemptsMade, err },
        `${name} job failed`,
      ),
    );
    worker.on('error', (err) => logger.error({ err }, `${name} worker error`));
  }

  return {
    workers: [payouts, webhooks],
    /** Periodic jobs, scheduled once per queue however many workers run. */
    async schedule() {
      await payoutQueue.upsertJobScheduler(
        PayoutJobName.sweep,
        { every: config.PAYOUT_SWEEP_EVERY_MS },
        { name: PayoutJobName.sweep },
      );
      await payoutQueue.upsertJobScheduler(
        PayoutJobName.reconcile,
        { every: config.PAYOUT_RECONCILE_EVERY_MS },
        { name: PayoutJobName.reconcile },
      );
      await webhookQueue.upsertJobScheduler(
        WebhookJobName.dispatch,
        { every: config.WEBHOOK_DISPATCH_EVERY_MS },
        { name: WebhookJobName.dispatch },
      );
    },
    async close() {
      await Promise.all([payoutQueue.close(), webhookQueue.close()]);
    },
  };
}
