import { z } from 'zod';
import { errorForResponse, errorForTransport } from './classify.js';
import type { PayoutProviderConfig } from './config.js';
import { ProviderError, type PayoutOrder, type PayoutProvider } from './provider.js';

const ZOrder = z.object({
  id: z.string(),
  idempotencyKey: z.string(),
  reference: z.string().nullable().optional(),
  status: z.enum(['fulfilled', 'pending', 'failed']),
  amount: z.object({ value: z.number().int(), currency: z.string() }),
  code: z.string().nullable().optional(),
  createdAt: z.string().optional(),
});
const ZOrderList = z.object({ orders: z.array(ZOrder) });

const toOrder = (o: z.infer<typeof ZOrder>): PayoutOrder => ({
  orderId: o.id,
  idempotencyKey: o.idempotencyKey,
  reference: o.reference ?? null,
  status: o.status,
  amountCents: o.amount.value,
  currency: o.amount.currency,
  code: o.code ?? null,
  createdAt: o.createdAt ?? null,
});

/**
 * The real HTTP client for a gift-card API (the protocol the sandbox provider speaks):
 * `POST /v1/orders` with `Authorization: Bearer`, `Idempotency-Key` on every attempt, and
 * `GET /v1/orders?since=` for reconciliation. Deadlines cover the whole exchange, body included.
 */
export function createHttpPayoutProvider(
  cfg: PayoutProviderConfig,
  deps: { fetch?: typeof fetch } = {},
): PayoutProvider {
  const doFetch = deps.fetch ?? fetch;
  const base = cfg.baseUrl.replace(/\/+$/, '');
  const headers = { authorization: `Bearer ${cfg.apiKey}`, accept: 'application/json' };

  async function exchange<T>(
    url: string,
    init: RequestInit,
    timeoutMs: number,
    schema: z.ZodType<T>,
  ): Promise<T> {
    let res: Response;
    let body: unknown;
    try {
      res = await doFetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      const text = await res.text();
      body = text ? safeJson(text) : undefined;
    } catch (err) {
      throw errorForTransport(err);
    }
    if (!res.ok) throw errorForResponse(res.status, body, res.headers.get('retry-after'));
    const parsed = schema.safeParse(body);
    // A 2xx we cannot read may still mean the order exists: retry with the same key to learn it.
    if (!parsed.success)
      throw new ProviderError('server_error', 'BAD_RESPONSE', `unreadable ${res.status} answer`, {
        httpStatus: res.status,
      });
    return parsed.data;
  }

  return {
    name: cfg.name,
    callbackSecret: cfg.callbackSecret,
    async issue(request, opts) {
      const order = await exchange(
        `${base}/v1/orders`,
        {
          method: 'POST',
          headers: {
            ...headers,
            'content-type': 'application/json',
            'idempotency-key': request.idempotencyKey,
          },
          body: JSON.stringify({
            reference: request.reference,
            sku: request.sku,
            amount: { value: request.amountCents, currency: request.currency },
            recipient: { id: request.recipient.userId, email: request.recipient.email },
          }),
        },
        opts.timeoutMs,
        ZOrder,
      );
      return toOrder(order);
    },
    async listOrders(opts) {
      const url = `${base}/v1/orders?since=${encodeURIComponent(opts.since.toISOString())}&limit=10000`;
      const list = await exchange(url, { method: 'GET', headers }, opts.timeoutMs, ZOrderList);
      return list.orders.map(toOrder);
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The providers a process can pay through, by name. */
export function createProviderRegistry(
  configs: PayoutProviderConfig[],
  deps: { fetch?: typeof fetch } = {},
): Map<string, PayoutProvider> {
  return new Map(configs.map((c) => [c.name, createHttpPayoutProvider(c, deps)]));
}
