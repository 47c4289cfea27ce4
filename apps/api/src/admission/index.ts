import { Router, type Express, type RequestHandler } from 'express';
import {
  createAdmissionTokens,
  createRouteLimits,
  createWaitingRoom,
  type AccountsService,
  type Logger,
  type RouteClass,
  type Redis,
} from '@playloop/core';
import type { Registry } from 'prom-client';
import { isSecureCookies, type ApiConfig } from '../config.js';
import { createLoadShedder, type FrontHandler } from '../http/shedding.js';
import { waitingRoomGate } from './gate.js';
import { registerWaitingRoomMetrics } from './metrics.js';
import { operatorRoutes } from './operator-routes.js';
import { rateLimitMiddleware } from './rate-limit.js';
import { addressBudget } from './raw-http.js';
import { createWaitingRoomHandler } from './waiting-room-routes.js';

export interface AdmissionDeps {
  config: ApiConfig;
  logger: Logger;
  redis: Redis;
  accounts: Pick<AccountsService, 'authenticate'>;
}

/**
 * Admission control for one api process: load shedding and the waiting room's join and position
 * calls (in front of the app), rate limits (right after the probes), the waiting room's gate and
 * the operator switch (before auth).
 */
export function createAdmission(deps: AdmissionDeps, registry: Registry) {
  const { config } = deps;
  const room = createWaitingRoom({
    redis: deps.redis,
    prefix: config.REDIS_PREFIX,
    defaultMode: config.WAITING_ROOM_MODE,
    defaultAdmitPerSecond: config.WAITING_ROOM_ADMIT_PER_SECOND,
    abandonMs: config.WAITING_ROOM_ABANDON_SECONDS * 1000,
  });
  const tokens = createAdmissionTokens({
    secret: config.JWT_SECRET,
    issuer: config.JWT_ISSUER,
    admissionTtlSeconds: config.ADMISSION_TTL_SECONDS,
    ticketTtlSeconds: 86_400,
  });

  // `auto` mode: a pod under pressure tells the room, at most once a second.
  let lastReport = 0;
  const onPressure = () => {
    const now = Date.now();
    if (now - lastReport < 1000) return;
    lastReport = now;
    room
      .reportLoad(config.WAITING_ROOM_AUTO_HOLD_SECONDS * 1000)
      .catch((err: unknown) =>
        deps.logger.warn({ err }, 'could not report load to the waiting room'),
      );
  };
  const shedder = createLoadShedder(
    {
      enabled: config.SHED_ENABLED,
      maxInFlight: config.SHED_MAX_IN_FLIGHT,
      maxCheapInFlight: config.SHED_MAX_CHEAP_IN_FLIGHT,
      maxPasswordInFlight: config.SHED_MAX_PASSWORD_IN_FLIGHT,
      maxEventLoopDelayMs: config.SHED_MAX_EVENT_LOOP_DELAY_MS,
      targetLatencyMs: config.SHED_TARGET_LATENCY_MS,
      retryAfterSeconds: config.SHED_RETRY_AFTER_SECONDS,
    },
    { registry, onPressure },
  );
  const limits = createRouteLimits(deps.redis, config.REDIS_PREFIX, {
    windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
    classes: {
      password: config.RATE_LIMIT_PASSWORD,
      session: config.RATE_LIMIT_SESSION,
      queue: config.RATE_LIMIT_QUEUE,
      write: config.RATE_LIMIT_WRITE,
      read: config.RATE_LIMIT_READ,
    },
  });
  const rateLimit = rateLimitMiddleware({ limits, accounts: deps.accounts, registry });
  const pass: RequestHandler = (_req, _res, next) => next();
  const addressBudgetOf = (cls: RouteClass) =>
    addressBudget(config.RATE_LIMITS_ENABLED ? limits : null, cls, config.TRUST_PROXY, () =>
      rateLimit.countRefusal(cls),
    );
  registerWaitingRoomMetrics(registry, room);

  const waitingRoomCalls = createWaitingRoomHandler({
    room,
    tokens,
    secureCookies: isSecureCookies(config),
    allowedOrigins: config.CORS_ORIGINS,
    budget: addressBudgetOf('queue'),
    logger: deps.logger,
  });
  const router = Router();
  router.use(waitingRoomGate({ room, tokens }));
  router.use(
    operatorRoutes({
      room,
      accounts: deps.accounts,
      shedding: shedder.state,
      rateLimitedTotal: rateLimit.total,
    }),
  );

  return {
    /**
     * Puts load shedding, then the waiting room's hot calls and any other `fronts` (handlers that
     * take their own requests and return true), in front of the app (see `LoadShedder.guard`).
     */
    guard: (app: Express, ...fronts: FrontHandler[]) =>
      shedder.guard(
        app,
        (req, res) => waitingRoomCalls(req, res) || fronts.some((f) => f(req, res)),
      ),
    /** For front handlers: a route class's per-address budget, counted in the rate-limit metrics. */
    addressBudget: addressBudgetOf,
    /** Per-route-class rate limits; mount right after the probes. */
    rateLimits: config.RATE_LIMITS_ENABLED ? rateLimit.middleware : pass,
    /** Gate, waiting room and operator routes; mount after body and cookie parsing, before auth. */
    router,
    room,
    close: shedder.close,
  };
}
