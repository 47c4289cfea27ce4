import type { Worker } from 'bullmq';
import { Queue } from 'bullmq';
import {
  bullPrefix,
  createClickCounter,
  createJobQueues,
  createLeaderboard,
  createMailer,
  createPool,
  createRedis,
  createRedisNotifier,
  JobName,
  QueueName,
  type Logger,
} from '@playloop/core';
import type { WorkerConfig } from './config.js';
import { createNotificationsWorker } from './notifications-worker.js';
import { createReferralsWorker } from './referrals-worker.js';
import { createPayoutsWorkers } from './payouts-worker.js';

/** Every BullMQ worker of the process, built from config; `close()` lets running jobs finish. */
export function createWorkerRuntime(config: WorkerConfig, logger: Logger) {
  const pool = createPool({
    connectionString: config.DATABASE_URL,
    max: config.DATABASE_POOL_MAX,
    applicationName: 'playloop-worker',
  });
  const redis = createRedis(config.REDIS_URL);
  const notifier = createRedisNotifier(redis, config.REDIS_PREFIX);
  // BullMQ workers block on Redis; they need `maxRetriesPerRequest: null` connections of their own.
  const connection = { url: config.REDIS_URL, maxRetriesPerRequest: null };
  const jobs = createJobQueues({ url: config.REDIS_URL }, config.REDIS_PREFIX);
  const leaderboard = createLeaderboard({ redis, prefix: config.REDIS_PREFIX });
  const clicks = createClickCounter({ redis, prefix: config.REDIS_PREFIX });
  const common = {
    connection,
    redisPrefix: config.REDIS_PREFIX,
    pool,
    notifier,
    logger,
    concurrency: config.WORKER_CONCURRENCY,
  };
  const payouts = createPayoutsWorkers({
    connection,
    redisUrl: config.REDIS_URL,
    redisPrefix: config.REDIS_PREFIX,
    pool,
    redis,
    notifier,
    logger,
    config,
  });
  const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM }, logger);
  if (!config.SMTP_URL && config.NODE_ENV === 'production')
    logger.warn('SMTP_URL is not set: verification emails are written to the log, not sent');
  const workers: Worker[] = [
    createNotificationsWorker({ ...common, leaderboard, mailer, appUrl: config.PUBLIC_APP_URL }),
    createReferralsWorker({
      ...common,
      concurrency: config.REFERRALS_WORKER_CONCURRENCY,
      leaderboard,
      clicks,
      jobs,
    }),
    ...payouts.workers,
  ];
  // Periodic work, scheduled once per queue however many workers run (BullMQ job schedulers).
  const scheduler = new Queue(QueueName.referrals, {
    connection: { url: config.REDIS_URL },
    prefix: bullPrefix(config.REDIS_PREFIX),
  });
  return {
    workers,
    pool,
    redis,
    async ready() {
      await Promise.all(workers.map((w) => w.waitUntilReady()));
      await scheduler.upsertJobScheduler(
        JobName.flushClicks,
        { every: config.CLICK_FLUSH_EVERY_MS },
        { name: JobName.flushClicks },
      );
      await scheduler.upsertJobScheduler(
        JobName.sweepHolds,
        { every: 60_000 },
        { name: JobName.sweepHolds },
      );
      await payouts.schedule();
    },
    /** Graceful: stop taking jobs, wait for the ones in progress, then release connections. */
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all([jobs.close(), scheduler.close()]);
      await payouts.close();
      mailer.close();
      redis.disconnect();
      await pool.end();
    },
  };
}
