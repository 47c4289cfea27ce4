import type { Pool } from '../../db/pool.js';
import { signPayload } from '../signature.js';

/** A non-2xx or unreachable endpoint: thrown so the queue retries with backoff. */
export class WebhookDeliveryError extends Error {
  override name = 'WebhookDeliveryError';
}

interface DeliveryRow {
  id: string;
  status: string;
  attempts: number;
  event_type: string;
  payload: unknown;
  url: string;
  secret: string;
  active: boolean;
}

/**
 * Sends one pending delivery, signed (`X-Playloop-Signature: t=…,v1=HMAC-SHA256(secret, "t.body")`),
 * and logs the attempt. A 2xx marks it delivered; anything else throws so the queue retries it with
 * backoff, and on the last attempt the delivery is marked failed. Receivers de-duplicate on
 * `X-Playloop-Event-Id`: a delivery whose 2xx got lost may arrive twice.
 */
export async function deliverWebhook(
  deps: { pool: Pool; fetch?: typeof fetch; timeoutMs: number },
  deliveryId: string,
  opts: { isLastAttempt: boolean },
): Promise<'delivered' | 'skipped'> {
  const { rows } = await deps.pool.query<DeliveryRow>(
    `select d.id, d.status, d.attempts, d.event_type, d.payload, e.url, e.secret, e.active
     from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id where d.id = $1`,
    [deliveryId],
  );
  const d = rows[0];
  if (!d || d.status !== 'pending') return 'skipped';
  if (!d.active) {
    await deps.pool.query(
      `update webhook_deliveries set status = 'failed', last_error = 'endpoint switched off' where id = $1 and status = 'pending'`,
      [d.id],
    );
    return 'skipped';
  }
  const body = JSON.stringify(d.payload);
  const eventId = (d.payload as { id?: string }).id ?? d.id;
  const started = Date.now();
  let status: number | null = null;
  let error: string | null = null;
  try {
    const res = await (deps.fetch ?? fetch)(d.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Playloop-Webhooks/1',
        'x-playloop-event': d.event_type,
        'x-playloop-event-id': eventId,
        'x-playloop-delivery': d.id,
        'x-playloop-signature': signPayload(d.secret, body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(deps.timeoutMs),
    });
    status = res.status;
    await res.body?.cancel();
    if (status < 200 || status >= 300) error = `HTTP ${status}`;
  } catch (err) {
    error =
      (err as Error).name === 'TimeoutError'
        ? `no answer within ${deps.timeoutMs} ms`
        : (err as Error).message;
  }
  const delivered = error === null;
  await deps.pool.query(
    'insert into webhook_delivery_attempts (delivery_id, attempt_no, status_code, error, duration_ms) values ($1, $2, $3, $4, $5)',
    [d.id, d.attempts + 1, status, error, Date.now() - started],
  );
  await deps.pool.query(
    `update webhook_deliveries set attempts = attempts + 1, last_status_code = $2, last_error = $3,
       status = case when $4 then 'delivered' when $5 then 'failed' else 'pending' end,
       delivered_at = case when $4 then now() end
     where id = $1`,
    [d.id, status, error, delivered, opts.isLastAttempt],
  );
  if (!delivered) throw new WebhookDeliveryError(`webhook ${d.id} to ${d.url}: ${error}`);
  return 'delivered';
}

/** Pending deliveries, oldest first, for the dispatcher to (re-)enqueue. */
export async function listPendingDeliveries(db: Pool, limit = 500): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `select id from webhook_deliveries where status = 'pending' order by created_at limit $1`,
    [limit],
  );
  return rows.map((r) => r.id);
}
