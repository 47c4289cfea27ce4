import type { RequestHandler } from 'express';
import {
  AppError,
  type AccountsService,
  type Principal,
  type RouteClass,
  type RouteLimits,
} from '@playloop/core';
import { CREDENTIAL_PATHS, ERROR_MESSAGES } from '@playloop/shared';
import { Counter, type Registry } from 'prom-client';
import { requestIdFor } from '../http/request-id.js';

/** The route class a request is counted under; null for what is never limited (the SPA's files). */
export function routeClassOf(method: string, path: string): RouteClass | null {
  if (CREDENTIAL_PATHS.has(path)) return 'password';
  if (path === '/api/auth/refresh' || path === '/api/auth/logout') return 'session';
  if (path.startsWith('/api/waiting-room')) return 'queue';
  if (!path.startsWith('/api/') && !path.startsWith('/r/')) return null;
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS' ? 'read' : 'write';
}

const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]+)$/;

/**
 * 429 + `Retry-After` when an IP, an account or the whole platform spends a route class's budget.
 * The account is the verified bearer of the access token (a forged token cannot spend someone
 * else's budget). Answered before logging and body parsing, like load shedding.
 */
export function rateLimitMiddleware(deps: {
  limits: RouteLimits;
  accounts: Pick<AccountsService, 'authenticate'>;
  registry: Registry;
}) {
  const limited = new Counter({
    name: 'playloop_rate_limited_requests_total',
    help: 'Requests refused with 429, by route class and the budget that was spent',
    labelNames: ['class', 'dimension'] as const,
    registers: [deps.registry],
  });
  let total = 0;

  const principalOf = async (header: string | undefined): Promise<Principal | null> => {
    const match = header ? BEARER.exec(header) : null;
    if (!match) return null;
    try {
      return await deps.accounts.authenticate(match[1] as string);
    } catch {
      return null;
    }
  };

  const middleware: RequestHandler = async (req, res, next) => {
    const cls = routeClassOf(req.method, req.path);
    if (!cls) return next();
    try {
      const principal = await principalOf(req.headers.authorization);
      // The verified bearer is kept for `requireAuth`, which then need not verify the token again.
      if (principal) res.locals.principal = principal;
      const verdict = await deps.limits.check(cls, {
        ip: req.ip ?? 'unknown',
        accountId: principal?.userId ?? null,
      });
      if (!verdict) return next();
      limited.inc({ class: cls, dimension: verdict.dimension });
      total += 1;
      const requestId = requestIdFor(req);
      res.setHeader('Retry-After', String(Math.ceil(verdict.retryAfterMs / 1000)));
      res.setHeader('X-Request-Id', requestId);
      res
        .status(429)
        .json({ error: { code: 'RATE_LIMITED', message: ERROR_MESSAGES.RATE_LIMITED, requestId } });
    } catch (err) {
      next(
        err instanceof AppError
          ? err
          : new AppError('DEPENDENCY_UNAVAILABLE', { cause: err, retryAfterMs: 1000 }),
      );
    }
  };
  return {
    middleware,
    total: () => total,
    /** For refusals made outside this middleware (the calls served in front of Express). */
    countRefusal: (cls: RouteClass) => {
      limited.inc({ class: cls, dimension: 'ip' });
      total += 1;
    },
  };
}
