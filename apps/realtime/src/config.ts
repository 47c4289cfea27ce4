import { z } from 'zod';
import { envHelpers, parseEnv, ZCommonEnv } from '@playloop/core';
import { realtimeAdmissionEnvShape } from './admission/config.js';
import { realtimeQuizEnvShape } from './games/quiz/config.js';

/** An origin as a browser sends it: scheme, host and optional port, nothing after. */
const ZOrigin = z.string().refine((value) => {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}, 'must be a list of origins like https://play.example.com (scheme://host[:port], no path or trailing slash)');

const ZRealtimeEnvInput = ZCommonEnv.extend({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3001),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Browser origins allowed to open a socket; a wildcard is deliberately not supported. */
  ALLOWED_ORIGINS: envHelpers.csv
    .pipe(z.array(ZOrigin).min(1))
    .default(['http://localhost:3000', 'http://localhost:5173']),
  /**
   * Whether a request with no `Origin` header may open a socket. Browsers always send `Origin` on a
   * WebSocket upgrade and on cross-origin requests, so a request without one never comes from a
   * foreign web page: allowing it opens no cross-site hole, it admits non-browser clients (scripts,
   * native apps, load tests), which can forge any Origin anyway; the access token is the real gate.
   * Production still defaults to `false` so every client declares where it comes from; set it to
   * `true` there if the SPA is served from this same origin over long-polling (same-origin GETs
   * carry no Origin) or if native clients connect.
   */
  ALLOW_NO_ORIGIN: envHelpers.boolish.optional(),
  /** Largest frame or polling body accepted; socket.io drops the connection that sends more. */
  MAX_PAYLOAD_BYTES: z.coerce.number().int().min(1024).max(1_048_576).default(16_384),
  /** Sustained client events per second per socket (token-bucket refill rate). */
  SOCKET_EVENTS_PER_SECOND: z.coerce.number().positive().max(1000).default(20),
  /** Events a socket may send at once before the refill rate applies (bucket size). */
  SOCKET_EVENTS_BURST: z.coerce.number().int().min(1).max(10_000).default(40),
  /** Malformed, unknown or rate-limited events within a minute before the socket is disconnected. */
  SOCKET_ABUSE_STRIKES: z.coerce.number().int().min(1).max(1000).default(5),
  /** How long shutdown may take before the process exits anyway. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** Connection shedding (bounds on sockets held and event loop delay): see admission/config.ts. */
  ...realtimeAdmissionEnvShape,
  /** Live quiz conductor lease, scheduler tick and bot-speed flag: see games/quiz/config.ts. */
  ...realtimeQuizEnvShape,
});

export const ZRealtimeEnv = ZRealtimeEnvInput.transform((env) => ({
  ...env,
  ALLOW_NO_ORIGIN: env.ALLOW_NO_ORIGIN ?? env.NODE_ENV !== 'production',
}));

export type RealtimeConfig = z.infer<typeof ZRealtimeEnv>;

/** Parses the realtime server's environment once at boot; throws `ConfigError` naming each bad variable. */
export function loadRealtimeConfig(env: NodeJS.ProcessEnv = process.env): RealtimeConfig {
  return parseEnv(ZRealtimeEnv, env);
}
