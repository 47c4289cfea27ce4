// POST /api/auth/refresh — the session resume, served in front of Express (see app.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CookieOptions, Response } from 'express';
import { AppError, type AccountsService, type IssuedSession, type Logger } from '@playloop/core';
import { routes, type TErrorBody } from '@playloop/shared';
import type { Histogram } from 'prom-client';
import { readCookieHeader, sendJson, type AddressBudget } from '../admission/raw-http.js';
import { requestIdFor } from '../http/request-id.js';
import type { FrontHandler } from '../http/shedding.js';

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

export interface SessionResumeDeps {
  accounts: Pick<AccountsService, 'refresh'>;
  secureCookies: boolean;
  corsOrigins: string[];
  /** The `session` class's per-address budget. */
  budget: AddressBudget;
  /** The api's request-duration histogram, so resumes stay in it. */
  duration: Histogram<'method' | 'route' | 'status'>;
  logger: Logger;
}

/**
 * A rush of returning players (the IO launch's users re-trying every few seconds) is a flood of
 * session resumes. Each costs one prepared statement and an HMAC, never a password hash, and,
 * served in front of Express like the invite link, none of what the api pays per request for its
 * routing, request log, helmet and parsers. What applies to every api route applies here too: the
 * Origin policy (CORS for the allow-list, foreign writes refused), the per-address budget of the
 * `session` class, the request id, the error shape and the request-duration metric.
 */
export function createSessionResumeHandler(deps: SessionResumeDeps): FrontHandler {
  const allowed = new Set(deps.corsOrigins);
  const tail = `; Path=/api/auth; HttpOnly${deps.secureCookies ? '; Secure' : ''}; SameSite=Strict`;
  const cleared = `${REFRESH_COOKIE}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT${tail}`;

  function refuse(res: ServerResponse, err: AppError, requestId: string, headers: object): void {
    const body: TErrorBody = { error: { code: err.code, message: err.message, requestId } };
    sendJson(res, err.status, body, {
      ...headers,
      'X-Request-Id': requestId,
      ...(err.retryAfterMs !== undefined
        ? { 'Retry-After': String(Math.max(1, Math.ceil(err.retryAfterMs / 1000))) }
        : {}),
    } as Record<string, string | string[]>);
  }

  async function serve(req: IncomingMessage, res: ServerResponse, requestId: string) {
    const origin = req.headers.origin;
    if (origin && !allowed.has(origin))
      return refuse(res, new AppError('ORIGIN_NOT_ALLOWED'), requestId, {});
    const cors: Record<string, string> = origin
      ? {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Credentials': 'true',
          'Access-Control-Expose-Headers': 'Retry-After, X-Request-Id',
          Vary: 'Origin',
        }
      : {};
    const waitMs = await deps.budget(req);
    if (waitMs !== null)
      return refuse(res, new AppError('RATE_LIMITED', { retryAfterMs: waitMs }), requestId, cors);
    const token = readCookieHeader(req, REFRESH_COOKIE);
    try {
      const issued = await deps.accounts.refresh(token && token.length <= 128 ? token : undefined);
      const cookie = `${REFRESH_COOKIE}=${issued.refreshToken}; Expires=${issued.refreshExpiresAt.toUTCString()}${tail}`;
      sendJson(res, 200, issued.session, {
        ...cors,
        'X-Request-Id': requestId,
        'Set-Cookie': cookie,
      });
    } catch (err) {
      const appErr = err instanceof AppError ? err : new AppError('INTERNAL', { cause: err });
      if (appErr.code === 'INTERNAL')
        deps.logger.error({ err, requestId }, 'session resume failed');
      refuse(res, appErr, requestId, { ...cors, 'Set-Cookie': cleared });
    }
  }

  return (req, res) => {
    if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== routes.refresh.path)
      return false;
    const requestId = requestIdFor(req);
    const end = deps.duration.startTimer();
    res.once('finish', () =>
      end({
        method: 'POST',
        route: routes.refresh.path,
        status: `${Math.floor(res.statusCode / 100)}xx`,
      }),
    );
    // Nothing to read from the body: drain it so the connection can carry the next request.
    req.resume();
    serve(req, res, requestId).catch((err: unknown) => {
      deps.logger.error({ err, requestId }, 'session resume failed');
      if (!res.headersSent) refuse(res, new AppError('INTERNAL'), requestId, {});
    });
    return true;
  };
}
