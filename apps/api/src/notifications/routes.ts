// GET /api/notifications
import { Router } from 'express';
import { listNotifications, type AccountsService, type Pool } from '@playloop/core';
import { routes } from '@playloop/shared';
import { principalOf, requireAuth } from '../auth/require-auth.js';
import { mount } from '../http/route.js';

export function notificationRoutes(deps: { pool: Pool; accounts: AccountsService }): Router {
  const router = Router();
  mount(router, routes.notifications, requireAuth(deps.accounts), async (_req, res) => ({
    notifications: await listNotifications(deps.pool, principalOf(res).userId),
  }));
  return router;
}
