import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Redis } from '../redis/client.js';

/**
 * Route classes, each with its own budgets:
 * - `password`: sign-up, login and password reset (an argon2id hash or a mailed link each);
 * - `session`: refresh and logout (a token lookup);
 * - `queue`: the waiting room's join and position calls;
 * - `write`: every other non-GET api call; `read`: every other api GET.
 */
export type RouteClass = 'password' | 'session' | 'queue' | 'write' | 'read';
export const ROUTE_CLASSES: readonly RouteClass[] = [
  'password',
  'session',
  'queue',
  'write',
  'read',
];

/** Requests allowed per window; 0 turns that dimension off. */
export interface RouteClassLimit {
  perIp: number;
  perAccount: number;
  /** Platform-wide, for work whose cost is fixed whoever asks (password hashing). */
  global: number;
}

export interface RouteLimitsConfig {
  windowSeconds: number;
  classes: Record<RouteClass, RouteClassLimit>;
}

/** Defaults sized for people, not scripts: a carrier NAT puts many players behind one IP. */
export const DEFAULT_ROUTE_LIMITS: RouteLimitsConfig = {
  windowSeconds: 60,
  classes: {
    password: { perIp: 300, perAccount: 0, global: 0 },
    session: { perIp: 1200, perAccount: 60, global: 0 },
    queue: { perIp: 600, perAccount: 0, global: 0 },
    write: { perIp: 1200, perAccount: 300, global: 0 },
    read: { perIp: 6000, perAccount: 1200, global: 0 },
  },
};

/** Refused: how long until the spent budget has room again. */
export interface LimitVerdict {
  retryAfterMs: number;
  dimension: 'ip' | 'account' | 'global';
}

/**
 * Per-IP, per-account and platform-wide request budgets per route class, counted in Redis so every
 * pod shares them (rate-limiter-flexible). A key over its budget is then refused from memory until
 * its window ends, so a flood costs no Redis round trips; if Redis is unreachable an in-memory
 * limiter per pod stands in rather than letting everything through or refusing everyone.
 */
export function createRouteLimits(
  redis: Redis,
  prefix: string,
  cfg: RouteLimitsConfig = DEFAULT_ROUTE_LIMITS,
) {
  const make = (cls: RouteClass, dim: string, points: number) =>
    points > 0
      ? new RateLimiterRedis({
          storeClient: redis,
          keyPrefix: `${prefix}rl:${cls}:${dim}`,
          points,
          duration: cfg.windowSeconds,
          inMemoryBlockOnConsumed: points,
          rejectIfRedisNotReady: true,
          insuranceLimiter: new RateLimiterMemory({ points, duration: cfg.windowSeconds }),
        })
      : null;
  const limiters = Object.fromEntries(
    ROUTE_CLASSES.map((cls) => {
      const l = cfg.classes[cls];
      return [
        cls,
        {
          ip: make(cls, 'ip', l.perIp),
          account: make(cls, 'acct', l.perAccount),
          global: make(cls, 'all', l.global),
        },
      ];
    }),
  ) as Record<RouteClass, Record<LimitVerdict['dimension'], RateLimiterRedis | null>>;

  async function take(
    limiter: RateLimiterRedis | null,
    key: string,
    dimension: LimitVerdict['dimension'],
  ): Promise<LimitVerdict | null> {
    if (!limiter) return null;
    try {
      await limiter.consume(key, 1);
      return null;
    } catch (err) {
      if (err instanceof RateLimiterRes)
        return { retryAfterMs: Math.max(1000, err.msBeforeNext), dimension };
      throw err;
    }
  }

  return {
    /** Counts one request; null when it may go on, else the verdict to answer 429 with. */
    async check(
      cls: RouteClass,
      who: { ip: string; accountId: string | null },
    ): Promise<LimitVerdict | null> {
      const l = limiters[cls];
      const [ip, account, global] = await Promise.all([
        take(l.ip, who.ip, 'ip'),
        who.accountId ? take(l.account, who.accountId, 'account') : null,
        take(l.global, 'all', 'global'),
      ]);
      return ip ?? account ?? global;
    },
  };
}
export type RouteLimits = ReturnType<typeof createRouteLimits>;
