import type { RequestHandler, Response } from 'express';
import { AppError, type AccountsService, type Principal } from '@playloop/core';
import type { Role } from '@playloop/shared';

/**
 * Requires a valid bearer access token (own or Supabase) and stores its principal. The rate-limit
 * middleware in front has usually verified the same header already and stored the principal; a
 * token it could not verify is verified here, and refused with its own error.
 */
export function requireAuth(accounts: Pick<AccountsService, 'authenticate'>): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers.authorization;
    const match = header ? /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header) : null;
    if (!match) return next(new AppError('AUTH_REQUIRED'));
    if (res.locals.principal) return next();
    try {
      res.locals.principal = await accounts.authenticate(match[1] as string);
      next();
    } catch (err) {
      next(err);
    }
  };
}

/** Allows the listed roles; admin is always allowed. A refusal is audited by the app's error handler. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    const principal = principalOf(res);
    if (principal.role === 'admin' || roles.includes(principal.role)) return next();
    next(
      new AppError('FORBIDDEN', { internal: `role ${principal.role} not in ${roles.join(',')}` }),
    );
  };
}

export function principalOf(res: Response): Principal {
  const p = res.locals.principal as Principal | undefined;
  if (!p) throw new AppError('AUTH_REQUIRED');
  return p;
}
