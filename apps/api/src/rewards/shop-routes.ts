// GET /api/rewards · POST /api/rewards/:itemId/redeem · GET /api/rewards/mine · GET /api/payouts/:payoutId
import { Router } from 'express';
import {
  AppError,
  deviceClass,
  getPayoutView,
  getWallet,
  listMyPayouts,
  listRewardCatalogue,
  redeemReward,
} from '@playloop/core';
import {
  routes,
  ZCatalogueQuery,
  ZIdempotencyKey,
  ZPayoutParam,
  ZRewardItemParam,
} from '@playloop/shared';
import { principalOf, requireAuth } from '../auth/require-auth.js';
import { mount } from '../http/route.js';
import { parseInput } from '../http/validate.js';
import type { PayoutApiContext } from '../payouts/context.js';

/** The player's side of the shop: browse, redeem (idempotent per Idempotency-Key), follow payouts. */
export function rewardShopRoutes(ctx: PayoutApiContext): Router {
  const { pool, accounts, logger } = ctx.deps;
  const router = Router();
  const auth = requireAuth(accounts);

  mount(router, routes.rewardCatalogue, auth, async (req, res) => {
    const { campaignId } = parseInput(ZCatalogueQuery, req.query);
    const campaign = await pool.query('select 1 from campaigns where id = $1', [campaignId]);
    if (!campaign.rowCount) throw new AppError('NOT_FOUND', { message: 'No such campaign.' });
    return {
      campaignId,
      items: await listRewardCatalogue(pool, campaignId, principalOf(res).userId),
    };
  });

  mount(router, routes.myRewards, auth, async (_req, res) => ({
    payouts: await listMyPayouts(pool, principalOf(res).userId),
  }));

  mount(router, routes.redeemReward, auth, async (req, res) => {
    const { itemId } = parseInput(ZRewardItemParam, req.params);
    const key = ZIdempotencyKey.safeParse(req.headers['idempotency-key']);
    if (!key.success) {
      throw new AppError('VALIDATION_FAILED', {
        message: 'Send an Idempotency-Key header so a retried redemption never spends twice.',
        details: [
          { path: 'Idempotency-Key', message: key.error.issues[0]?.message ?? 'is required' },
        ],
      });
    }
    const { userId } = principalOf(res);
    const outcome = await redeemReward(pool, {
      userId,
      itemId,
      requestKey: key.data,
      device: deviceClass(req.headers['user-agent']),
      configuredProviders: ctx.providerNames,
    });
    if (outcome.needsPayout) {
      // The payout is committed: a lost enqueue only delays it until the worker's sweeper finds it.
      await ctx.queue
        .enqueuePayout(outcome.payout.id)
        .catch((err: unknown) =>
          logger.error(
            { err, payoutId: outcome.payout.id },
            'payout enqueue failed; the sweeper will pick it up',
          ),
        );
    }
    const wallet = await getWallet(pool, userId);
    if (!outcome.replayed) {
      ctx.notifier.toUser(userId, 'wallet:updated', wallet);
      ctx.notifier.toUser(userId, 'payout:updated', outcome.payout);
    }
    return { payout: outcome.payout, wallet, replayed: outcome.replayed };
  });

  mount(router, routes.myPayout, auth, async (req, res) => {
    const { payoutId } = parseInput(ZPayoutParam, req.params);
    const view = await getPayoutView(pool, payoutId, principalOf(res).userId);
    if (!view) throw new AppError('NOT_FOUND', { message: 'No such payout.' });
    return view;
  });

  return router;
}
