import { zProviderName } from '@playloop/shared';
import { z } from 'zod';

/** One payout provider endpoint speaking the gift-card HTTP protocol (see docs/PAYOUTS.md). */
export const ZPayoutProviderConfig = z.strictObject({
  name: zProviderName,
  baseUrl: z.url({ protocol: /^https?$/ }),
  apiKey: z.string().min(8, 'must be at least 8 characters'),
  /** Secret the provider signs its callbacks with. */
  callbackSecret: z.string().min(16, 'must be at least 16 characters'),
});
export type PayoutProviderConfig = z.infer<typeof ZPayoutProviderConfig>;

const providerList = z
  .string()
  .default('[]')
  .transform((raw, ctx) => {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a JSON array of {name, baseUrl, apiKey, callbackSecret}',
      });
      return z.NEVER;
    }
  })
  .pipe(z.array(ZPayoutProviderConfig).max(20))
  .refine(
    (list) => new Set(list.map((p) => p.name)).size === list.length,
    'provider names must be unique',
  );

/** Read by the api (callback secrets, which rewards are available) and the worker (the calls). */
export const ZPayoutsEnv = z.object({
  /** JSON: `[{"name":"sandbox","baseUrl":"http://127.0.0.1:4010","apiKey":"…","callbackSecret":"…"}]`. */
  PAYOUT_PROVIDERS: providerList,
});

export const ZPayoutsWorkerEnv = ZPayoutsEnv.extend({
  PAYOUT_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(20),
  /** BullMQ lock: a worker that died mid-payout hands its job over after this long. */
  PAYOUT_LOCK_MS: z.coerce.number().int().min(500).max(600_000).default(30_000),
  /** How often lost or stuck payouts are re-enqueued and overdue ones escalated. */
  PAYOUT_SWEEP_EVERY_MS: z.coerce.number().int().min(200).max(3_600_000).default(30_000),
  PAYOUT_RECONCILE_EVERY_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(900_000),
  WEBHOOK_DISPATCH_EVERY_MS: z.coerce.number().int().min(100).max(600_000).default(2_000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(10),
  WEBHOOK_BACKOFF_MS: z.coerce.number().int().min(10).max(600_000).default(2_000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
});
export type PayoutsWorkerEnv = z.infer<typeof ZPayoutsWorkerEnv>;
