import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '@playloop/core';
import { ERROR_MESSAGES } from '@playloop/shared';
import type { Registry } from 'prom-client';
import type { ReadinessReport } from './readiness.js';

export interface ProbeRoutesDeps {
  logger: Logger;
  registry: Registry;
  readiness: () => Promise<ReadinessReport>;
  isShuttingDown: () => boolean;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

/**
 * Plain HTTP beside Socket.IO on the same port (socket.io only claims `/socket.io/`):
 * GET /healthz  liveness: the event loop answers; never checks dependencies, so a Redis outage
 *               does not get every pod restarted at once.
 * GET /readyz   readiness: Redis and Postgres answer and the pod is not draining.
 * GET /metrics  Prometheus text format from this server's own registry.
 */
export function createProbeRoutes(deps: ProbeRoutesDeps) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendJson(res, 404, {
        error: { code: 'NOT_FOUND', message: ERROR_MESSAGES.NOT_FOUND },
      });
    }
    switch (path) {
      case '/healthz':
        return sendJson(res, 200, { status: 'ok' });
      case '/readyz':
        if (deps.isShuttingDown()) return sendJson(res, 503, { status: 'draining' });
        deps
          .readiness()
          .then((report) =>
            sendJson(res, report.ready ? 200 : 503, {
              status: report.ready ? 'ready' : 'unavailable',
              checks: report.checks,
            }),
          )
          .catch((err: unknown) => {
            deps.logger.error({ err }, 'readiness check failed');
            sendJson(res, 503, { status: 'unavailable' });
          });
        return;
      case '/metrics':
        deps.registry
          .metrics()
          .then((text) => {
            res.writeHead(200, { 'content-type': deps.registry.contentType });
            res.end(text);
          })
          .catch((err: unknown) => {
            deps.logger.error({ err }, 'metrics collection failed');
            sendJson(res, 500, { error: { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL } });
          });
        return;
      default:
        return sendJson(res, 404, {
          error: { code: 'NOT_FOUND', message: ERROR_MESSAGES.NOT_FOUND },
        });
    }
  };
}
