import type { Redis } from 'ioredis';
import { luaScript, runLua } from './lua.js';

// Compare-and-extend / compare-and-delete: a pod never extends or drops a lease another pod holds.
const RENEW = luaScript(`if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`);
const RELEASE = luaScript(`if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`);

/** A Redis lease held by `holder` for `ttlMs` unless renewed (`SET NX PX`). */
export function createLease(redis: Redis, opts: { holder: string; ttlMs: number }) {
  return {
    async acquire(key: string): Promise<boolean> {
      return (await redis.set(key, opts.holder, 'PX', opts.ttlMs, 'NX')) === 'OK';
    },
    async renew(key: string): Promise<boolean> {
      return Number(await runLua(redis, RENEW, [key], [opts.holder, opts.ttlMs])) === 1;
    },
    async release(key: string): Promise<boolean> {
      return Number(await runLua(redis, RELEASE, [key], [opts.holder])) === 1;
    },
    holderOf(key: string): Promise<string | null> {
      return redis.get(key);
    },
  };
}
export type Lease = ReturnType<typeof createLease>;
