import type { Worker } from 'bullmq';
import { createPool, createRedis, createRedisNotifier, type Logger } from '@playloop/core';
import type { WorkerConfig } from './config.js';
import { createNotificationsWorker } from './notifications-worker.js';

/** Every BullMQ worker of the process, built from config; `close()` lets running jobs finish. */
export function createWorkerRuntime(config: WorkerConfig, logger: Logger) {
  const pool = createPool({ connectionString: config.DATABASE_URL, max: config.DATABASE_POOL_MAX, applicationName: 'playloop-worker' });
  const redis = createRedis(config.REDIS_URL);
  const notifier = createRedisNotifier(redis, config.REDIS_PREFIX);
  // BullMQ workers block on Redis; they need `maxRetriesPerRequest: null` connections of their own.
  const connection = { url: config.REDIS_URL, maxRetriesPerRequest: null };
  const workers: Worker[] = [
    createNotificationsWorker({ connection, redisPrefix: config.REDIS_PREFIX, pool, notifier, logger, concurrency: config.WORKER_CONCURRENCY }),
  ];
  return {
    workers,
    pool,
    redis,
    async ready() {
      await Promise.all(workers.map((w) => w.waitUntilReady()));
    },
    /** Graceful: stop taking jobs, wait for the ones in progress, then release connections. */
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      redis.disconnect();
      await pool.end();
    },
  };
}
