// POST /api/auth/refresh — the session resume, mounted in front of the api's logging, headers and
// parsers (see app.ts).
import { Router, type CookieOptions, type RequestHandler, type Response } from 'express';
import type { AccountsService, IssuedSession } from '@playloop/core';
import { routes } from '@playloop/shared';
import { originPolicy } from '../http/origin.js';
import { rawCookie } from '../http/raw-cookie.js';
import { requestIdFor } from '../http/request-id.js';

export const REFRESH_COOKIE = 'pl_rt';

/** The refresh cookie: httpOnly, SameSite=Strict, only ever sent to `/api/auth`. */
export function refreshCookieBase(secureCookies: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: secureCookies, path: '/api/auth' };
}

/** Sets the rotated refresh cookie and answers the session (never cached). */
export function answerSession(res: Response, issued: IssuedSession, secureCookies: boolean) {
  res.cookie(REFRESH_COOKIE, issued.refreshToken, {
    ...refreshCookieBase(secureCookies),
    expires: issued.refreshExpiresAt,
  });
  res.setHeader('Cache-Control', 'no-store');
  return issued.session;
}

/**
 * A rush of returning players (the IO launch's users re-trying every few seconds) is a flood of
 * session resumes. Each costs a token lookup and an HMAC, never a password hash, and, mounted
 * after admission control but before the request log, helmet and the body and cookie parsers, none
 * of what the rest of the api pays per request: the origin policy, the request id, the metrics and
 * the one security header a JSON answer needs are applied here. Errors go to the app's handler.
 */
export function sessionResumeRoutes(deps: {
  accounts: Pick<AccountsService, 'refresh'>;
  secureCookies: boolean;
  corsOrigins: string[];
  metrics: RequestHandler;
}): Router {
  const router = Router();
  router.post(
    routes.refresh.path,
    ...originPolicy(deps.corsOrigins),
    deps.metrics,
    async (req, res) => {
      res.setHeader('X-Request-Id', requestIdFor(req));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      const cookie = rawCookie(req, REFRESH_COOKIE);
      try {
        const issued = await deps.accounts.refresh(
          cookie && cookie.length <= 128 ? cookie : undefined,
        );
        res.status(200).json(answerSession(res, issued, deps.secureCookies));
      } catch (err) {
        res.clearCookie(REFRESH_COOKIE, refreshCookieBase(deps.secureCookies));
        throw err;
      }
    },
  );
  return router;
}
