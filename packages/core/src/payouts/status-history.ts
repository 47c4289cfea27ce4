import type { TPayoutStatus } from '@playloop/shared';
import type { Queryable } from '../db/pool.js';

/** Appends one line to a payout's history; `from === to` records a note (a failover, a retry). */
export async function recordPayoutStatus(
  db: Queryable,
  payoutId: string,
  from: TPayoutStatus | null,
  to: TPayoutStatus,
  reason: string,
  actor: string | null = null,
): Promise<void> {
  await db.query(
    'insert into payout_status_changes (payout_id, from_status, to_status, reason, actor) values ($1, $2, $3, $4, $5)',
    [payoutId, from, to, reason.slice(0, 500), actor],
  );
}
