import { isAppError, type Logger } from '@playloop/core';
import {
  ClientEventSchemas,
  toFieldIssues,
  type ClientAckData,
  type ClientEventName,
  type ClientPayload,
} from '@playloop/shared';
import type { EventOutcome, RealtimeMetrics } from '../metrics/metrics.js';
import type { RealtimeSocket } from '../types.js';
import { ackFailure, splitArgs, type AckFailure, type AckFn } from './ack.js';
import { StrikeWindow } from './strike-window.js';
import { TokenBucket } from './token-bucket.js';

/** Runs after the payload has been parsed; returns the ack data or throws (an `AppError` ideally). */
export type EventHandler<E extends ClientEventName> = (
  payload: ClientPayload<E>,
  ctx: { socket: RealtimeSocket },
) => ClientAckData[E] | Promise<ClientAckData[E]>;

export interface EventLimits {
  eventsPerSecond: number;
  burst: number;
  abuseStrikes: number;
}

export interface EventRouterDeps {
  logger: Logger;
  metrics: RealtimeMetrics;
  limits: EventLimits;
  now?: () => number;
}

type UntypedListenerTarget = { on(event: string, listener: (...args: unknown[]) => void): unknown };
interface SocketGuard {
  bucket: TokenBucket;
  strikes: StrikeWindow;
  known: Set<string>;
}

/**
 * Validates every client event against its schema in `ClientEventSchemas` before a handler runs,
 * budgets events per socket, and answers with an `AckResult`. Violations (malformed, unknown or
 * over-budget events) are strikes; too many within a minute disconnect the socket.
 */
export function createEventRouter(deps: EventRouterDeps) {
  const now = deps.now ?? Date.now;
  const guards = new WeakMap<RealtimeSocket, SocketGuard>();

  const count = (event: string, outcome: EventOutcome) =>
    deps.metrics.events.inc({ event, outcome });

  /** Answers a violation and disconnects the socket when it has reached its strike limit. */
  function violation(
    socket: RealtimeSocket,
    guard: SocketGuard,
    event: string,
    outcome: EventOutcome,
    ack: AckFn | undefined,
    error: AckFailure,
  ) {
    count(event, outcome);
    ack?.({ ok: false, error });
    if (!guard.strikes.strike()) return;
    deps.logger.warn(
      { userId: socket.data.userId, socketId: socket.id, lastViolation: outcome },
      'disconnecting abusive socket',
    );
    deps.metrics.abuseDisconnects.inc();
    // `true` closes the transport too; the client still receives a server disconnect first, so a
    // well-behaved client does not reconnect automatically.
    socket.disconnect(true);
  }

  function guardOf(socket: RealtimeSocket): SocketGuard {
    const existing = guards.get(socket);
    if (existing) return existing;
    const guard: SocketGuard = {
      bucket: new TokenBucket(deps.limits.burst, deps.limits.eventsPerSecond, now),
      strikes: new StrikeWindow(deps.limits.abuseStrikes, 60_000, now),
      known: new Set(),
    };
    guards.set(socket, guard);
    // Catch-all for names nobody registered; known events are handled by their own listener.
    socket.onAny((event: unknown, ...args: unknown[]) => {
      if (typeof event === 'string' && guard.known.has(event)) return;
      const { ack } = splitArgs(args);
      // Unknown names are folded into one label: a client must not be able to mint metric series.
      const label = '(unknown)';
      if (!guard.bucket.tryTake())
        return violation(socket, guard, label, 'rate_limited', ack, ackFailure('RATE_LIMITED'));
      deps.logger.debug(
        { socketId: socket.id, event: String(event).slice(0, 64) },
        'unknown event',
      );
      violation(socket, guard, label, 'unknown_event', ack, ackFailure('UNKNOWN_EVENT'));
    });
    return guard;
  }

  /** Acks a handler's failure: `AppError`s speak for themselves, anything else is logged and masked. */
  function fail(socket: RealtimeSocket, event: string, ack: AckFn | undefined, err: unknown) {
    count(event, 'error');
    if (isAppError(err) && err.code !== 'INTERNAL') {
      // AppError messages are written for users; `internal` and `cause` stay in the log.
      deps.logger.info(
        { event, code: err.code, internal: err.internal, userId: socket.data.userId },
        'event refused',
      );
      ack?.({ ok: false, error: ackFailure(err.code, err.details, err.message) });
      return;
    }
    deps.logger.error(
      { err, event, userId: socket.data.userId, socketId: socket.id },
      'event handler failed',
    );
    ack?.({ ok: false, error: ackFailure('INTERNAL') });
  }

  function dispatch<E extends ClientEventName>(
    socket: RealtimeSocket,
    guard: SocketGuard,
    event: E,
    handler: EventHandler<E>,
    args: unknown[],
  ): void {
    const { data, ack } = splitArgs(args);
    if (!guard.bucket.tryTake())
      return violation(socket, guard, event, 'rate_limited', ack, ackFailure('RATE_LIMITED'));

    if (data.length !== 1) {
      const details = [
        { path: '(root)', message: `expected exactly one payload argument, got ${data.length}` },
      ];
      return violation(
        socket,
        guard,
        event,
        'validation_failed',
        ack,
        ackFailure('VALIDATION_FAILED', details),
      );
    }
    const parsed = ClientEventSchemas[event].safeParse(data[0]);
    if (!parsed.success) {
      return violation(
        socket,
        guard,
        event,
        'validation_failed',
        ack,
        ackFailure('VALIDATION_FAILED', toFieldIssues(parsed.error)),
      );
    }

    const succeed = (result: ClientAckData[E]) => {
      count(event, 'ok');
      ack?.({ ok: true, data: result });
    };
    let result: ClientAckData[E] | Promise<ClientAckData[E]>;
    try {
      result = handler(parsed.data as ClientPayload<E>, { socket });
    } catch (err) {
      return fail(socket, event, ack, err);
    }
    // Synchronous handlers are acked in the same tick, so acks keep the order events arrived in,
    // even when a later event in the same frame batch gets the socket disconnected.
    if (result instanceof Promise) {
      result.then(succeed, (err: unknown) => fail(socket, event, ack, err));
    } else {
      succeed(result);
    }
  }

  return {
    /** Registers `handler` for `event` on `socket`; the payload is parsed before the handler sees it. */
    on<E extends ClientEventName>(
      socket: RealtimeSocket,
      event: E,
      handler: EventHandler<E>,
    ): void {
      const guard = guardOf(socket);
      guard.known.add(event);
      const listener = (...args: unknown[]) => dispatch(socket, guard, event, handler, args);
      // The typed map describes well-formed payloads; at runtime anything may arrive, hence `unknown[]`
      // here and the schema parse in `dispatch`.
      (socket as unknown as UntypedListenerTarget).on(event, listener);
    },
  };
}
export type EventRouter = ReturnType<typeof createEventRouter>;
