import { createHash } from 'node:crypto';
import type { Redis } from './client.js';

/**
 * A Lua script sent by its SHA (EVALSHA), loaded on the first NOSCRIPT: hot paths (the waiting
 * room, invite clicks, leaderboard bumps) run thousands of times a second and
 * should not ship their source every time.
 */
export function luaScript(source: string) {
  const sha = createHash('sha1').update(source).digest('hex');
  return async (redis: Redis, keys: string[], args: Array<string | number>): Promise<unknown> => {
    try {
      return await redis.evalsha(sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return redis.eval(source, keys.length, ...keys, ...args);
    }
  };
}
