// GET /api/admin/users · POST /api/admin/users/role · GET /api/admin/audit
import { Router } from 'express';
import {
  changeUserRole,
  listAudit,
  listUsersForAdmin,
  type Authenticate,
  type Pool,
} from '@playloop/core';
import { routes, ZRoleChange } from '@playloop/shared';
import { z } from 'zod';
import { mount } from '../http/route.js';
import { parseInput } from '../http/validate.js';
import { actorOf, staffOnly } from './guard.js';

const ZSearch = z.object({ q: z.string().max(100).optional() });

/** Users, roles and the audit trail: admin only. */
export function adminUserRoutes(deps: {
  pool: Pool;
  accounts: { authenticate: Authenticate };
}): Router {
  const router = Router();
  const adminOnly = staffOnly(deps, []);
  mount(router, routes.adminUsers, ...adminOnly, async (req) => ({
    users: await listUsersForAdmin(deps.pool, parseInput(ZSearch, req.query).q ?? null),
  }));
  mount(router, routes.adminSetRole, ...adminOnly, async (req, res) => {
    const body = parseInput(ZRoleChange, req.body);
    return changeUserRole(deps.pool, actorOf(req, res), body.email, body.role);
  });
  mount(router, routes.adminAudit, ...adminOnly, async () => ({
    entries: await listAudit(deps.pool),
  }));
  return router;
}
