import type { IncomingMessage, ServerResponse } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Express } from 'express';
import { createAdaptiveLimit } from '@playloop/core';
import { CREDENTIAL_PATHS, ERROR_MESSAGES } from '@playloop/shared';
import { Counter, Gauge, type Registry } from 'prom-client';

/**
 * What a request costs this process: `cheap` answers from memory or one Redis call, `password`
 * hashes with argon2id (or mails a reset link), `expensive` is everything else (Postgres work).
 */
export type CostClass = 'cheap' | 'password' | 'expensive';

const CHEAP_GET = /^\/api\/(config|campaigns|waiting-room|leaderboards\/[^/]+|invites\/[^/]+)\/?$/;

const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

/** `null` for the probes, which are never shed. */
export function costClassOf(method: string, path: string): CostClass | null {
  if (PROBES.has(path)) return null;
  if (CREDENTIAL_PATHS.has(path)) return 'password';
  if (path === '/api/waiting-room/join') return 'cheap';
  if (method === 'GET' || method === 'HEAD') {
    if (CHEAP_GET.test(path) || path.startsWith('/r/') || !path.startsWith('/api/')) return 'cheap';
  }
  return 'expensive';
}

export interface SheddingConfig {
  enabled: boolean;
  maxInFlight: number;
  maxCheapInFlight: number;
  maxPasswordInFlight: number;
  maxEventLoopDelayMs: number;
  /** Server-side latency the adaptive in-flight limits aim to keep admitted requests under. */
  targetLatencyMs: number;
  retryAfterSeconds: number;
}

export interface SheddingState {
  inFlight: number;
  /** The expensive-request limit in force (adaptive, at most SHED_MAX_IN_FLIGHT). */
  inFlightLimit: number;
  eventLoopDelayMs: number;
  isOverloaded: boolean;
  shedTotal: number;
}

/** Serves its own requests in front of Express and returns true; false leaves a request to the app. */
export type FrontHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

type ExpressHandle = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (err?: unknown) => void,
) => void;

const SAMPLE_MS = 250;
const MIN_IN_FLIGHT_FOR_DELAY = 4;
const SAFE_ID = /^[A-Za-z0-9_.:-]{8,64}$/;
const ID_BASE = `${process.pid.toString(36)}x${Date.now().toString(36)}x`;
let refusals = 0;

/**
 * Load shedding for one api process: a bound on work in flight per cost class and on event loop
 * delay. Past a bound the request is answered 503 + `Retry-After` at once, before body parsing,
 * logging or any database work, so a refusal costs microseconds and the requests already admitted
 * keep their latency. Cheap requests have a higher bound than expensive ones, so the landing page,
 * the waiting room and cached reads stay up while database work is refused. The probes are never shed.
 */
export function createLoadShedder(
  cfg: SheddingConfig,
  opts: { registry: Registry; onPressure?: () => void },
) {
  const inFlight: Record<CostClass, number> = { cheap: 0, password: 0, expensive: 0 };
  // The configured bounds are ceilings; the limits in force follow latency (see createAdaptiveLimit).
  const limits = {
    // Floors at a quarter of the ceilings: when latency comes from outside (a slow disk, a noisy
    // neighbour), fewer requests in flight would not make it shorter, only throughput smaller.
    expensive: createAdaptiveLimit({
      min: Math.ceil(cfg.maxInFlight / 4),
      max: cfg.maxInFlight,
      targetLatencyMs: cfg.targetLatencyMs,
    }),
    cheap: createAdaptiveLimit({
      min: Math.ceil(cfg.maxCheapInFlight / 4),
      max: cfg.maxCheapInFlight,
      targetLatencyMs: cfg.targetLatencyMs,
    }),
  };
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let delayMs = 0;
  const sampler = setInterval(() => {
    // Smoothed p99 of the last quarter second: one GC pause does not shed a burst of requests.
    const p99 = loop.percentile(99) / 1e6;
    loop.reset();
    delayMs = delayMs * 0.5 + (Number.isFinite(p99) ? p99 : 0) * 0.5;
    limits.expensive.adjust();
    limits.cheap.adjust();
    if (isLoopSlow(0.75) || limits.expensive.value < cfg.maxInFlight / 2) opts.onPressure?.();
  }, SAMPLE_MS);
  sampler.unref();

  const shed = new Counter({
    name: 'playloop_shed_requests_total',
    help: 'Requests refused with 503 by load shedding, by cost class and the bound that was passed',
    labelNames: ['class', 'reason'] as const,
    registers: [opts.registry],
  });
  new Gauge({
    name: 'playloop_requests_in_flight',
    help: 'Requests being served by this process, by cost class',
    labelNames: ['class'] as const,
    registers: [opts.registry],
    collect() {
      for (const cls of Object.keys(inFlight) as CostClass[])
        this.set({ class: cls }, inFlight[cls]);
    },
  });
  new Gauge({
    name: 'playloop_event_loop_delay_ms',
    help: 'Smoothed p99 event loop delay that load shedding acts on',
    registers: [opts.registry],
    collect() {
      this.set(delayMs);
    },
  });
  let shedTotal = 0;

  const total = () => inFlight.cheap + inFlight.password + inFlight.expensive;
  // A slow loop with little in flight is not caused by requests (a GC, a deploy's warm-up, a noisy
  // neighbour on the node), and refusing requests would not help it: the delay bound only acts
  // once a quarter of the in-flight bound is taken.
  const busyEnough = Math.max(MIN_IN_FLIGHT_FOR_DELAY, Math.floor(cfg.maxInFlight / 4));
  const isLoopSlow = (factor: number) =>
    delayMs > cfg.maxEventLoopDelayMs * factor && total() >= busyEnough;
  function reasonToShed(cls: CostClass): 'in_flight' | 'event_loop' | null {
    if (cls === 'cheap') {
      if (inFlight.cheap >= limits.cheap.value) return 'in_flight';
      return isLoopSlow(2) ? 'event_loop' : null;
    }
    const bound = cls === 'password' ? cfg.maxPasswordInFlight : limits.expensive.value;
    if (inFlight[cls] >= bound) return 'in_flight';
    return isLoopSlow(1) ? 'event_loop' : null;
  }

  function refuse(req: IncomingMessage, res: ServerResponse): void {
    // A second of jitter spreads the clients' return instead of bringing them back together.
    const retryAfter = cfg.retryAfterSeconds + (Math.random() < 0.5 ? 0 : 1);
    // No random id for a refusal (it is counted, not logged): the caller's, else a cheap local one.
    const incoming = req.headers['x-request-id'];
    const requestId =
      typeof incoming === 'string' && SAFE_ID.test(incoming)
        ? incoming
        : `req_shed${ID_BASE}${(++refusals).toString(36)}`;
    const body = JSON.stringify({
      error: { code: 'OVERLOADED', message: ERROR_MESSAGES.OVERLOADED, requestId },
    });
    res.writeHead(503, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Retry-After': String(retryAfter),
      'Cache-Control': 'no-store',
      'X-Request-Id': requestId,
    });
    res.end(body);
  }

  /** Counts the request in, or answers it 503 and returns false. */
  function admit(req: IncomingMessage, res: ServerResponse): boolean {
    if (!cfg.enabled) return true;
    const cls = costClassOf(req.method ?? 'GET', (req.url ?? '/').split('?')[0] as string);
    if (!cls) return true;
    const reason = reasonToShed(cls);
    if (reason) {
      shed.inc({ class: cls, reason });
      shedTotal += 1;
      opts.onPressure?.();
      refuse(req, res);
      return false;
    }
    inFlight[cls] += 1;
    const limit = cls === 'password' ? null : limits[cls];
    limit?.onAdmit(inFlight[cls]);
    const started = performance.now();
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inFlight[cls] -= 1;
      limit?.onDone(performance.now() - started);
    };
    res.once('finish', release);
    res.once('close', release);
    return true;
  }

  return {
    admit,
    /**
     * Puts the check in front of the whole Express app (its `handle`), not in its middleware chain:
     * Express's own per-request set-up costs several times what answering a refusal does, and a
     * refusal has to stay cheap when ten times the capacity is knocking.
     */
    guard(app: Express, front?: FrontHandler): void {
      const target = app as unknown as { handle: ExpressHandle };
      const handle = target.handle.bind(app);
      target.handle = (req, res, next) => {
        // Admitted: a `front` handler may take the request itself (the waiting room's hot calls).
        if (admit(req, res) && !front?.(req, res)) handle(req, res, next);
      };
    },
    state(): SheddingState {
      return {
        inFlight: total(),
        inFlightLimit: limits.expensive.value,
        eventLoopDelayMs: Math.round(delayMs * 10) / 10,
        isOverloaded: reasonToShed('expensive') !== null,
        shedTotal,
      };
    },
    close(): void {
      clearInterval(sampler);
      loop.disable();
    },
  };
}
export type LoadShedder = ReturnType<typeof createLoadShedder>;
