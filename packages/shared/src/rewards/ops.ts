import { z } from 'zod';

const ratio = z.number().min(0).max(1).nullable();

export const ZBreakerState = z.object({
  state: z.enum(['closed', 'open', 'half_open']),
  consecutiveFailures: z.number().int(),
  openUntil: z.string().nullable(),
  opens: z.number().int(),
});
export type TBreakerState = z.infer<typeof ZBreakerState>;

export const ZProviderKpis = z.object({
  provider: z.string(),
  payouts: z.number().int(),
  attempts: z.number().int(),
  exceptions: z.number().int(),
  successRate: ratio,
  escalationRate: ratio,
  resolvedWithin5mShare: ratio,
  breaker: ZBreakerState,
});

/** GET /api/admin/payouts/kpis?windowHours= (also exported on /metrics). */
export const ZPayoutKpisQuery = z.object({
  windowHours: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24),
});
export const ZPayoutKpis = z.object({
  windowHours: z.number().int(),
  generatedAt: z.string(),
  /** Exceptions settled (payout fulfilled, failed with points back, or refunded) within 5 minutes. */
  exceptions: z.object({
    total: z.number().int(),
    resolvedWithin5m: z.number().int(),
    /** Younger than 5 minutes and still open: not yet counted either way. */
    undecided: z.number().int(),
    share: ratio,
    target: z.number(),
    meetsTarget: z.boolean().nullable(),
  }),
  payouts: z.object({
    total: z.number().int(),
    fulfilled: z.number().int(),
    failed: z.number().int(),
    escalated: z.number().int(),
    refunded: z.number().int(),
    inFlight: z.number().int(),
  }),
  /** Payouts that ever reached the support queue / provider payouts requested. */
  escalationRate: ratio,
  /** Fulfilled / settled provider payouts. */
  successRate: ratio,
  providers: z.array(ZProviderKpis),
});
export type TPayoutKpis = z.infer<typeof ZPayoutKpis>;

export const ZDriftKind = z.enum([
  'ledger_drift',
  'missing_redemption_debit',
  'missing_refund',
  'unexpected_refund',
  'provider_paid_not_recorded',
  'recorded_not_paid',
  'amount_differs',
  'paid_twice',
  'provider_unreachable',
]);
export const ZDriftItem = z.object({
  kind: ZDriftKind,
  payoutId: z.string().nullable(),
  provider: z.string().nullable(),
  detail: z.string(),
});
export type TDriftItem = z.infer<typeof ZDriftItem>;
export const ZReconciliationReport = z.object({
  id: z.number().int(),
  ranAt: z.string(),
  driftCount: z.number().int(),
  checked: z.object({ payouts: z.number().int(), providerRecords: z.number().int() }),
  items: z.array(ZDriftItem),
});
export type TReconciliationReport = z.infer<typeof ZReconciliationReport>;
export const ZReconciliationList = z.object({ reports: z.array(ZReconciliationReport) });

export const ZWebhookEventType = z.enum([
  'referral.qualified',
  'reward.granted',
  'payout.fulfilled',
]);
export type TWebhookEventType = z.infer<typeof ZWebhookEventType>;
export const ZWebhookEndpointInput = z.strictObject({
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(500),
  events: z.array(ZWebhookEventType).min(1, 'must name at least one event'),
  description: z.string().trim().max(200).default(''),
});
export const ZWebhookEndpoint = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(ZWebhookEventType),
  description: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
});
/** The signing secret is shown once, when the endpoint is created. */
export const ZWebhookEndpointCreated = ZWebhookEndpoint.extend({ secret: z.string() });
export const ZWebhookEndpointList = z.object({ endpoints: z.array(ZWebhookEndpoint) });
export const ZWebhookEndpointParam = z.object({
  endpointId: z.string().regex(/^whk_[0-9A-Za-z]{20}$/, 'must be a webhook endpoint id'),
});
export const ZWebhookDelivery = z.object({
  id: z.string(),
  endpointId: z.string(),
  eventId: z.string(),
  eventType: ZWebhookEventType,
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
export const ZWebhookDeliveryQuery = z.object({
  status: z.enum(['pending', 'delivered', 'failed']).optional(),
});
export const ZWebhookDeliveryList = z.object({ deliveries: z.array(ZWebhookDelivery) });

/**
 * What a provider posts to POST /api/payouts/callbacks/:provider, signed with
 * `X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
 */
export const ZProviderCallback = z.object({
  id: z.string().min(1).max(100),
  type: z.enum(['order.processing', 'order.fulfilled', 'order.failed']),
  createdAt: z.string(),
  data: z.object({
    orderId: z.string().min(1).max(100),
    idempotencyKey: z.string().min(1).max(200),
    reference: z.string().max(100).optional(),
    amount: z.object({ value: z.number().int(), currency: z.string() }),
    code: z.string().max(200).nullable().optional(),
    failureCode: z.string().max(100).optional(),
  }),
});
export type TProviderCallback = z.infer<typeof ZProviderCallback>;
export const ZCallbackAck = z.object({
  received: z.literal(true),
  applied: z.boolean(),
  duplicate: z.boolean(),
});
