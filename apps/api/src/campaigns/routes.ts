// GET /api/campaigns
import { Router } from 'express';
import { listPublicCampaigns, type Pool } from '@playloop/core';
import { routes } from '@playloop/shared';
import { mount } from '../http/route.js';

export function campaignRoutes(deps: { pool: Pool }): Router {
  const router = Router();
  mount(router, routes.campaigns, async () => ({ campaigns: await listPublicCampaigns(deps.pool) }));
  return router;
}
