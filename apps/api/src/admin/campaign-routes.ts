// GET/POST /api/admin/campaigns · PUT /api/admin/campaigns/:id · POST /api/admin/campaigns/:id/status
// GET /api/admin/campaigns/:id/funnel · GET /api/admin/export/referrals.csv · GET /api/admin/export/rewards.csv
import { Router } from 'express';
import {
  computeFunnel,
  createCampaign,
  exportReferralsCsv,
  exportRewardsCsv,
  listCampaignsForAdmin,
  setCampaignStatus,
  updateCampaign,
  type Authenticate,
  type InviteDirectory,
  type Pool,
} from '@playloop/core';
import { routes, ZCampaignInput, ZFunnelQuery, ZStatusChange } from '@playloop/shared';
import { z } from 'zod';
import { mount } from '../http/route.js';
import { parseInput } from '../http/validate.js';
import { actorOf, staffOnly } from './guard.js';

const ZIdParam = z.object({
  id: z.string().regex(/^cmp_[0-9A-Za-z]{20}$/, 'must be a campaign id'),
});
const ZExportQuery = z.object({
  campaignId: z
    .string()
    .regex(/^cmp_[0-9A-Za-z]{20}$/)
    .optional(),
});

export function adminCampaignRoutes(deps: {
  pool: Pool;
  accounts: { authenticate: Authenticate };
  invites: InviteDirectory;
}): Router {
  const router = Router();
  const marketing = staffOnly(deps, ['marketing']);
  const reporting = staffOnly(deps, ['marketing', 'support']);

  mount(router, routes.adminCampaigns, ...marketing, async () => ({
    campaigns: await listCampaignsForAdmin(deps.pool),
  }));
  mount(router, routes.adminCreateCampaign, ...marketing, async (req, res) =>
    createCampaign(deps.pool, actorOf(req, res), parseInput(ZCampaignInput, req.body)),
  );
  mount(router, routes.adminUpdateCampaign, ...marketing, async (req, res) =>
    updateCampaign(
      deps.pool,
      actorOf(req, res),
      parseInput(ZIdParam, req.params).id,
      parseInput(ZCampaignInput, req.body),
    ),
  );
  mount(router, routes.adminCampaignStatus, ...marketing, async (req, res) =>
    setCampaignStatus(
      deps.pool,
      actorOf(req, res),
      parseInput(ZIdParam, req.params).id,
      parseInput(ZStatusChange, req.body).status,
    ),
  );
  mount(router, routes.adminFunnel, ...marketing, async (req) => {
    const { id } = parseInput(ZIdParam, req.params);
    const q = parseInput(ZFunnelQuery, req.query);
    const to = q.to ? new Date(q.to) : new Date();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - 30 * 86_400_000);
    return computeFunnel(deps.pool, id, from, to);
  });

  for (const [name, build] of [
    ['referrals', exportReferralsCsv],
    ['rewards', exportRewardsCsv],
  ] as const) {
    router.get(`/api/admin/export/${name}.csv`, ...reporting, async (req, res) => {
      const { campaignId } = parseInput(ZExportQuery, req.query);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="playloop-${name}.csv"`);
      res.send(await build(deps.pool, campaignId ?? null));
    });
  }
  return router;
}
