import { z } from 'zod';
import { envHelpers, type RouteClassLimit } from '@playloop/core';

/** `perIp,perAccount,global` per window; 0 turns a dimension off. */
const limitTriple = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .pipe(z.string().regex(/^\d+,\d+,\d+$/, 'must be three whole numbers: perIp,perAccount,global'))
    .transform((v): RouteClassLimit => {
      const [perIp, perAccount, global] = v.split(',').map(Number) as [number, number, number];
      return { perIp, perAccount, global };
    });

/**
 * The api's admission-control variables, spread into `ZApiEnv`: waiting room, per-route-class
 * rate limits and load shedding. Defaults serve one pod on a small machine.
 */
export const admissionEnvShape = {
  /** `off`, `on` or `auto` until an operator switches it (the switch is kept in Redis). */
  WAITING_ROOM_MODE: z.enum(['off', 'on', 'auto']).default('off'),
  /** Visitors admitted per second, platform-wide, until an operator sets another rate. */
  WAITING_ROOM_ADMIT_PER_SECOND: z.coerce.number().positive().max(100_000).default(20),
  /** A visitor silent this long loses its place (background tabs poll about once a minute). */
  WAITING_ROOM_ABANDON_SECONDS: z.coerce.number().int().min(10).max(3600).default(150),
  /** `auto`: how long the room keeps queueing after the last pod reported load. */
  WAITING_ROOM_AUTO_HOLD_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  /** Lifetime of an admission (time to sign up or log in once let in). */
  ADMISSION_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(1800),
  RATE_LIMITS_ENABLED: envHelpers.boolish.default(true),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  RATE_LIMIT_PASSWORD: limitTriple('300,0,0'),
  RATE_LIMIT_SESSION: limitTriple('1200,60,0'),
  RATE_LIMIT_QUEUE: limitTriple('600,0,0'),
  RATE_LIMIT_WRITE: limitTriple('1200,300,0'),
  RATE_LIMIT_READ: limitTriple('6000,1200,0'),
  SHED_ENABLED: envHelpers.boolish.default(true),
  /** Ceiling of expensive requests (database work) in flight; the limit in force adapts below it. */
  SHED_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(100_000).default(64),
  /** Requests of any kind in flight before even cheap ones are shed. */
  SHED_MAX_CHEAP_IN_FLIGHT: z.coerce.number().int().min(1).max(100_000).default(256),
  /** Sign-ups and logins hashing at once (argon2id on libuv's pool of four threads, ~13–16 ms of a core each). */
  SHED_MAX_PASSWORD_IN_FLIGHT: z.coerce.number().int().min(1).max(1000).default(8),
  /** Event loop delay (p99 over a quarter second) past which expensive requests are shed; cheap ones at twice it. */
  SHED_MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().min(5).max(10_000).default(70),
  /** Server-side latency the adaptive in-flight limits keep admitted requests under. */
  SHED_TARGET_LATENCY_MS: z.coerce.number().min(1).max(10_000).default(100),
  /** What `Retry-After` says on a shed request (a second of jitter is added). */
  SHED_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).max(600).default(1),
};
export type AdmissionEnv = {
  [K in keyof typeof admissionEnvShape]: z.infer<(typeof admissionEnvShape)[K]>;
};
