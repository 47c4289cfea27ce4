import type { AddressInfo } from 'node:net';
import { createLogger, issueAccessToken } from '@playloop/core';
import { createTestDatabase, createTestRedisPrefix } from '@playloop/core/testing';
import { afterAll, beforeAll } from 'vitest';
import { loadRealtimeConfig } from '../src/config.js';
import { createRealDeps, type RealDeps } from '../src/deps.js';
import { createRealtime, type Realtime, type RealtimeDeps } from '../src/server.js';
import { insertTestUser, realtimeTestEnv, TEST_JWT_SECRET } from './env.js';

export interface InProcessRealtime {
  url: string;
  realtime: Realtime;
  deps: RealDeps;
  close(): Promise<void>;
}

/** `createRealtime` on real Postgres and Redis, listening on a random loopback port. */
export async function startInProcessRealtime(
  env: Record<string, string>,
  overrides: Partial<RealtimeDeps> = {},
): Promise<InProcessRealtime> {
  const config = loadRealtimeConfig(env);
  const logger = createLogger({ name: 'realtime-test', level: config.LOG_LEVEL });
  const deps = createRealDeps(config, logger);
  const realtime = createRealtime({ ...deps, ...overrides });
  await new Promise<void>((resolve) => realtime.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = realtime.httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    realtime,
    deps,
    async close() {
      await realtime.close();
      await deps.dispose();
    },
  };
}

/** The current value of a counter or gauge series in a server's registry (0 when absent). */
export async function metricValue(
  realtime: Realtime,
  name: string,
  labels: Record<string, string> = {},
): Promise<number> {
  const metric = realtime.metrics.registry.getSingleMetric(name);
  if (!metric) return 0;
  const { values } = await metric.get();
  const match = values.find((v) => Object.entries(labels).every(([k, val]) => v.labels[k] === val));
  return match?.value ?? 0;
}

/**
 * For a `describe` block: before its tests, a fresh database, a Redis prefix, an in-process server
 * with the default (production) settings and a player with a 15-minute access token; all gone
 * after them. Read the fields inside tests or hooks, once `beforeAll` has run.
 */
export function useRealtimeWithPlayer(): { server: InProcessRealtime; token: string } {
  const redis = createTestRedisPrefix();
  const ctx = {} as { server: InProcessRealtime; token: string };
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const db = await createTestDatabase();
    drop = () => db.drop();
    ctx.server = await startInProcessRealtime(
      realtimeTestEnv({ databaseUrl: db.url, redisUrl: redis.url, redisPrefix: redis.prefix }),
    );
    const userId = await insertTestUser(db.url);
    ctx.token = issueAccessToken(
      { secret: TEST_JWT_SECRET, issuer: 'playloop', audience: 'playloop', ttlSeconds: 900 },
      { id: userId, role: 'player' },
    ).token;
  });
  afterAll(async () => {
    await ctx.server?.close();
    await redis.cleanup();
    await drop?.();
  });
  return ctx;
}
