import type { RequestHandler } from 'express';
import cors from 'cors';
import { AppError } from '@playloop/core';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CORS for the allow-list, plus a hard refusal of writes whose Origin is foreign: cookies are
 * SameSite=Strict already, this closes the door for any browser that gets that wrong.
 */
export function originPolicy(allowed: string[]): RequestHandler[] {
  const allowList = new Set(allowed);
  const corsMiddleware = cors({
    origin: (origin, cb) => cb(null, origin === undefined || allowList.has(origin)),
    credentials: true,
    maxAge: 600,
    exposedHeaders: ['Retry-After', 'X-Request-Id'],
  });
  const refuseForeignWrites: RequestHandler = (req, _res, next) => {
    const origin = req.headers.origin;
    if (origin && WRITE_METHODS.has(req.method) && !allowList.has(origin)) {
      return next(new AppError('ORIGIN_NOT_ALLOWED', { internal: origin }));
    }
    next();
  };
  return [corsMiddleware, refuseForeignWrites];
}
