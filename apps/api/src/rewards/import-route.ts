// POST /api/admin/rewards/:itemId/codes
import express, { Router } from 'express';
import { importCouponCodes } from '@playloop/core';
import { routes, ZCouponImportBody, ZRewardItemParam } from '@playloop/shared';
import { requireAuth, requireRole } from '../auth/require-auth.js';
import { mount } from '../http/route.js';
import { parseInput } from '../http/validate.js';
import type { PayoutApiContext } from '../payouts/context.js';

/**
 * Coupon code import. Mounted before the app-wide JSON parser, whose small limit suits every
 * other route: a bank of codes is up to 2 MB of CSV, so this one route parses its own body.
 */
export function couponImportRoutes(ctx: PayoutApiContext): Router {
  const router = Router();
  mount(
    router,
    routes.adminImportCoupons,
    requireAuth(ctx.deps.accounts),
    requireRole('marketing'),
    express.json({ limit: '2200kb', strict: true }),
    async (req) => {
      const { itemId } = parseInput(ZRewardItemParam, req.params);
      const { csv } = parseInput(ZCouponImportBody, req.body);
      return importCouponCodes(ctx.deps.pool, itemId, csv);
    },
  );
  return router;
}
