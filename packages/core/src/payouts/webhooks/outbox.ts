import { newId, type TWebhookEventType } from '@playloop/shared';
import type { Queryable } from '../../db/pool.js';

export interface WebhookEvent {
  type: TWebhookEventType;
  /** What the event is about (`payout.fulfilled:pay_…`): each endpoint gets it once. */
  key: string;
  data: Record<string, unknown>;
}

/**
 * Writes the event as one pending delivery per active endpoint subscribed to its type, inside the
 * caller's transaction: the event exists exactly when the change that caused it committed. The
 * worker's dispatcher sends pending deliveries.
 */
export async function emitWebhookEvent(db: Queryable, event: WebhookEvent): Promise<number> {
  const eventId = newId('wev');
  const payload = {
    id: eventId,
    type: event.type,
    createdAt: new Date().toISOString(),
    data: event.data,
  };
  const { rows } = await db.query<{ id: string }>(
    'select id from webhook_endpoints where active and $1 = any(events)',
    [event.type],
  );
  if (rows.length === 0) return 0;
  const inserted = await db.query(
    `insert into webhook_deliveries (id, endpoint_id, event_id, event_key, event_type, payload)
     select d.id, d.endpoint_id, $1, $2, $3, $4 from unnest($5::text[], $6::text[]) as d(id, endpoint_id)
     on conflict on constraint webhook_deliveries_once do nothing`,
    [
      eventId,
      event.key,
      event.type,
      JSON.stringify(payload),
      rows.map(() => newId('whd')),
      rows.map((r) => r.id),
    ],
  );
  return inserted.rowCount ?? 0;
}
