import type { RequestHandler } from 'express';
import type { Logger } from '@playloop/core';
import { pinoHttp } from 'pino-http';
import { requestIdFor } from './request-id.js';

/**
 * The request log, and `req.log`/`req.id` for the handlers. pino-http writes a line per request at
 * `info`; below that level (`LOG_LEVEL=warn`, as in the benches and busy production pods) it would
 * still build a child logger per request, serialising and redacting the request's bindings, for
 * lines that are never written: about 5% of the api's CPU on the player workload. Then each
 * request gets its id and a `req.log` bound to it, made only when something logs.
 */
export function requestLog(logger: Logger): RequestHandler {
  if (logger.isLevelEnabled('info'))
    return pinoHttp({
      logger,
      genReqId: (req, res) => {
        const id = requestIdFor(req);
        res.setHeader('X-Request-Id', id);
        return id;
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    });
  return (req, res, next) => {
    const id = requestIdFor(req);
    res.setHeader('X-Request-Id', id);
    req.id = id;
    let log: Logger | undefined;
    Object.defineProperty(req, 'log', {
      configurable: true,
      // The same binding pino-http gives its lines, so both kinds of line are searched alike.
      get: () => (log ??= logger.child({ req: { id, method: req.method, url: req.url } })),
    });
    next();
  };
}
