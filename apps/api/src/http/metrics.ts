import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** One registry per app instance, so several apps in one test process do not collide. */
export function createHttpMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'playloop_http_request_duration_seconds',
    help: 'HTTP request duration by route and status class',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'playloop_http_errors_total',
    help: 'Error responses by code',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const middleware: RequestHandler = (req, res, next) => {
    const end = duration.startTimer();
    res.on('finish', () => {
      // The matched route pattern keeps label cardinality bounded; unmatched paths collapse.
      const route = (req.route?.path as string | undefined) ?? 'unmatched';
      end({
        method: req.method,
        route: `${req.baseUrl}${route}`,
        status: `${Math.floor(res.statusCode / 100)}xx`,
      });
    });
    next();
  };
  return { registry, duration, errors, middleware };
}
export type HttpMetrics = ReturnType<typeof createHttpMetrics>;
