import { createPool, createRedis, type Logger, type Pool, type Redis } from '@playloop/core';
import { createAuthenticate } from './auth/authenticate.js';
import { createDashboardFeature } from './dashboard/feature.js';
import { createWheelFeature } from './games/wheel/wheel-feature.js';
import { createQuizFeature } from './games/quiz/quiz-feature.js';
import type { RealtimeConfig } from './config.js';
import type { RealtimeDeps } from './server.js';

export interface RealDeps extends RealtimeDeps {
  pool: Pool;
  /** Ends the Redis connections and the Postgres pool; call after the server has closed. */
  dispose(): Promise<void>;
}

function watchRedis(client: Redis, role: string, logger: Logger): Redis {
  // ioredis reconnects by itself; without a listener its errors would go to stderr unstructured.
  client.on('error', (err: Error) =>
    logger.warn({ err: err.message, role }, 'redis connection error'),
  );
  return client;
}

/** The real Postgres, Redis and authentication behind `createRealtime`, for `main.ts` and tests. */
export function createRealDeps(config: RealtimeConfig, logger: Logger): RealDeps {
  const pool = createPool({
    connectionString: config.DATABASE_URL,
    max: config.DATABASE_POOL_MAX,
    applicationName: 'playloop-realtime',
  });
  pool.on('error', (err) => logger.warn({ err: err.message }, 'idle postgres client error'));
  const pub = watchRedis(createRedis(config.REDIS_URL), 'pub', logger);
  // Subscriber commands are not pipelined; a plain connection keeps ioredis' subscriber mode simple.
  const sub = watchRedis(
    createRedis(config.REDIS_URL, { enableAutoPipelining: false }),
    'sub',
    logger,
  );

  return {
    config,
    logger,
    pool,
    redis: { pub, sub },
    authenticate: createAuthenticate(config, pool),
    // Feature modules register here, one line each (games, presence, dashboards).
    features: [
      createDashboardFeature({ pool, redis: pub, prefix: config.REDIS_PREFIX, logger }),
      createWheelFeature({ pool, logger }),
      createQuizFeature({ config, logger, pool, redis: pub }),
    ],
    async dispose() {
      // QUIT waits for replies already owed; a client that never connected is just dropped.
      const end = (client: Redis) =>
        client.status === 'ready' ? client.quit() : Promise.resolve(client.disconnect());
      await Promise.allSettled([end(pub), end(sub), pool.end()]);
    },
  };
}
