import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

const FRESH_MS = 10_000;

/**
 * Players online across every pod: each pod publishes its own socket count with a timestamp in a
 * Redis hash; the total sums the fresh entries, so a pod that died stops counting within 10 s.
 */
export function createPresence(deps: {
  redis: Redis;
  prefix: string;
  countLocal: () => number;
  now?: () => number;
}) {
  const podId = randomUUID();
  const key = `${deps.prefix}presence:pods`;
  const now = deps.now ?? Date.now;
  return {
    async publish(): Promise<void> {
      await deps.redis.hset(key, podId, `${deps.countLocal()}:${now()}`);
    },
    async total(): Promise<number> {
      const entries = await deps.redis.hgetall(key);
      let sum = 0;
      const stale: string[] = [];
      for (const [pod, value] of Object.entries(entries)) {
        const [count, at] = value.split(':').map(Number) as [number, number];
        if (now() - at <= FRESH_MS) sum += count;
        else stale.push(pod);
      }
      if (stale.length) await deps.redis.hdel(key, ...stale);
      return sum;
    },
    async leave(): Promise<void> {
      await deps.redis.hdel(key, podId);
    },
  };
}
export type Presence = ReturnType<typeof createPresence>;
