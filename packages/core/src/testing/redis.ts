import { Redis } from 'ioredis';
import { testServiceUrls } from './env.js';

/** A unique key prefix per test file, and a cleanup that deletes every key under it. */
export function createTestRedisPrefix(): {
  prefix: string;
  url: string;
  cleanup: () => Promise<void>;
} {
  const prefix = `pltest:${process.pid}:${Math.random().toString(36).slice(2, 10)}:`;
  const { redisUrl } = testServiceUrls();
  return {
    prefix,
    url: redisUrl,
    cleanup: async () => {
      const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
      await redis.connect();
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
        cursor = next;
        if (keys.length) await redis.unlink(...keys);
      } while (cursor !== '0');
      redis.disconnect();
    },
  };
}
