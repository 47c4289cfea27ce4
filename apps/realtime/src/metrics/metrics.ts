import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';

/** Outcome label of `playloop_realtime_events_total`; a closed set keeps the series count bounded. */
export type EventOutcome = 'ok' | 'validation_failed' | 'unknown_event' | 'rate_limited' | 'error';

export interface RealtimeMetrics {
  registry: Registry;
  handshakeRefusals: Counter<'code'>;
  events: Counter<'event' | 'outcome'>;
  abuseDisconnects: Counter;
}

/**
 * One registry per server instance (not prom-client's global one), so several servers can live in
 * one process (tests) without "metric already registered" clashes.
 */
export function createRealtimeMetrics(opts: {
  countConnectedSockets: () => number;
}): RealtimeMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // Read at scrape time, so the gauge can never drift from the real count.
  new Gauge({
    name: 'playloop_realtime_connected_sockets',
    help: 'Sockets currently connected to this pod',
    registers: [registry],
    collect() {
      this.set(opts.countConnectedSockets());
    },
  });
  return {
    registry,
    handshakeRefusals: new Counter({
      name: 'playloop_realtime_handshake_refusals_total',
      help: 'Connections refused before a socket opened, by reason code',
      labelNames: ['code'],
      registers: [registry],
    }),
    events: new Counter({
      name: 'playloop_realtime_events_total',
      help: 'Client events received, by event name (unknown names folded into "(unknown)") and outcome',
      labelNames: ['event', 'outcome'],
      registers: [registry],
    }),
    abuseDisconnects: new Counter({
      name: 'playloop_realtime_abuse_disconnects_total',
      help: 'Sockets disconnected for repeated malformed, unknown or rate-limited events',
      registers: [registry],
    }),
  };
}
