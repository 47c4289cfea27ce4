import type { TBreakerState, TPayoutPolicy } from '@playloop/shared';
import type { Redis } from 'ioredis';

/** Whether a call may go to a provider now; a probe is the one call let through a half-open breaker. */
export interface BreakerGate {
  allowed: boolean;
  probe: boolean;
  /** When not allowed: how long until asking again makes sense. */
  waitMs: number;
}

export interface PayoutBreaker {
  acquire(
    provider: string,
    cfg: TPayoutPolicy['breaker'],
    probeTtlMs: number,
  ): Promise<BreakerGate>;
  recordSuccess(provider: string): Promise<void>;
  /** Returns true when this failure opened (or re-opened) the breaker. */
  recordFailure(provider: string, cfg: TPayoutPolicy['breaker'], probe: boolean): Promise<boolean>;
  /** Gives a probe slot back without a verdict (the payout needed no call after all). */
  releaseProbe(provider: string): Promise<void>;
  state(provider: string): Promise<TBreakerState>;
}

// Time comes from Redis itself, so pods with skewed clocks still agree on when the breaker reopens.
const NOW = `local t = redis.call('TIME'); local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

// KEYS: state hash, probe lock. ARGV: probe ttl ms. Returns {allowed, probe, waitMs}.
const ACQUIRE = `${NOW}
local openUntil = tonumber(redis.call('HGET', KEYS[1], 'openUntil') or '0')
if openUntil == 0 then return {1, 0, 0} end
if now < openUntil then return {0, 0, openUntil - now} end
if redis.call('SET', KEYS[2], '1', 'NX', 'PX', ARGV[1]) then return {1, 1, 0} end
local ttl = redis.call('PTTL', KEYS[2])
if ttl < 0 then ttl = 100 end
return {0, 0, ttl}`;

// KEYS: state hash, probe lock. ARGV: threshold, cooldown ms, isProbe. Returns 1 when it opened.
const FAILURE = `${NOW}
local failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
local openUntil = tonumber(redis.call('HGET', KEYS[1], 'openUntil') or '0')
if ARGV[3] == '1' or (openUntil == 0 and failures >= tonumber(ARGV[1])) then
  redis.call('HSET', KEYS[1], 'openUntil', now + tonumber(ARGV[2]))
  redis.call('HINCRBY', KEYS[1], 'opens', 1)
  redis.call('DEL', KEYS[2])
  return 1
end
return 0`;

const SUCCESS = `redis.call('HSET', KEYS[1], 'failures', 0, 'openUntil', 0)
redis.call('DEL', KEYS[2])
return 1`;

/**
 * A circuit breaker per provider whose state lives in Redis (consecutive failures, open-until,
 * probe lock), so every worker process and pod sees the same breaker: N pods do not make N times
 * the failures before it opens, and only one probe in the whole fleet tests a recovering provider.
 * Each transition is one Lua script, hence atomic.
 */
export function createRedisBreaker(redis: Redis, prefix: string): PayoutBreaker {
  const keys = (provider: string) =>
    [`${prefix}payout-breaker:${provider}`, `${prefix}payout-breaker:${provider}:probe`] as const;
  return {
    async acquire(provider, _cfg, probeTtlMs) {
      const [a, b] = keys(provider);
      const [allowed, probe, waitMs] = (await redis.eval(
        ACQUIRE,
        2,
        a,
        b,
        String(Math.ceil(probeTtlMs)),
      )) as [number, number, number];
      return { allowed: allowed === 1, probe: probe === 1, waitMs: Number(waitMs) };
    },
    async recordSuccess(provider) {
      const [a, b] = keys(provider);
      await redis.eval(SUCCESS, 2, a, b);
    },
    async recordFailure(provider, cfg, probe) {
      const [a, b] = keys(provider);
      return (
        (await redis.eval(
          FAILURE,
          2,
          a,
          b,
          String(cfg.failureThreshold),
          String(cfg.cooldownMs),
          probe ? '1' : '0',
        )) === 1
      );
    },
    async releaseProbe(provider) {
      await redis.del(keys(provider)[1]);
    },
    async state(provider) {
      const [a] = keys(provider);
      const [[, fields], [, time]] = (await redis.multi().hgetall(a).time().exec()) as [
        [null, Record<string, string>],
        [null, [string, string]],
      ];
      const now = Number(time[0]) * 1000 + Math.floor(Number(time[1]) / 1000);
      const openUntil = Number(fields.openUntil ?? 0);
      const state = openUntil === 0 ? 'closed' : now < openUntil ? 'open' : 'half_open';
      return {
        state,
        consecutiveFailures: Number(fields.failures ?? 0),
        openUntil: openUntil === 0 ? null : new Date(openUntil).toISOString(),
        opens: Number(fields.opens ?? 0),
      };
    },
  };
}
