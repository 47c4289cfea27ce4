import { z } from 'zod';

/** Live quiz variables, spread into the realtime server's env schema. */
export const realtimeQuizEnvShape = {
  /**
   * Lifetime of a session's conductor lease. The holder renews it every third of this; if the
   * holder dies, another pod conducts within about this long (plus one tick).
   */
  QUIZ_LEASE_MS: z.coerce.number().int().min(1000).max(60_000).default(3000),
  /** How often each pod looks for sessions without a conductor. */
  QUIZ_TICK_MS: z.coerce.number().int().min(50).max(10_000).default(250),
  /** Answers faster than this after the question went out are flagged (no speed bonus, counted for review). */
  QUIZ_FLAG_BELOW_MS: z.coerce.number().int().min(0).max(5000).default(250),
};
