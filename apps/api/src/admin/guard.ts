import type { Request, RequestHandler } from 'express';
import { recordAudit, type Authenticate, type Pool } from '@playloop/core';
import type { Role } from '@playloop/shared';
import { principalOf, requireAuth, requireRole } from '../auth/require-auth.js';
import type { RefusalHook } from '../http/errors.js';

/**
 * Staff-only routes: a valid access token whose role is listed (admin always passes). Refusals are
 * written to the audit trail by the app's error handler (see `auditRefusal`), like every FORBIDDEN.
 */
export function staffOnly(
  deps: { accounts: { authenticate: Authenticate } },
  roles: readonly Role[],
): RequestHandler[] {
  return [requireAuth(deps.accounts), requireRole(...roles)];
}

/** Writes a refused attempt (who, what, why) to the audit trail. */
export function auditRefusal(pool: Pool): RefusalHook {
  return async (req, res, err) => {
    const principal = res.locals.principal as { userId: string; role: string } | undefined;
    await recordAudit(pool, {
      actorId: principal?.userId ?? null,
      actorRole: principal?.role ?? null,
      action: `${req.method} ${(req.route?.path as string | undefined) ?? req.path}`,
      entityType: 'route',
      entityId: req.originalUrl.slice(0, 200),
      outcome: 'refused',
      reason: err.internal ?? err.message,
      ip: req.ip,
    });
  };
}

export const actorOf = (req: Request, res: Parameters<RequestHandler>[1]) => ({
  ...principalOf(res),
  ip: req.ip ?? null,
});

/** Writes a staff action that succeeded to the audit trail: who (from the request), what, on what. */
export function auditDone(
  pool: Pool,
  req: Request,
  res: Parameters<RequestHandler>[1],
  entry: { action: string; entityType: string; entityId: string; after?: unknown },
): Promise<void> {
  const actor = actorOf(req, res);
  return recordAudit(pool, {
    actorId: actor.userId,
    actorRole: actor.role,
    outcome: 'ok',
    ip: actor.ip,
    ...entry,
  });
}
