import type { Queryable } from '../db/pool.js';

/** First-party signals of a sign-up, the raw material of fraud checks. */
export interface SignupSignals {
  deviceId: string | null;
  ip: string | null;
  userAgent: string | null;
}

const DOT_INSENSITIVE = new Set(['gmail.com', 'googlemail.com']);

/**
 * One mailbox, one spelling: lower case, `+tags` dropped, and dots dropped where the provider
 * ignores them (Gmail), so `A.n.n+x@gmail.com` and `ann@gmail.com` compare equal.
 */
export function canonicalEmail(email: string): string {
  const [local = '', domain = ''] = email.trim().toLowerCase().split('@');
  let user = local.split('+')[0] ?? '';
  const host = domain === 'googlemail.com' ? 'gmail.com' : domain;
  if (DOT_INSENSITIVE.has(host)) user = user.replaceAll('.', '');
  return `${user}@${host}`;
}

export async function recordUserSignals(
  db: Queryable,
  userId: string,
  email: string,
  s: SignupSignals,
): Promise<void> {
  await db.query(
    `insert into user_signals (user_id, email_canonical, device_id, ip, user_agent) values ($1, $2, $3, $4, $5)
     on conflict (user_id) do nothing`,
    [userId, canonicalEmail(email), s.deviceId, s.ip, s.userAgent?.slice(0, 512) ?? null],
  );
}
