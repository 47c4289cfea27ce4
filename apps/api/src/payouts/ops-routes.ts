// GET/PUT /api/admin/payout-policy · GET /api/admin/payouts/kpis · GET/POST /api/admin/payouts/reconciliation
// GET/POST /api/admin/webhooks · DELETE /api/admin/webhooks/:endpointId · GET /api/admin/webhooks/deliveries
import { Router } from 'express';
import {
  computePayoutKpis,
  createWebhookEndpoint,
  disableWebhookEndpoint,
  listReconciliationReports,
  listWebhookDeliveries,
  listWebhookEndpoints,
  readPayoutPolicy,
  reconcilePayouts,
  replacePayoutPolicy,
} from '@playloop/core';
import {
  routes,
  ZPayoutKpisQuery,
  ZPayoutPolicy,
  ZWebhookDeliveryQuery,
  ZWebhookEndpointInput,
  ZWebhookEndpointParam,
} from '@playloop/shared';
import { principalOf, requireAuth, requireRole } from '../auth/require-auth.js';
import { mount } from '../http/route.js';
import { parseInput } from '../http/validate.js';
import type { PayoutApiContext } from './context.js';

/** Payout operations: the failure policy (admin), KPIs, reconciliation and CRM webhooks. */
export function payoutOpsRoutes(ctx: PayoutApiContext): Router {
  const { pool, accounts, logger } = ctx.deps;
  const router = Router();
  const auth = requireAuth(accounts);
  const adminOnly = [auth, requireRole()];

  mount(router, routes.payoutPolicy, ...adminOnly, async () => readPayoutPolicy(pool, logger));
  mount(router, routes.replacePayoutPolicy, ...adminOnly, async (req, res) => {
    const policy = parseInput(ZPayoutPolicy, req.body);
    const doc = await replacePayoutPolicy(pool, policy, principalOf(res).userId);
    logger.info(
      { event: 'payout_policy_replaced', version: doc.version, actorId: principalOf(res).userId },
      'payout policy replaced',
    );
    return doc;
  });

  mount(router, routes.payoutKpis, auth, requireRole('marketing', 'support'), async (req) => {
    const { windowHours } = parseInput(ZPayoutKpisQuery, req.query);
    return computePayoutKpis(pool, ctx.breaker, { windowHours, providers: [...ctx.providerNames] });
  });

  mount(router, routes.reconciliationReports, auth, requireRole('support'), async () => ({
    reports: await listReconciliationReports(pool),
  }));
  mount(router, routes.runReconciliation, ...adminOnly, async () =>
    reconcilePayouts({ pool, providers: ctx.providers, logger }),
  );

  mount(router, routes.webhookEndpoints, ...adminOnly, async () => ({
    endpoints: await listWebhookEndpoints(pool),
  }));
  mount(router, routes.createWebhookEndpoint, ...adminOnly, async (req, res) =>
    createWebhookEndpoint(
      pool,
      parseInput(ZWebhookEndpointInput, req.body),
      principalOf(res).userId,
    ),
  );
  mount(router, routes.deleteWebhookEndpoint, ...adminOnly, async (req) => {
    await disableWebhookEndpoint(pool, parseInput(ZWebhookEndpointParam, req.params).endpointId);
    return { ok: true as const };
  });
  mount(router, routes.webhookDeliveries, ...adminOnly, async (req) => {
    const { status } = parseInput(ZWebhookDeliveryQuery, req.query);
    return { deliveries: await listWebhookDeliveries(pool, status) };
  });
  return router;
}
