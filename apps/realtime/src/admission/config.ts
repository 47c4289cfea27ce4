import { z } from 'zod';
import { envHelpers } from '@playloop/core';

/** Connection shedding variables, spread into the realtime server's env schema. */
export const realtimeAdmissionEnvShape = {
  SHED_ENABLED: envHelpers.boolish.default(true),
  /** Sockets this process holds before new connections are refused (players already in stay). */
  SHED_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(1_000_000).default(50_000),
  /** Event loop delay (smoothed p99) past which new connections are refused. */
  SHED_MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().min(5).max(10_000).default(100),
  /** What `Retry-After` says on a refused connection (a second of jitter is added). */
  SHED_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).max(600).default(2),
};
