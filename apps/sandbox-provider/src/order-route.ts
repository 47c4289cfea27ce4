import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Outcome } from './behaviour.js';
import type { Order, OrderRequest } from './orders.js';
import { publicOrder, readJson, send } from './http.js';
import type { SandboxState } from './server.js';

const KEY = /^[A-Za-z0-9_:.-]{8,200}$/;

function parseOrder(body: unknown): OrderRequest | null {
  if (typeof body !== 'object' || body === null) return null;
  const b = body as Record<string, unknown>;
  const amount = b.amount as { value?: unknown; currency?: unknown } | undefined;
  if (typeof b.reference !== 'string' || b.reference.length < 1 || b.reference.length > 100)
    return null;
  if (typeof b.sku !== 'string' || !/^[A-Za-z0-9._-]{1,64}$/.test(b.sku)) return null;
  if (
    !amount ||
    !Number.isInteger(amount.value) ||
    (amount.value as number) <= 0 ||
    typeof amount.currency !== 'string' ||
    !/^[A-Z]{3}$/.test(amount.currency)
  )
    return null;
  return {
    reference: b.reference,
    sku: b.sku,
    amount: { value: amount.value as number, currency: amount.currency },
    recipient: (b.recipient as OrderRequest['recipient']) ?? null,
  };
}

/**
 * POST /v1/orders: validates, draws this call's outcome, and answers as a gift-card API would.
 * Orders are keyed by Idempotency-Key: a repeated key returns the order already made (200),
 * never a second one. `server_error` and `timeout` record the order before failing, the hardest
 * case for a client: it cannot tell whether the card was issued.
 */
export async function handleOrder(
  state: SandboxState,
  req: IncomingMessage,
  res: ServerResponse,
  draw: (reference: string) => Outcome,
): Promise<void> {
  const tally = (key: Outcome | 'invalid') => {
    state.stats.byOutcome[key] = (state.stats.byOutcome[key] ?? 0) + 1;
  };
  const key = req.headers['idempotency-key'];
  const order = parseOrder(await readJson(req));
  if (typeof key !== 'string' || !KEY.test(key) || !order) {
    tally('invalid');
    return send(res, 400, {
      error: {
        code: 'bad_request',
        message:
          'an Idempotency-Key header and {reference, sku, amount:{value, currency}} are required',
      },
    });
  }
  const outcome = draw(order.reference);
  tally(outcome);
  if (state.behaviour.latencyMs > 0)
    await new Promise((r) => setTimeout(r, state.behaviour.latencyMs));
  switch (outcome) {
    case 'unavailable':
      return send(res, 503, { error: { code: 'unavailable', message: 'try again later' } });
    case 'rate_limited':
      return send(
        res,
        429,
        { error: { code: 'rate_limited', message: 'slow down' } },
        { 'retry-after': String(state.behaviour.retryAfterSeconds) },
      );
    case 'bad_request':
      return send(res, 400, {
        error: { code: 'bad_request', message: 'the sku is not orderable' },
      });
    case 'expired_credentials':
      return send(res, 401, { error: { code: 'credentials_expired', message: 'API key expired' } });
    case 'declined':
      return send(res, 402, { error: { code: 'declined', message: 'the order was declined' } });
    default:
  }
  const existing = state.book.get(key);
  if (existing && !state.book.matches(existing, order)) {
    return send(res, 409, {
      error: {
        code: 'idempotency_conflict',
        message: 'this Idempotency-Key was used for another order',
      },
    });
  }
  const pending = outcome === 'pending';
  const made =
    existing ??
    state.book.create(key, order, {
      status: pending ? 'pending' : 'fulfilled',
      amountDelta: outcome === 'amount_mismatch' ? state.behaviour.mismatchCents : 0,
    });
  if (!existing) announce(state, made);
  if (outcome === 'server_error')
    return send(res, 500, {
      error: { code: 'internal', message: 'something broke after the order was taken' },
    });
  if (outcome === 'timeout') {
    const timer = setTimeout(() => {
      state.hangs.delete(timer);
      send(res, 201, publicOrder(made));
    }, state.behaviour.hangMs);
    state.hangs.add(timer);
    return;
  }
  send(
    res,
    made.status === 'pending' ? 202 : existing ? 200 : 201,
    publicOrder(made),
    existing ? { 'idempotent-replayed': 'true' } : {},
  );
}

/** A new pending order gets `order.processing` now and `order.fulfilled` after asyncDelayMs. */
function announce(state: SandboxState, order: Order): void {
  if (order.status !== 'pending') return;
  const copies = state.behaviour.duplicateCallbacks ? 2 : 1;
  state.callbacks.send('order.processing', order, undefined, copies);
  state.callbacks.after(state.behaviour.asyncDelayMs, () => {
    if (order.status !== 'pending') return;
    state.book.settle(order, 'fulfilled');
    state.callbacks.send('order.fulfilled', order, undefined, copies);
  });
}
