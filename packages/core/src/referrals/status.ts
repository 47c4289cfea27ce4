import type { TReferralStatus } from '@playloop/shared';
import type { Queryable } from '../db/pool.js';

/** Columns a status change may set alongside the status (names are code, values are parameters). */
export interface StatusExtras {
  rewarded_at?: 'now';
  reviewed_at?: 'now';
  reviewed_by?: string;
  referrer_points_awarded?: number;
  referee_points_awarded?: number;
}

/**
 * Moves a referral from one of `from` to `to`, only if it is still there (a guard against
 * concurrent transitions), and records the change with its reason and actor. Returns false
 * when the referral was not in `from`.
 */
export async function changeReferralStatus(
  db: Queryable,
  referralId: string,
  from: TReferralStatus[],
  to: TReferralStatus,
  reason: string,
  actor: string | null = null,
  extras: StatusExtras = {},
): Promise<boolean> {
  const params: unknown[] = [referralId, from, to, reason];
  const sets = Object.entries(extras).map(([column, value]) => {
    if (value === 'now') return `, ${column} = now()`;
    params.push(value);
    return `, ${column} = $${params.length}`;
  });
  const { rows } = await db.query<{ previous: string }>(
    `with prev as (select status from referrals where id = $1 for update)
     update referrals r set status = $3, status_reason = $4 ${sets.join('')}
     from prev where r.id = $1 and prev.status = any($2::text[])
     returning prev.status as previous`,
    params,
  );
  if (!rows[0]) return false;
  await db.query(
    'insert into referral_status_changes (referral_id, from_status, to_status, reason, actor) values ($1, $2, $3, $4, $5)',
    [referralId, rows[0].previous, to, reason, actor],
  );
  return true;
}
