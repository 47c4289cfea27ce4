import { Redis, type RedisOptions } from 'ioredis';

export type { Redis };

/**
 * An ioredis connection. Keys are prefixed by callers through `keys()`, not by ioredis'
 * `keyPrefix`, because BullMQ and the Socket.IO adapter manage their own prefixes.
 */
export function createRedis(url: string, opts: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: 3, enableAutoPipelining: true, ...opts });
}

/** Key builder bound to a prefix: `keys('pl:')('login', 'ip', '1.2.3.4')` → `pl:login:ip:1.2.3.4`. */
export function keyspace(prefix: string) {
  return (...parts: string[]) => `${prefix}${parts.join(':')}`;
}
export type Keyspace = ReturnType<typeof keyspace>;
