import { Redis } from 'ioredis';
import pg from 'pg';

/**
 * Delivers a notification exactly as the worker does (core's `deliverNotification`: store the row,
 * push `notify:new` to the user's room through the Socket.IO Redis emitter), so a test can watch
 * something arrive while the page is open. Needs the stack this run started (not an external one).
 */
export async function deliverNotificationTo(
  userId: string,
  input: { title: string; body: string },
): Promise<void> {
  const databaseUrl = process.env.PLAYLOOP_E2E_DATABASE_URL;
  const redisUrl = process.env.PLAYLOOP_E2E_REDIS_URL;
  const redisPrefix = process.env.PLAYLOOP_E2E_REDIS_PREFIX;
  if (!databaseUrl || !redisUrl || !redisPrefix)
    throw new Error('deliverNotificationTo needs the stack started by global setup');
  const core = await import('@playloop/core');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    await core.deliverNotification(pool, core.createRedisNotifier(redis, redisPrefix), {
      userId,
      kind: 'system',
      dedupeKey: `e2e-${Date.now()}-${Math.random()}`,
      ...input,
    });
    // The emitter publishes without awaiting; make sure the message left before disconnecting.
    await redis.ping();
  } finally {
    redis.disconnect();
    await pool.end();
  }
}

export const canDeliverNotifications = () =>
  Boolean(process.env.PLAYLOOP_E2E_DATABASE_URL && process.env.PLAYLOOP_E2E_REDIS_PREFIX);
