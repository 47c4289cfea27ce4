import type { Queryable } from '../db/pool.js';

/** The coarse device class an exception event records; never the raw user agent. */
export function deviceClass(
  userAgent: string | undefined | null,
): 'ios' | 'android' | 'desktop' | 'other' | 'unknown' {
  if (!userAgent) return 'unknown';
  if (/iPhone|iPad|iPod/i.test(userAgent)) return 'ios';
  if (/Android/i.test(userAgent)) return 'android';
  if (/Windows NT|Macintosh|X11|Linux x86_64|CrOS/i.test(userAgent)) return 'desktop';
  return 'other';
}

/**
 * The player segment stamped on a payout (and on its exception events), so failures can be
 * sliced by who they hit: staff, players in their first week, or returning players.
 */
export async function playerProfile(
  db: Queryable,
  userId: string,
): Promise<{ segment: 'staff' | 'new' | 'returning' | 'unknown'; email: string | null }> {
  const { rows } = await db.query<{ role: string; is_new: boolean; email: string }>(
    `select role, email, created_at > now() - interval '7 days' as is_new from users where id = $1`,
    [userId],
  );
  const row = rows[0];
  if (!row) return { segment: 'unknown', email: null };
  return {
    segment: row.role !== 'player' ? 'staff' : row.is_new ? 'new' : 'returning',
    email: row.email,
  };
}
