import { z } from 'zod';
import { parseEnv, ZCommonEnv, ZPayoutsWorkerEnv } from '@playloop/core';

export const ZWorkerEnv = ZCommonEnv.extend({
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(20),
  /**
   * Referral jobs (attribution, qualification, holds) in progress at once. A burst's sign-up
   * qualifications wait together for one batch transaction, so this also bounds the batch size.
   */
  REFERRALS_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(2000).default(500),
  /** How often invite-link clicks are flushed from Redis to Postgres. */
  CLICK_FLUSH_EVERY_MS: z.coerce.number().int().min(200).max(600_000).default(2_000),
  /** Port for the worker's own /healthz and /metrics (0 = none). */
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** Where players open the app; verification links are built on it. */
  PUBLIC_APP_URL: z.url().default('http://localhost:3000'),
  /** Outgoing mail relay (`smtp://user:pass@host:587`, `smtps://…`). Unset: mail is logged. */
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).default('Playloop <no-reply@playloop.local>'),
  ...ZPayoutsWorkerEnv.shape,
});
export type WorkerConfig = z.infer<typeof ZWorkerEnv>;

export const loadWorkerConfig = (env: NodeJS.ProcessEnv = process.env) => parseEnv(ZWorkerEnv, env);
