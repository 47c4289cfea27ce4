import { randomBytes } from 'node:crypto';
import { newId, type TWebhookEventType } from '@playloop/shared';
import type { Queryable } from '../../db/pool.js';
import { AppError } from '../../errors/app-error.js';

interface EndpointRow {
  id: string;
  url: string;
  events: TWebhookEventType[];
  description: string;
  active: boolean;
  created_at: Date;
}
const toEndpoint = (r: EndpointRow) => ({
  id: r.id,
  url: r.url,
  events: r.events,
  description: r.description,
  active: r.active,
  createdAt: r.created_at.toISOString(),
});

export async function listWebhookEndpoints(db: Queryable) {
  const { rows } = await db.query<EndpointRow>(
    'select id, url, events, description, active, created_at from webhook_endpoints order by created_at desc limit 200',
  );
  return rows.map(toEndpoint);
}

/** A new endpoint with a fresh signing secret, returned this once. */
export async function createWebhookEndpoint(
  db: Queryable,
  input: { url: string; events: TWebhookEventType[]; description: string },
  actorId: string,
) {
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  const { rows } = await db.query<EndpointRow>(
    `insert into webhook_endpoints (id, url, secret, events, description, created_by) values ($1, $2, $3, $4, $5, $6)
     returning id, url, events, description, active, created_at`,
    [newId('whk'), input.url, secret, [...new Set(input.events)], input.description, actorId],
  );
  return { ...toEndpoint(rows[0] as EndpointRow), secret };
}

/** Switched off rather than deleted, so the delivery log keeps its endpoint. */
export async function disableWebhookEndpoint(db: Queryable, endpointId: string): Promise<void> {
  const { rowCount } = await db.query('update webhook_endpoints set active = false where id = $1', [
    endpointId,
  ]);
  if (!rowCount) throw new AppError('NOT_FOUND', { message: 'No such webhook endpoint.' });
}

export async function listWebhookDeliveries(
  db: Queryable,
  status?: 'pending' | 'delivered' | 'failed',
  limit = 200,
) {
  const { rows } = await db.query<{
    id: string;
    endpoint_id: string;
    event_id: string;
    event_type: TWebhookEventType;
    status: 'pending' | 'delivered' | 'failed';
    attempts: number;
    last_status_code: number | null;
    last_error: string | null;
    created_at: Date;
    delivered_at: Date | null;
  }>(
    `select id, endpoint_id, event_id, event_type, status, attempts, last_status_code, last_error, created_at, delivered_at
     from webhook_deliveries where ($1::text is null or status = $1) order by created_at desc limit $2`,
    [status ?? null, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    endpointId: r.endpoint_id,
    eventId: r.event_id,
    eventType: r.event_type,
    status: r.status,
    attempts: r.attempts,
    lastStatusCode: r.last_status_code,
    lastError: r.last_error,
    createdAt: r.created_at.toISOString(),
    deliveredAt: r.delivered_at?.toISOString() ?? null,
  }));
}
