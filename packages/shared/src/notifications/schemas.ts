import { z } from 'zod';

export const ZNotificationKind = z.enum(['welcome', 'system']);

/** A notification as shown to its user; stored in Postgres, pushed over the socket. */
export const ZNotification = z.object({
  id: z.string(),
  kind: ZNotificationKind,
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationList = z.object({ notifications: z.array(ZNotification) });
