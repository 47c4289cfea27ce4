// GET /api/support/payouts · GET /api/support/payouts/:payoutId · POST /api/support/payouts/:payoutId/actions
import { Router } from 'express';
import {
  AppError,
  getSupportContext,
  listSupportQueue,
  performSupportAction,
} from '@playloop/core';
import { routes, ZPayoutParam, ZSupportActionBody, ZSupportQueueQuery } from '@playloop/shared';
import { principalOf, requireAuth, requireRole } from '../auth/require-auth.js';
import { mount } from '../http/route.js';
import { parseInput } from '../http/validate.js';
import type { PayoutApiContext } from './context.js';

/** Stage 2 of escalation: the support queue, a payout's whole context, and the actions on it. */
export function payoutSupportRoutes(ctx: PayoutApiContext): Router {
  const { pool, accounts, logger } = ctx.deps;
  const router = Router();
  const guard = [requireAuth(accounts), requireRole('support')];
  const providerList = [...ctx.providerNames];
  const context = async (payoutId: string) => {
    const found = await getSupportContext(pool, payoutId, providerList);
    if (!found) throw new AppError('NOT_FOUND', { message: 'No such payout.' });
    return found;
  };

  mount(router, routes.supportPayouts, ...guard, async (req) => {
    const { status } = parseInput(ZSupportQueueQuery, req.query);
    return { payouts: await listSupportQueue(pool, status) };
  });
  mount(router, routes.supportPayout, ...guard, async (req) =>
    context(parseInput(ZPayoutParam, req.params).payoutId),
  );
  mount(router, routes.supportPayoutAction, ...guard, async (req, res) => {
    const { payoutId } = parseInput(ZPayoutParam, req.params);
    const body = parseInput(ZSupportActionBody, req.body);
    await performSupportAction(
      {
        pool,
        notifier: ctx.notifier,
        logger,
        queue: ctx.queue,
        configuredProviders: ctx.providerNames,
      },
      payoutId,
      body,
      principalOf(res).userId,
    );
    return context(payoutId);
  });
  return router;
}
