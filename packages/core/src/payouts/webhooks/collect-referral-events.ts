import { withTransaction, type Pool } from '../../db/pool.js';
import { emitWebhookEvent } from './outbox.js';

const CURSOR = 'referral.qualified';
// Rows younger than this are left for the next pass: a transaction that took its id earlier may
// still be committing, and a cursor past it would skip it for good.
const SETTLE_SECONDS = 5;

/**
 * Turns referral qualifications into `referral.qualified` webhook events by scanning the referral
 * status history from a stored cursor, without touching the referral code path. The cursor starts
 * at "now" the first time, so a new install does not replay history. Returns events emitted.
 */
export async function collectReferralEvents(pool: Pool, limit = 500): Promise<number> {
  return withTransaction(pool, async (tx) => {
    await tx.query(
      `insert into webhook_cursors (name, position) select $1, coalesce(max(id), 0) from referral_status_changes
       on conflict (name) do nothing`,
      [CURSOR],
    );
    const cursor = await tx.query<{ position: string }>(
      'select position from webhook_cursors where name = $1 for update',
      [CURSOR],
    );
    const position = Number(cursor.rows[0]?.position ?? 0);
    const { rows } = await tx.query<{
      id: string;
      to_status: string;
      referral_id: string;
      at: Date;
      campaign_id: string;
      referrer_id: string;
      referee_id: string;
      referrer_email: string;
      referee_email: string;
    }>(
      `select c.id, c.to_status, c.referral_id, c.at, r.campaign_id, r.referrer_id, r.referee_id, ur.email as referrer_email, ue.email as referee_email
       from referral_status_changes c join referrals r on r.id = c.referral_id
       join users ur on ur.id = r.referrer_id join users ue on ue.id = r.referee_id
       where c.id > $1 and c.at < now() - $2 * interval '1 second' order by c.id limit $3`,
      [position, SETTLE_SECONDS, limit],
    );
    let emitted = 0;
    for (const r of rows) {
      if (r.to_status !== 'qualified' && r.to_status !== 'approved') continue;
      emitted += await emitWebhookEvent(tx, {
        type: 'referral.qualified',
        key: `referral.qualified:${r.referral_id}`,
        data: {
          referralId: r.referral_id,
          campaignId: r.campaign_id,
          referrerId: r.referrer_id,
          referrerEmail: r.referrer_email,
          refereeId: r.referee_id,
          refereeEmail: r.referee_email,
          qualifiedAt: r.at.toISOString(),
        },
      });
    }
    const last = rows.at(-1);
    if (last)
      await tx.query('update webhook_cursors set position = $2 where name = $1', [CURSOR, last.id]);
    return emitted;
  });
}
