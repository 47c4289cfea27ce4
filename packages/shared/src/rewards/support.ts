import { z } from 'zod';
import { ZPayoutStatus, ZPayoutView, zProviderName } from './catalogue.js';
import { ZFailureCategory } from './policy.js';

/** One call to a provider, as support sees it. */
export const ZPayoutAttempt = z.object({
  attemptNo: z.number().int(),
  provider: z.string(),
  /** A probe of an open breaker: it does not count toward maxAttempts. */
  probe: z.boolean(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** null while in flight; `interrupted` when the worker died mid-call. */
  outcome: z.enum(['fulfilled', 'pending', 'failed', 'interrupted']).nullable(),
  category: ZFailureCategory.nullable(),
  code: z.string().nullable(),
  httpStatus: z.number().int().nullable(),
  detail: z.string().nullable(),
  durationMs: z.number().int().nullable(),
});
export type TPayoutAttempt = z.infer<typeof ZPayoutAttempt>;

/** A structured exception event: stored in Postgres and logged as it happens. */
export const ZPayoutException = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  code: z.string(),
  category: ZFailureCategory,
  provider: z.string(),
  payoutId: z.string(),
  playerSegment: z.string(),
  device: z.string(),
  transient: z.boolean(),
  detail: z.string(),
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable(),
});
export type TPayoutException = z.infer<typeof ZPayoutException>;

export const ZPayoutStatusChange = z.object({
  from: ZPayoutStatus.nullable(),
  to: ZPayoutStatus,
  reason: z.string(),
  actor: z.string().nullable(),
  at: z.string(),
});

export const ZSupportAction = z.enum(['retry', 'switch_provider', 'refund']);
export type TSupportAction = z.infer<typeof ZSupportAction>;

/** A payout with what support needs to decide on it. */
export const ZSupportPayout = ZPayoutView.extend({
  userId: z.string(),
  userEmail: z.string(),
  provider: z.string().nullable(),
  primaryProvider: z.string().nullable(),
  idempotencyKey: z.string(),
  attempts: z.number().int(),
  providerReference: z.string().nullable(),
  escalationReason: z.string().nullable(),
  lastErrorCategory: ZFailureCategory.nullable(),
  nextAttemptAt: z.string().nullable(),
  playerSegment: z.string(),
  device: z.string(),
});
export type TSupportPayout = z.infer<typeof ZSupportPayout>;

/** GET /api/support/payouts?status= */
export const ZSupportQueueQuery = z.object({ status: ZPayoutStatus.default('escalated') });
export const ZSupportQueue = z.object({ payouts: z.array(ZSupportPayout) });

/** GET /api/support/payouts/:payoutId: the whole context of one payout. */
export const ZSupportPayoutContext = z.object({
  payout: ZSupportPayout,
  attempts: z.array(ZPayoutAttempt),
  exceptions: z.array(ZPayoutException),
  history: z.array(ZPayoutStatusChange),
  callbacks: z.array(
    z.object({
      eventId: z.string(),
      type: z.string(),
      receivedAt: z.string(),
      applied: z.boolean(),
      note: z.string(),
    }),
  ),
  ledger: z.array(
    z.object({
      transactionId: z.string(),
      kind: z.string(),
      points: z.number().int(),
      at: z.string(),
    }),
  ),
  allowedActions: z.array(ZSupportAction),
  /** Providers support may switch this payout to. */
  providers: z.array(z.string()),
  /** Things to know before acting (an attempt whose outcome is unknown, a possible double payment). */
  warnings: z.array(z.string()),
});
export type TSupportPayoutContext = z.infer<typeof ZSupportPayoutContext>;

/** POST /api/support/payouts/:payoutId/actions */
export const ZSupportActionBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('retry'), note: z.string().max(500).optional() }),
  z.strictObject({
    action: z.literal('switch_provider'),
    provider: zProviderName,
    note: z.string().max(500).optional(),
  }),
  z.strictObject({ action: z.literal('refund'), note: z.string().max(500).optional() }),
]);
export type TSupportActionBody = z.infer<typeof ZSupportActionBody>;
