import type { Redis } from 'ioredis';

/**
 * Deadlines are stamped and checked on the Redis clock (inside Lua, with TIME), so a pod whose
 * own clock drifts cannot accept a late answer or close a question early. This keeps a pod's
 * estimate of that clock for the `serverNow` it sends and for its timers.
 */
export interface ServerClock {
  now(): number;
  sync(): Promise<void>;
}

export function createRedisClock(redis: Redis, local: () => number = Date.now): ServerClock {
  let offset = 0;
  return {
    now: () => local() + offset,
    async sync() {
      const before = local();
      const [seconds, micros] = await redis.time();
      const after = local();
      const redisMs = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
      offset = redisMs - Math.round((before + after) / 2);
    },
  };
}
