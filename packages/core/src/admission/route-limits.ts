import type { Redis } from '../redis/client.js';
import { createSharedCounters } from './shared-counters.js';

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
 * Per-IP, per-account and platform-wide request budgets per route class, shared by every pod
 * through Redis and decided from memory (see `shared-counters.ts`): a request costs no Redis
 * round trip, each pod syncs its counts every `syncMs` (100 ms), so pods together may overshoot
 * a budget by what they admit in one sync interval. If Redis is unreachable each pod limits on its
 * own counts rather than letting everything through or refusing everyone.
 */
export function createRouteLimits(
  redis: Redis,
  prefix: string,
  cfg: RouteLimitsConfig = DEFAULT_ROUTE_LIMITS,
  opts: { syncMs?: number } = {},
) {
  const counters = createSharedCounters(redis, {
    windowMs: cfg.windowSeconds * 1000,
    syncMs: opts.syncMs,
  });
  const DIMENSIONS = ['ip', 'account', 'global'] as const;
  const TAG = { ip: 'ip', account: 'acct', global: 'all' } as const;

  return {
    /** Counts one request; null when it may go on, else the verdict to answer 429 with. */
    async check(
      cls: RouteClass,
      who: { ip: string; accountId: string | null },
    ): Promise<LimitVerdict | null> {
      const l = cfg.classes[cls];
      const ids = { ip: who.ip, account: who.accountId, global: 'all' };
      const limit = { ip: l.perIp, account: l.perAccount, global: l.global };
      const dims = DIMENSIONS.filter((d) => limit[d] > 0 && ids[d] !== null);
      const refused = counters.take(
        dims.map((d) => ({ key: `${prefix}rl:${cls}:${TAG[d]}:${ids[d]}`, limit: limit[d] })),
      );
      if (!refused) return null;
      return {
        retryAfterMs: Math.max(1000, refused.retryAfterMs),
        dimension: dims[refused.index] as LimitVerdict['dimension'],
      };
    },
    /** Pushes this pod's counts to Redis now and learns every pod's (otherwise every `syncMs`). */
    sync: counters.sync,
    close: counters.close,
  };
}
export type RouteLimits = ReturnType<typeof createRouteLimits>;
