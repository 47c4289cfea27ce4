// GET /api/campaigns
import { Router } from 'express';
import { createHotValue, listPublicCampaigns, type Pool } from '@playloop/core';
import { routes } from '@playloop/shared';
import { mount } from '../http/route.js';

export function campaignRoutes(deps: { pool: Pool; cacheTtlMs?: number }): Router {
  const router = Router();
  // The landing page's hottest read: at most one query per pod every `cacheTtlMs` (the bound on
  // how stale the list may be), whatever the traffic.
  const campaigns = createHotValue(() => listPublicCampaigns(deps.pool), {
    ttlMs: deps.cacheTtlMs ?? 2000,
  });
  mount(router, routes.campaigns, async () => ({ campaigns: await campaigns.get() }));
  return router;
}
