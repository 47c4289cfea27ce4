import type { Request, RequestHandler } from 'express';
import { AppError, recordAudit, type Authenticate, type Pool } from '@playloop/core';
import type { Role } from '@playloop/shared';
import { principalOf, requireAuth } from '../auth/require-auth.js';

/**
 * Staff-only routes: a valid access token whose role is listed (admin always passes). A refusal
 * is written to the audit trail with who tried what, then answered FORBIDDEN.
 */
export function staffOnly(deps: { pool: Pool; accounts: { authenticate: Authenticate } }, roles: readonly Role[]): RequestHandler[] {
  const check: RequestHandler = async (req, res, next) => {
    const principal = principalOf(res);
    if (principal.role === 'admin' || roles.includes(principal.role)) return next();
    try {
      await recordAudit(deps.pool, {
        actorId: principal.userId, actorRole: principal.role, action: `${req.method} ${req.route?.path ?? req.path}`,
        entityType: 'route', entityId: req.originalUrl.slice(0, 200), outcome: 'refused', reason: `requires ${['admin', ...roles].join(' or ')}`, ip: req.ip,
      });
    } catch (err) {
      req.log?.error({ err }, 'audit of a refusal failed');
    }
    next(new AppError('FORBIDDEN', { internal: `role ${principal.role}` }));
  };
  return [requireAuth(deps.accounts), check];
}

export const actorOf = (req: Request, res: Parameters<RequestHandler>[1]) => ({ ...principalOf(res), ip: req.ip ?? null });
