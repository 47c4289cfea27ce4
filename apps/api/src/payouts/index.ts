import { Router } from 'express';
import type { Registry } from 'prom-client';
import type { ApiDeps } from '../app.js';
import { couponImportRoutes } from '../rewards/import-route.js';
import { rewardAdminRoutes } from '../rewards/admin-routes.js';
import { rewardShopRoutes } from '../rewards/shop-routes.js';
import { payoutCallbackRoutes } from './callback-routes.js';
import { createPayoutApiContext } from './context.js';
import { registerPayoutMetrics } from './metrics.js';
import { payoutOpsRoutes } from './ops-routes.js';
import { payoutSupportRoutes } from './support-routes.js';

/**
 * The rewards shop and payouts in the api, in two parts: `beforeBodyParser` holds the routes that
 * read their own body (signed provider callbacks need the raw bytes; coupon imports a larger
 * limit), `router` the rest. Both share one context.
 */
export function payoutsTransport(deps: ApiDeps, registry: Registry) {
  const ctx = createPayoutApiContext(deps);
  registerPayoutMetrics(ctx, registry);
  const before = Router();
  before.use(payoutCallbackRoutes(ctx), couponImportRoutes(ctx));
  const router = Router();
  router.use(
    rewardShopRoutes(ctx),
    rewardAdminRoutes(ctx),
    payoutSupportRoutes(ctx),
    payoutOpsRoutes(ctx),
  );
  return { beforeBodyParser: before, router };
}
