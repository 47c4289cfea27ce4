import {
  createPolicySource,
  createProviderRegistry,
  createRedisBreaker,
  createRedisNotifier,
  type PayoutBreaker,
  type PayoutQueue,
  type PolicySource,
  type ProviderRegistry,
  type RealtimeNotifier,
} from '@playloop/core';
import type { ApiDeps } from '../app.js';

/** What the rewards and payout routes share, built once per app from its deps and config. */
export interface PayoutApiContext {
  deps: ApiDeps;
  queue: PayoutQueue;
  providers: ProviderRegistry;
  providerNames: ReadonlySet<string>;
  notifier: RealtimeNotifier;
  breaker: PayoutBreaker;
  policies: PolicySource;
}

export function createPayoutApiContext(deps: ApiDeps): PayoutApiContext {
  const providers = createProviderRegistry(deps.config.PAYOUT_PROVIDERS);
  return {
    deps,
    queue: deps.payouts,
    providers,
    providerNames: new Set(providers.keys()),
    notifier: createRedisNotifier(deps.redis, deps.config.REDIS_PREFIX),
    breaker: createRedisBreaker(deps.redis, deps.config.REDIS_PREFIX),
    policies: createPolicySource(deps.pool, { logger: deps.logger }),
  };
}
