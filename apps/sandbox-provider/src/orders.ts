import { randomBytes } from 'node:crypto';

export interface OrderRequest {
  reference: string;
  sku: string;
  amount: { value: number; currency: string };
  recipient: { id?: string; email?: string } | null;
}

export interface Order {
  id: string;
  idempotencyKey: string;
  reference: string;
  sku: string;
  status: 'pending' | 'fulfilled' | 'failed';
  amount: { value: number; currency: string };
  code: string | null;
  createdAt: string;
  updatedAt: string;
}

const code = () => `SBX-${randomBytes(6).toString('hex').toUpperCase().match(/.{4}/g)?.join('-')}`;

/**
 * The sandbox's own books: one order per idempotency key, as a real gift-card API keeps them.
 * `paidTwice()` is the ground truth the payout tests check: a reference (payout) that ended up
 * with more than one order was paid more than once.
 */
export class OrderBook {
  private readonly byKey = new Map<string, Order>();
  private readonly keysByReference = new Map<string, Set<string>>();
  /** What each key asked for: an amount-mismatch order records another amount than requested. */
  private readonly requested = new Map<string, number>();

  get(idempotencyKey: string): Order | undefined {
    return this.byKey.get(idempotencyKey);
  }

  create(
    idempotencyKey: string,
    req: OrderRequest,
    opts: { status: 'pending' | 'fulfilled'; amountDelta?: number },
  ): Order {
    const now = new Date().toISOString();
    const order: Order = {
      id: `ord_${randomBytes(10).toString('hex')}`,
      idempotencyKey,
      reference: req.reference,
      sku: req.sku,
      status: opts.status,
      amount: { value: req.amount.value + (opts.amountDelta ?? 0), currency: req.amount.currency },
      code: opts.status === 'fulfilled' ? code() : null,
      createdAt: now,
      updatedAt: now,
    };
    this.byKey.set(idempotencyKey, order);
    this.requested.set(idempotencyKey, req.amount.value);
    this.keysByReference.set(
      req.reference,
      (this.keysByReference.get(req.reference) ?? new Set()).add(idempotencyKey),
    );
    return order;
  }

  /** The same key must describe the same order; anything else is a client bug worth a 409. */
  matches(order: Order, req: OrderRequest): boolean {
    return (
      order.reference === req.reference &&
      order.sku === req.sku &&
      order.amount.currency === req.amount.currency &&
      this.requested.get(order.idempotencyKey) === req.amount.value
    );
  }

  settle(order: Order, status: 'fulfilled' | 'failed'): void {
    order.status = status;
    order.code = status === 'fulfilled' ? (order.code ?? code()) : null;
    order.updatedAt = new Date().toISOString();
  }

  list(since: Date | null, limit: number): Order[] {
    const all = [...this.byKey.values()].filter(
      (o) => !since || Date.parse(o.createdAt) >= since.getTime(),
    );
    return all.slice(0, limit);
  }

  get size(): number {
    return this.byKey.size;
  }

  paidTwice(): Array<{ reference: string; orders: number }> {
    return [...this.keysByReference]
      .filter(([, keys]) => keys.size > 1)
      .map(([reference, keys]) => ({ reference, orders: keys.size }));
  }

  clear(): void {
    this.byKey.clear();
    this.keysByReference.clear();
    this.requested.clear();
  }
}
