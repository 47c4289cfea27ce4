import { z } from 'zod';
import { zProviderName } from './catalogue.js';

/** Every provider failure falls in exactly one of these; the policy decides what each one does. */
export const ZFailureCategory = z.enum([
  'authentication',
  'network_timeout',
  'server_error',
  'rate_limit',
  'declined',
  'bad_request',
  'amount_mismatch',
]);
export type TFailureCategory = z.infer<typeof ZFailureCategory>;

/** The only categories a retry can fix: the provider may answer differently a moment later. */
export const TRANSIENT_CATEGORIES: readonly TFailureCategory[] = [
  'network_timeout',
  'server_error',
  'rate_limit',
];
export const isTransientCategory = (c: TFailureCategory) => TRANSIENT_CATEGORIES.includes(c);

/** retry: stage 1 (backoff); fail: points back now; escalate: stage 2 (support queue). */
export const ZFailureAction = z.enum(['retry', 'fail', 'escalate']);
export type TFailureAction = z.infer<typeof ZFailureAction>;

const ms = (min: number, max: number) => z.number().int().min(min).max(max);

/**
 * How payouts treat failures, as data an admin replaces at runtime (PUT /api/admin/payout-policy).
 * Invariants the schema enforces: only transient categories may retry, an amount mismatch always
 * escalates, and the backoff ceiling is not below its base.
 */
export const ZPayoutPolicy = z
  .strictObject({
    retry: z.strictObject({
      baseDelayMs: ms(10, 3_600_000),
      factor: z.number().min(1).max(10),
      maxDelayMs: ms(10, 86_400_000),
      /** Provider calls per payout, the first included (probes of an open breaker do not count). */
      maxAttempts: z.number().int().min(1).max(50),
      /** ± share of each delay randomised, so payouts that failed together do not retry together. */
      jitterRatio: z.number().min(0).max(1),
      honourRetryAfter: z.boolean(),
      /** A longer Retry-After is capped to this. */
      maxRetryAfterMs: ms(0, 86_400_000),
    }),
    /** A provider call that takes longer is abandoned and classified network_timeout. */
    timeoutMs: ms(50, 60_000),
    /** While a provider reports `pending`, ask again (same idempotency key) after this long. */
    pendingCheckMs: ms(50, 3_600_000),
    breaker: z.strictObject({
      /** Consecutive counted failures (across every worker) that open the breaker. */
      failureThreshold: z.number().int().min(1).max(10_000),
      /** How long it stays open before one probe call is let through. */
      cooldownMs: ms(50, 3_600_000),
      countedCategories: z.array(ZFailureCategory).min(1),
    }),
    actions: z.strictObject({
      authentication: ZFailureAction,
      network_timeout: ZFailureAction,
      server_error: ZFailureAction,
      rate_limit: ZFailureAction,
      declined: ZFailureAction,
      bad_request: ZFailureAction,
      amount_mismatch: ZFailureAction,
    }),
    /** What happens when a transient failure has used every attempt. */
    onRetriesExhausted: z.enum(['fail', 'escalate']),
    /** Stage 2 for a payout still not settled this long after it was requested. */
    escalateAfterMs: ms(1_000, 30 * 86_400_000),
    /** Per provider: who takes over while its breaker is open. */
    providers: z.record(zProviderName, z.strictObject({ secondary: zProviderName.nullable() })),
  })
  .superRefine((p, ctx) => {
    for (const [category, action] of Object.entries(p.actions) as [
      TFailureCategory,
      TFailureAction,
    ][]) {
      if (action === 'retry' && !isTransientCategory(category)) {
        ctx.addIssue({
          code: 'custom',
          path: ['actions', category],
          message:
            'only transient failures (network_timeout, server_error, rate_limit) may be retried',
        });
      }
    }
    if (p.actions.amount_mismatch !== 'escalate') {
      ctx.addIssue({
        code: 'custom',
        path: ['actions', 'amount_mismatch'],
        message: 'an amount mismatch must escalate: money may have moved',
      });
    }
    if (p.retry.maxDelayMs < p.retry.baseDelayMs) {
      ctx.addIssue({
        code: 'custom',
        path: ['retry', 'maxDelayMs'],
        message: 'must not be below baseDelayMs',
      });
    }
    for (const [name, cfg] of Object.entries(p.providers)) {
      if (cfg.secondary === name)
        ctx.addIssue({
          code: 'custom',
          path: ['providers', name, 'secondary'],
          message: 'must differ from the provider itself',
        });
    }
  });
export type TPayoutPolicy = z.infer<typeof ZPayoutPolicy>;

/** The policy in force until an admin stores one. */
export const DEFAULT_PAYOUT_POLICY: TPayoutPolicy = {
  retry: {
    baseDelayMs: 1_000,
    factor: 2,
    maxDelayMs: 60_000,
    maxAttempts: 6,
    jitterRatio: 0.2,
    honourRetryAfter: true,
    maxRetryAfterMs: 600_000,
  },
  timeoutMs: 2_000,
  pendingCheckMs: 30_000,
  breaker: {
    failureThreshold: 5,
    cooldownMs: 30_000,
    countedCategories: ['network_timeout', 'server_error', 'rate_limit', 'authentication'],
  },
  actions: {
    authentication: 'escalate',
    network_timeout: 'retry',
    server_error: 'retry',
    rate_limit: 'retry',
    declined: 'fail',
    bad_request: 'fail',
    amount_mismatch: 'escalate',
  },
  onRetriesExhausted: 'escalate',
  escalateAfterMs: 30 * 60_000,
  providers: {},
};

/** GET/PUT /api/admin/payout-policy */
export const ZPayoutPolicyDocument = z.object({
  policy: ZPayoutPolicy,
  /** 0 while the built-in default is in force. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type TPayoutPolicyDocument = z.infer<typeof ZPayoutPolicyDocument>;
