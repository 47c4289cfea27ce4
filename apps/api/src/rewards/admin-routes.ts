// GET /api/admin/rewards · POST /api/admin/rewards · PUT /api/admin/rewards/:itemId
import { Router } from 'express';
import { createRewardItem, listRewardItemsAdmin, updateRewardItem } from '@playloop/core';
import {
  routes,
  ZAdminCatalogueQuery,
  ZRewardItemInput,
  ZRewardItemParam,
  ZRewardItemUpdate,
} from '@playloop/shared';
import { requireAuth, requireRole } from '../auth/require-auth.js';
import { mount } from '../http/route.js';
import { parseInput } from '../http/validate.js';
import type { PayoutApiContext } from '../payouts/context.js';

/** Catalogue management for marketing (coupon CSV import lives in import-route.ts: it needs a bigger body). */
export function rewardAdminRoutes(ctx: PayoutApiContext): Router {
  const { pool, accounts } = ctx.deps;
  const router = Router();
  const guard = [requireAuth(accounts), requireRole('marketing')];

  mount(router, routes.adminRewardItems, ...guard, async (req) => {
    const { campaignId } = parseInput(ZAdminCatalogueQuery, req.query);
    return { items: await listRewardItemsAdmin(pool, campaignId ? { campaignId } : {}) };
  });
  mount(router, routes.adminCreateRewardItem, ...guard, async (req) =>
    createRewardItem(pool, parseInput(ZRewardItemInput, req.body)),
  );
  mount(router, routes.adminUpdateRewardItem, ...guard, async (req) => {
    const { itemId } = parseInput(ZRewardItemParam, req.params);
    return updateRewardItem(pool, itemId, parseInput(ZRewardItemUpdate, req.body));
  });
  return router;
}
