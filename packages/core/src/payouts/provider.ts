import type { TFailureCategory } from '@playloop/shared';
import { isTransientCategory } from '@playloop/shared';

/** What a payout asks a provider for. The idempotency key is the payout's own, on every attempt. */
export interface PayoutOrderRequest {
  idempotencyKey: string;
  /** The payout id, echoed by the provider in its records and callbacks. */
  reference: string;
  amountCents: number;
  currency: string;
  sku: string;
  recipient: { userId: string; email: string };
}

/** A provider's record of an order. */
export interface PayoutOrder {
  orderId: string;
  idempotencyKey: string;
  reference: string | null;
  status: 'fulfilled' | 'pending' | 'failed';
  amountCents: number;
  currency: string;
  /** The gift card code or voucher, once fulfilled. */
  code: string | null;
  createdAt: string | null;
}

/**
 * A reward provider. Implementations classify every failure into a `ProviderError`, so the
 * payout policy (not the adapter) decides what happens next.
 */
export interface PayoutProvider {
  readonly name: string;
  /** HMAC secret its callbacks are signed with; null if it sends none. */
  readonly callbackSecret: string | null;
  /** Places (or, for a known idempotency key, looks up) an order. Throws ProviderError. */
  issue(request: PayoutOrderRequest, opts: { timeoutMs: number }): Promise<PayoutOrder>;
  /** Orders created since a time, for reconciliation. Throws ProviderError. */
  listOrders(opts: { since: Date; timeoutMs: number }): Promise<PayoutOrder[]>;
}

/** A classified provider failure: the category drives retry, fail-fast or escalation. */
export class ProviderError extends Error {
  override name = 'ProviderError';
  readonly category: TFailureCategory;
  /** The provider's (or our) short code: `HTTP_503`, `TIMEOUT`, `declined`, `credentials_expired`. */
  readonly code: string;
  readonly httpStatus: number | null;
  readonly retryAfterMs: number | null;
  /** The order, when the provider answered with one that we refuse (an amount mismatch). */
  readonly order: PayoutOrder | null;

  constructor(
    category: TFailureCategory,
    code: string,
    message: string,
    extra: {
      httpStatus?: number | null;
      retryAfterMs?: number | null;
      order?: PayoutOrder | null;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: extra.cause });
    this.category = category;
    this.code = code;
    this.httpStatus = extra.httpStatus ?? null;
    this.retryAfterMs = extra.retryAfterMs ?? null;
    this.order = extra.order ?? null;
  }

  get transient(): boolean {
    return isTransientCategory(this.category);
  }
}

export type ProviderRegistry = ReadonlyMap<string, PayoutProvider>;
