import { createServer, type Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { socketIoKey, type Logger } from '@playloop/core';
import { rooms } from '@playloop/shared';
import type { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { installConnectionShedding } from './admission/shedding.js';
import { createHandshakeAuth } from './auth/handshake-auth.js';
import type { RealtimeConfig } from './config.js';
import { createPingHandler } from './conn/ping.js';
import { createEventRouter } from './events/router.js';
import { createAllowRequest } from './http/origin-guard.js';
import { createProbeRoutes } from './http/probe-routes.js';
import { checkReadiness, type SqlPinger } from './http/readiness.js';
import { createRealtimeMetrics, type RealtimeMetrics } from './metrics/metrics.js';
import { startUserBus } from './user-bus.js';
import type { Authenticate, RealtimeFeature, RealtimeServer } from './types.js';

export interface RealtimeDeps {
  config: RealtimeConfig;
  logger: Logger;
  /** Two connections: a subscriber cannot publish. Owned by the caller, which also closes them. */
  redis: { pub: Redis; sub: Redis };
  /** Only used by `/readyz`; domain work goes through core services. */
  pool: SqlPinger;
  authenticate: Authenticate;
  /** Feature modules (games, presence…) that add their own socket events. */
  features?: RealtimeFeature[];
  now?: () => number;
}

export interface Realtime {
  httpServer: HttpServer;
  io: RealtimeServer;
  metrics: RealtimeMetrics;
  /** Marks the pod not ready, disconnects every socket, stops the adapter and the HTTP server. */
  close(): Promise<void>;
}

/**
 * Composition root of the Socket.IO server. Nothing listens yet: the caller picks the port.
 *
 * What a client must handle on `connect_error` (`err.data?.code`, see `HandshakeErrorCode`). A
 * refusal that carries `data` leaves `socket.active` false: socket.io-client will not retry it by
 * itself, so the client decides.
 * - `AUTH_TOKEN_EXPIRED`: refresh the access token, put it in `auth.token`, `connect()` once.
 * - `AUTH_INVALID_TOKEN`: refresh once as well (the token may predate a secret rotation); if the
 *   new token is refused too, the session is over: sign in again. Never loop.
 * - `AUTH_REQUIRED`: no token was sent; sign in first.
 * - `OVERLOADED`: the token could not be checked right now (a dependency is down); keep the
 *   token and `connect()` again after a backoff with jitter (shared `socketReconnectOptions`).
 * - no `data` (a transport error: refused Origin, payload too large, pod unreachable or shutting
 *   down): socket.io-client reconnects by itself with its jittered backoff.
 * A `disconnect` with reason `io server disconnect` means this server dropped the socket on
 * purpose (repeated abuse); socket.io-client does not reconnect and the client should not force it.
 */
export function createRealtime(deps: RealtimeDeps): Realtime {
  const { config, logger } = deps;
  const now = deps.now ?? Date.now;
  let isShuttingDown = false;
  let closing: Promise<void> | undefined;

  // `io` is read lazily at scrape time; it is assigned below before the server can listen.
  const metrics = createRealtimeMetrics({ countConnectedSockets: () => io.of('/').sockets.size });

  // The probe handler must exist before socket.io attaches: engine.io wraps the `request`
  // listeners present at attach time and hands them everything outside `/socket.io/`.
  const httpServer = createServer(
    createProbeRoutes({
      logger,
      registry: metrics.registry,
      readiness: () =>
        checkReadiness({ pubClient: deps.redis.pub, subClient: deps.redis.sub, pool: deps.pool }),
      isShuttingDown: () => isShuttingDown,
    }),
  );

  const originPolicy = {
    allowedOrigins: config.ALLOWED_ORIGINS,
    allowNoOrigin: config.ALLOW_NO_ORIGIN,
  };
  const io: RealtimeServer = new Server(httpServer, {
    serveClient: false,
    // Frames or polling bodies above this close the offending connection, not the process.
    maxHttpBufferSize: config.MAX_PAYLOAD_BYTES,
    // A connection that has not completed the namespace handshake by then is dropped.
    connectTimeout: 10_000,
    allowRequest: createAllowRequest(originPolicy, (verdict, origin) => {
      metrics.handshakeRefusals.inc({ code: 'ORIGIN_NOT_ALLOWED' });
      logger.debug({ origin: origin?.slice(0, 200), verdict }, 'origin refused');
    }),
    // CORS only governs what a browser may read; `allowRequest` above is what refuses the socket.
    cors: { origin: [...config.ALLOWED_ORIGINS], methods: ['GET', 'POST'], credentials: false },
    // Same key as core's emitter, so the api and worker reach sockets on every pod.
    adapter: createAdapter(deps.redis.pub, deps.redis.sub, {
      key: socketIoKey(config.REDIS_PREFIX),
    }),
  });

  // In front of engine.io: a new connection past the bounds is refused before any work is done.
  const shedding = installConnectionShedding(
    httpServer,
    {
      enabled: config.SHED_ENABLED,
      maxConnections: config.SHED_MAX_CONNECTIONS,
      maxEventLoopDelayMs: config.SHED_MAX_EVENT_LOOP_DELAY_MS,
      retryAfterSeconds: config.SHED_RETRY_AFTER_SECONDS,
    },
    { registry: metrics.registry, countConnections: () => io.of('/').sockets.size },
  );

  io.engine.on('connection_error', (err: { code?: number; message?: string }) => {
    logger.debug({ code: err.code, message: err.message }, 'engine connection refused');
  });

  // Events the api and workers address to users (rewards, wallets, notifications), batched.
  const userBus = startUserBus({
    io,
    sub: deps.redis.sub,
    redisPrefix: config.REDIS_PREFIX,
    logger,
  });

  io.use(createHandshakeAuth({ authenticate: deps.authenticate, logger, metrics }));

  const router = createEventRouter({
    logger,
    metrics,
    now,
    limits: {
      eventsPerSecond: config.SOCKET_EVENTS_PER_SECOND,
      burst: config.SOCKET_EVENTS_BURST,
      abuseStrikes: config.SOCKET_ABUSE_STRIKES,
    },
  });
  const ping = createPingHandler(now);
  const features = deps.features ?? [];
  for (const feature of features) feature.start?.(io);

  io.on('connection', (socket) => {
    // The room every emitter addresses a user by (core's notifier, future game events).
    socket.join(rooms.user(socket.data.userId));
    router.on(socket, 'conn:ping', ping);
    for (const feature of features) feature.attach(socket, router);
    logger.debug({ userId: socket.data.userId, socketId: socket.id }, 'socket connected');
    socket.on('disconnect', (reason) => {
      logger.debug(
        { userId: socket.data.userId, socketId: socket.id, reason },
        'socket disconnected',
      );
    });
  });

  return {
    httpServer,
    io,
    metrics,
    close() {
      isShuttingDown = true;
      shedding.close();
      closing ??= Promise.all([...features.map((f) => f.stop?.()), userBus.close()]).then(() =>
        io.close(),
      );
      return closing;
    },
  };
}
