import type { TReferralItem } from '@playloop/shared';
import type { Queryable } from '../db/pool.js';

const SELECT = `select r.id, r.campaign_id, u.display_name as referee_name, r.status, r.attributed_at, r.qualified_at, r.rewarded_at
  from referrals r join users u on u.id = r.referee_id`;

interface ReferralRow {
  id: string;
  campaign_id: string;
  referee_name: string;
  status: TReferralItem['status'];
  attributed_at: Date;
  qualified_at: Date | null;
  rewarded_at: Date | null;
}

function toItem(r: ReferralRow): TReferralItem {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    refereeName: r.referee_name,
    // A flagged or rejected referral is shown to the referrer as pending: fraud evidence is for staff only.
    status: r.status === 'flagged' || r.status === 'approved' ? 'pending' : r.status,
    attributedAt: r.attributed_at.toISOString(),
    qualifiedAt: r.qualified_at?.toISOString() ?? null,
    rewardedAt: r.rewarded_at?.toISOString() ?? null,
  };
}

/** The referrer's own referrals, newest first. */
export async function listMyReferrals(
  db: Queryable,
  referrerId: string,
  limit = 100,
): Promise<TReferralItem[]> {
  const { rows } = await db.query<ReferralRow>(
    `${SELECT} where r.referrer_id = $1 order by r.attributed_at desc limit $2`,
    [referrerId, limit],
  );
  return rows.map(toItem);
}

/** Several referrals at once (announcing a batch), by id; unknown ids are left out. */
export async function getReferralItems(
  db: Queryable,
  referralIds: string[],
): Promise<Map<string, TReferralItem>> {
  const { rows } = await db.query<ReferralRow>(`${SELECT} where r.id = any($1::text[])`, [
    referralIds,
  ]);
  return new Map(rows.map((r) => [r.id, toItem(r)]));
}
