import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';
import { AppError } from '../errors/app-error.js';

export interface LoginLimitConfig {
  /** Wrong passwords per account per window before 429. */
  perAccount: number;
  /** Login attempts per IP per window before 429. */
  perIp: number;
  windowSeconds: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimitConfig = {
  perAccount: 10,
  perIp: 100,
  windowSeconds: 60,
};

/** A spent budget as the error clients understand: 429 with `Retry-After`. */
const limited = (res: RateLimiterRes) =>
  new AppError('RATE_LIMITED', { retryAfterMs: Math.max(1000, res.msBeforeNext) });

/**
 * Brute-force protection shared by every api pod through Redis. Wrong passwords count against
 * the account (so a distributed guesser is stopped too) and every attempt against the IP.
 */
export function createLoginLimiter(
  redis: Redis,
  prefix: string,
  cfg: LoginLimitConfig = DEFAULT_LOGIN_LIMITS,
) {
  const byAccount = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${prefix}rl:login:acct`,
    points: cfg.perAccount,
    duration: cfg.windowSeconds,
  });
  const byIp = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${prefix}rl:login:ip`,
    points: cfg.perIp,
    duration: cfg.windowSeconds,
  });

  return {
    /** Throws RATE_LIMITED before any password work when either budget is spent. */
    async check(email: string, ip: string): Promise<void> {
      try {
        await byIp.consume(ip, 1);
      } catch (err) {
        if (err instanceof RateLimiterRes) throw limited(err);
        throw err;
      }
      const account = await byAccount.get(email);
      if (account && account.consumedPoints >= cfg.perAccount) throw limited(account);
    },
    async recordFailure(email: string): Promise<void> {
      await byAccount.penalty(email, 1);
    },
    async recordSuccess(email: string): Promise<void> {
      await byAccount.delete(email);
    },
  };
}
export type LoginLimiter = ReturnType<typeof createLoginLimiter>;

/**
 * One email of a kind per key per minute (a verification mail per player, the sign-up's own
 * included; a reset mail per address), shared by every pod: asking again too soon gets 429 with
 * `Retry-After`, and no mail is queued.
 */
export function createMailLimiter(
  redis: Redis,
  prefix: string,
  kind: 'verify-mail' | 'reset-mail',
  perSeconds = 60,
) {
  const limiter = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${prefix}rl:${kind}`,
    points: 1,
    duration: perSeconds,
  });
  return {
    async consume(key: string): Promise<void> {
      try {
        await limiter.consume(key, 1);
      } catch (err) {
        throw err instanceof RateLimiterRes ? limited(err) : err;
      }
    },
  };
}
export type MailLimiter = ReturnType<typeof createMailLimiter>;
