import type { TDriftItem } from '@playloop/shared';
import type { PayoutOrder } from './provider.js';

/** What reconciliation knows of one payout: its row and the player's side of its ledger lines. */
export interface PayoutFacts {
  id: string;
  status: string;
  kind: string;
  provider: string | null;
  idempotency_key: string;
  amount_cents: number | null;
  currency: string | null;
  points_cost: number;
  refund_tx_id: string | null;
  debited: string;
  refunded: string;
  has_code: boolean;
}

/** Each payout against its ledger lines: the debit, and points back exactly when it ended without paying. */
export function checkLedgerAgainstPayouts(payouts: PayoutFacts[]): TDriftItem[] {
  const items: TDriftItem[] = [];
  for (const p of payouts) {
    const drift = (kind: TDriftItem['kind'], detail: string) =>
      items.push({ kind, payoutId: p.id, provider: p.provider, detail });
    if (Number(p.debited) !== -p.points_cost)
      drift(
        'missing_redemption_debit',
        `player debited ${-Number(p.debited)} points, cost is ${p.points_cost}`,
      );
    const pointsBack = p.status === 'failed' || p.status === 'refunded';
    if (pointsBack && Number(p.refunded) !== p.points_cost)
      drift(
        'missing_refund',
        `${p.status} but ${Number(p.refunded)} of ${p.points_cost} points returned`,
      );
    if (!pointsBack && p.refund_tx_id)
      drift('unexpected_refund', `points returned while ${p.status}`);
    if (p.kind === 'coupon' && p.status === 'fulfilled' && !p.has_code)
      drift('recorded_not_paid', 'fulfilled coupon without an assigned code');
  }
  return items;
}

/** A provider's own orders against the payouts: paid but not recorded, another amount, twice, or never. */
export function checkProviderRecords(
  provider: string,
  orders: PayoutOrder[],
  payouts: PayoutFacts[],
): TDriftItem[] {
  const items: TDriftItem[] = [];
  const byKey = new Map(payouts.map((p) => [p.idempotency_key, p]));
  const ordersByKey = new Map<string, PayoutOrder[]>();
  const keysByReference = new Map<string, Set<string>>();
  for (const o of orders) {
    ordersByKey.set(o.idempotencyKey, [...(ordersByKey.get(o.idempotencyKey) ?? []), o]);
    if (o.reference)
      keysByReference.set(
        o.reference,
        (keysByReference.get(o.reference) ?? new Set()).add(o.idempotencyKey),
      );
  }
  for (const [reference, keys] of keysByReference) {
    if (keys.size > 1)
      items.push({
        kind: 'paid_twice',
        payoutId: reference,
        provider,
        detail: `${keys.size} orders under different idempotency keys`,
      });
  }
  for (const [key, list] of ordersByKey) {
    const p = byKey.get(key);
    if (list.length > 1)
      items.push({
        kind: 'paid_twice',
        payoutId: p?.id ?? null,
        provider,
        detail: `${list.length} orders for idempotency key ${key}`,
      });
    const order = list[0] as PayoutOrder;
    if (order.status !== 'fulfilled') continue;
    if (!p) {
      items.push({
        kind: 'provider_paid_not_recorded',
        payoutId: order.reference,
        provider,
        detail: `order ${order.orderId} has no payout`,
      });
      continue;
    }
    if (order.amountCents !== p.amount_cents || order.currency !== p.currency) {
      items.push({
        kind: 'amount_differs',
        payoutId: p.id,
        provider,
        detail: `provider ${order.amountCents} ${order.currency}, payout ${p.amount_cents} ${p.currency}`,
      });
    } else if (p.status !== 'fulfilled' && p.status !== 'processing' && p.status !== 'requested') {
      items.push({
        kind: 'provider_paid_not_recorded',
        payoutId: p.id,
        provider,
        detail: `order ${order.orderId} fulfilled, payout ${p.status}`,
      });
    }
  }
  for (const p of payouts) {
    if (
      p.kind !== 'coupon' &&
      p.status === 'fulfilled' &&
      p.provider === provider &&
      !ordersByKey.has(p.idempotency_key)
    ) {
      items.push({
        kind: 'recorded_not_paid',
        payoutId: p.id,
        provider,
        detail: `fulfilled here, no order at ${provider}`,
      });
    }
  }
  return items;
}
