import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { ERROR_MESSAGES } from '@playloop/shared';
import { Counter, Gauge, type Registry } from 'prom-client';

export interface ConnectionSheddingConfig {
  enabled: boolean;
  maxConnections: number;
  maxEventLoopDelayMs: number;
  retryAfterSeconds: number;
}

type Reason = 'connections' | 'event_loop';
const MIN_SOCKETS_FOR_DELAY = 100;

/**
 * A new Socket.IO connection starts with an engine.io request that has no `sid`. Requests with a
 * `sid` belong to players already connected (polling, the upgrade to WebSocket) and are never shed.
 */
function isNewConnection(req: IncomingMessage): boolean {
  const url = req.url ?? '';
  return url.startsWith('/socket.io/') && !/[?&]sid=/.test(url);
}

/**
 * Load shedding for one realtime process: past a bound on sockets held or on event loop delay, a *new* connection is answered 503 + `Retry-After` before
 * engine.io or the token check see it. Sockets already open keep working, and the probes (plain
 * HTTP beside Socket.IO) are never shed. socket.io-client treats the refusal as a transport error
 * and reconnects with its jittered backoff (the shared `socketReconnectOptions`).
 */
export function installConnectionShedding(
  httpServer: HttpServer,
  cfg: ConnectionSheddingConfig,
  deps: { registry: Registry; countConnections: () => number },
) {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let delayMs = 0;
  const sampler = setInterval(() => {
    const p99 = loop.percentile(99) / 1e6;
    loop.reset();
    delayMs = delayMs * 0.5 + (Number.isFinite(p99) ? p99 : 0) * 0.5;
  }, 250);
  sampler.unref();

  const shed = new Counter({
    name: 'playloop_realtime_shed_connections_total',
    help: 'New connections refused with 503 by load shedding, by the bound that was passed',
    labelNames: ['reason'] as const,
    registers: [deps.registry],
  });
  new Gauge({
    name: 'playloop_realtime_event_loop_delay_ms',
    help: 'Smoothed p99 event loop delay that connection shedding acts on',
    registers: [deps.registry],
    collect() {
      this.set(delayMs);
    },
  });

  function reasonToShed(): Reason | null {
    if (deps.countConnections() >= cfg.maxConnections) return 'connections';
    // With few sockets, a slow loop is not their doing (start-up, a GC) and refusing would not help.
    return delayMs > cfg.maxEventLoopDelayMs && deps.countConnections() >= MIN_SOCKETS_FOR_DELAY
      ? 'event_loop'
      : null;
  }
  const retryAfter = () => String(cfg.retryAfterSeconds + (Math.random() < 0.5 ? 0 : 1));
  const body = JSON.stringify({
    error: { code: 'OVERLOADED', message: ERROR_MESSAGES.OVERLOADED },
  });

  // engine.io wrapped the server's listeners when it attached; put the check in front of them.
  const requestListeners = httpServer.listeners('request') as Array<
    (req: IncomingMessage, res: ServerResponse) => void
  >;
  const upgradeListeners = httpServer.listeners('upgrade') as Array<
    (req: IncomingMessage, socket: Duplex, head: Buffer) => void
  >;
  httpServer.removeAllListeners('request');
  httpServer.removeAllListeners('upgrade');

  const check = (req: IncomingMessage): Reason | null => {
    if (!cfg.enabled || !isNewConnection(req)) return null;
    const reason = reasonToShed();
    if (reason) shed.inc({ reason });
    return reason;
  };
  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (check(req)) {
      res.writeHead(503, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(body),
        'Retry-After': retryAfter(),
        'Cache-Control': 'no-store',
      });
      res.end(body);
      return;
    }
    for (const listener of requestListeners) listener.call(httpServer, req, res);
  });
  httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (check(req)) {
      socket.end(
        `HTTP/1.1 503 Service Unavailable\r\nRetry-After: ${retryAfter()}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
      return;
    }
    for (const listener of upgradeListeners) listener.call(httpServer, req, socket, head);
  });

  return {
    state: () => ({ eventLoopDelayMs: delayMs, connections: deps.countConnections() }),
    close(): void {
      clearInterval(sampler);
      loop.disable();
    },
  };
}
