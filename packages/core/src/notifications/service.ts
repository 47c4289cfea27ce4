import { newId, rooms, type ServerToClientEvents, type TNotification } from '@playloop/shared';
import type { Queryable } from '../db/pool.js';

/** Pushes an event into rooms on every realtime pod; implemented with the Socket.IO Redis emitter. */
export interface RealtimeNotifier {
  toUser<E extends keyof ServerToClientEvents>(
    userId: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void;
}

interface NotificationRow {
  id: string;
  kind: TNotification['kind'];
  title: string;
  body: string;
  created_at: Date;
  read_at: Date | null;
}

const toNotification = (r: NotificationRow): TNotification => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at?.toISOString() ?? null,
});

/**
 * Stores a notification (once per dedupe key, so a retried job does not duplicate it) and pushes
 * it to the user's room. The row is the truth; the push is a courtesy a client may miss.
 */
export async function deliverNotification(
  db: Queryable,
  notifier: RealtimeNotifier,
  input: {
    userId: string;
    kind: TNotification['kind'];
    title: string;
    body: string;
    dedupeKey: string;
  },
): Promise<TNotification> {
  const inserted = await db.query<NotificationRow>(
    `insert into notifications (id, user_id, kind, title, body, dedupe_key) values ($1, $2, $3, $4, $5, $6)
     on conflict (user_id, dedupe_key) do nothing
     returning id, kind, title, body, created_at, read_at`,
    [newId('ntf'), input.userId, input.kind, input.title, input.body, input.dedupeKey],
  );
  const row =
    inserted.rows[0] ??
    (
      await db.query<NotificationRow>(
        'select id, kind, title, body, created_at, read_at from notifications where user_id = $1 and dedupe_key = $2',
        [input.userId, input.dedupeKey],
      )
    ).rows[0];
  const notification = toNotification(row as NotificationRow);
  notifier.toUser(input.userId, 'notify:new', notification);
  return notification;
}

export async function listNotifications(
  db: Queryable,
  userId: string,
  limit = 50,
): Promise<TNotification[]> {
  const { rows } = await db.query<NotificationRow>(
    'select id, kind, title, body, created_at, read_at from notifications where user_id = $1 order by created_at desc limit $2',
    [userId, limit],
  );
  return rows.map(toNotification);
}

export { rooms };
