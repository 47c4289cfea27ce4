import {
  createAccountsService,
  createMailLimiter,
  createClickCounter,
  createInviteDirectory,
  createLeaderboard,
  createJobQueues,
  createLoginLimiter,
  createPayoutQueue,
  createPool,
  createRedis,
  createRedisNotifier,
  createTokenVerifier,
  supabaseConfigFromEnv,
  tokenConfigFromEnv,
} from '@playloop/core';
import type { ApiConfig } from './config.js';

/** Builds the real services the api needs; `close()` releases every connection. */
export function buildApiServices(config: ApiConfig) {
  const pool = createPool({
    connectionString: config.DATABASE_URL,
    max: config.DATABASE_POOL_MAX,
    applicationName: 'playloop-api',
  });
  const redis = createRedis(config.REDIS_URL);
  const jobs = createJobQueues({ url: config.REDIS_URL }, config.REDIS_PREFIX);
  const verifier = createTokenVerifier(tokenConfigFromEnv(config), supabaseConfigFromEnv(config));
  const invites = createInviteDirectory({ pool, redis, prefix: config.REDIS_PREFIX });
  const leaderboard = createLeaderboard({ redis, prefix: config.REDIS_PREFIX });
  const sessionEvents = createRedisNotifier(redis, config.REDIS_PREFIX);
  const accounts = createAccountsService({
    pool,
    tokens: tokenConfigFromEnv(config),
    refreshTtlSeconds: config.REFRESH_TOKEN_TTL_DAYS * 86_400,
    loginLimiter: createLoginLimiter(redis, config.REDIS_PREFIX, {
      perAccount: config.LOGIN_LIMIT_PER_ACCOUNT,
      perIp: config.LOGIN_LIMIT_PER_IP,
      windowSeconds: config.LOGIN_LIMIT_WINDOW_SECONDS,
    }),
    verificationMailLimiter: createMailLimiter(redis, config.REDIS_PREFIX, 'verify-mail'),
    resetMailLimiter: createMailLimiter(redis, config.REDIS_PREFIX, 'reset-mail'),
    async onRenamed(userId, displayName) {
      await leaderboard.rename(userId, displayName);
      await invites.forgetOwner(userId);
    },
    async onErased(userId) {
      sessionEvents.toUser(userId, 'session:ended', { reason: 'deleted' });
    },
    verifier,
    jobs,
  });
  const payouts = createPayoutQueue({ url: config.REDIS_URL }, config.REDIS_PREFIX);
  return {
    pool,
    redis,
    jobs,
    accounts,
    invites,
    clicks: createClickCounter({ redis, prefix: config.REDIS_PREFIX }),
    leaderboard,
    payouts,
    async close() {
      await jobs.close();
      await payouts.close();
      redis.disconnect();
      await pool.end();
    },
  };
}
