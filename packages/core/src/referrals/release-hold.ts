import { withTransaction, type Pool } from '../db/pool.js';
import { playerAccount } from '../ledger/accounts.js';
import { postTransaction } from '../ledger/post-transaction.js';

/**
 * Moves a rewarded referral's points from held to available once its hold has passed. Keyed by
 * the referral, so the delayed job and the periodic sweep can both try without double-moving.
 */
export async function releaseHeldReward(
  pool: Pool,
  referralId: string,
): Promise<{ released: boolean; userIds: string[] }> {
  return withTransaction(pool, async (tx) => {
    const { rows } = await tx.query(
      `select r.referrer_id, r.referee_id, r.campaign_id, r.referrer_points_awarded, r.referee_points_awarded
       from referrals r join campaigns c on c.id = r.campaign_id
       where r.id = $1 and r.status = 'rewarded' and r.hold_released_at is null
         and r.rewarded_at + make_interval(secs => c.hold_seconds) <= now() and c.hold_seconds > 0
       for update of r`,
      [referralId],
    );
    const r = rows[0];
    if (!r) return { released: false, userIds: [] };
    const legs = [];
    for (const [userId, amount] of [
      [r.referrer_id, r.referrer_points_awarded],
      [r.referee_id, r.referee_points_awarded],
    ] as const) {
      if (amount > 0) {
        legs.push({
          accountId: await playerAccount(tx, userId, 'points', 'held'),
          amount: -amount,
        });
        legs.push({ accountId: await playerAccount(tx, userId, 'points', 'available'), amount });
      }
    }
    await postTransaction(tx, {
      idempotencyKey: `hold-release:${referralId}`,
      kind: 'hold_release',
      campaignId: r.campaign_id,
      memo: { referralId, description: 'Referral reward released' },
      legs,
    });
    await tx.query('update referrals set hold_released_at = now() where id = $1', [referralId]);
    return { released: true, userIds: [r.referrer_id, r.referee_id] };
  });
}

/** Referrals whose hold has passed but were not released (a missed delayed job). */
export async function findDueHoldReleases(pool: Pool, limit = 500): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `select r.id from referrals r join campaigns c on c.id = r.campaign_id
     where r.status = 'rewarded' and r.hold_released_at is null and c.hold_seconds > 0
       and r.rewarded_at + make_interval(secs => c.hold_seconds) <= now()
     limit $1`,
    [limit],
  );
  return rows.map((r) => r.id);
}
