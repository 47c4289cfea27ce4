import type { TFlaggedReferral } from '@playloop/shared';
import { withTransaction, type Pool, type Queryable } from '../db/pool.js';
import { loadCampaignRules } from './campaign-rules.js';
import { rewardReferral, type RewardOutcome } from './reward-referral.js';
import { changeReferralStatus } from './status.js';

/** Flagged referrals with their evidence and the accounts linked to the referee by device or IP+browser. */
export async function listFlaggedReferrals(
  db: Queryable,
  campaignId: string | null,
  limit = 100,
): Promise<TFlaggedReferral[]> {
  const { rows } = await db.query(
    `select r.id, r.campaign_id, r.status, r.attributed_at, r.qualified_at, r.rewarded_at, r.fraud_score, r.fraud_evidence,
            r.referrer_id, rr.display_name as referrer_name, r.referee_id, re.display_name as referee_name, re.email as referee_email,
            coalesce((
              select json_agg(json_build_object('userId', u.id, 'email', u.email, 'displayName', u.display_name,
                       'via', case when s.device_id = me.device_id then 'device' else 'ip+browser' end))
              from user_signals me join user_signals s on s.user_id <> me.user_id
                and (s.device_id = me.device_id or (s.ip = me.ip and s.user_agent = me.user_agent))
              join users u on u.id = s.user_id
              where me.user_id = r.referee_id
            ), '[]'::json) as linked
     from referrals r join users rr on rr.id = r.referrer_id join users re on re.id = r.referee_id
     where r.status = 'flagged' and ($1::text is null or r.campaign_id = $1)
     order by r.fraud_score desc, r.attributed_at limit $2`,
    [campaignId, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    campaignId: r.campaign_id,
    status: r.status,
    refereeName: r.referee_name,
    attributedAt: r.attributed_at.toISOString(),
    qualifiedAt: r.qualified_at?.toISOString() ?? null,
    rewardedAt: r.rewarded_at?.toISOString() ?? null,
    referrerId: r.referrer_id,
    referrerName: r.referrer_name,
    refereeId: r.referee_id,
    refereeEmail: r.referee_email,
    fraudScore: r.fraud_score,
    evidence: r.fraud_evidence,
    linkedAccounts: (r.linked as TFlaggedReferral['linkedAccounts']).slice(0, 50),
  }));
}

export interface ReviewedReferral {
  referralId: string;
  referrerId: string;
  refereeId: string;
  campaignId: string;
  reward: RewardOutcome | null;
}

/**
 * A reviewer's decision on flagged referrals. Approving pays out at once if the referral had
 * already qualified; otherwise it pays when it does. Referrals no longer flagged are skipped.
 */
export async function reviewReferrals(
  pool: Pool,
  input: {
    referralIds: string[];
    decision: 'approve' | 'reject';
    reviewerId: string;
    note?: string;
  },
): Promise<{ updated: ReviewedReferral[]; skipped: string[] }> {
  const updated: ReviewedReferral[] = [];
  const skipped: string[] = [];
  for (const id of input.referralIds) {
    const result = await withTransaction(pool, async (tx) => {
      const to = input.decision === 'approve' ? 'approved' : 'rejected';
      const reason = `${input.decision}d by reviewer${input.note ? `: ${input.note}` : ''}`;
      const moved = await changeReferralStatus(tx, id, ['flagged'], to, reason, input.reviewerId, {
        reviewed_by: input.reviewerId,
        reviewed_at: 'now',
      });
      if (!moved) return null;
      const { rows } = await tx.query(
        'select referrer_id, referee_id, campaign_id, qualified_at from referrals where id = $1',
        [id],
      );
      const r = rows[0];
      let reward: RewardOutcome | null = null;
      if (to === 'approved' && r.qualified_at) {
        const rules = await loadCampaignRules(tx, r.campaign_id);
        if (rules)
          reward = await rewardReferral(
            tx,
            { id, referrerId: r.referrer_id, refereeId: r.referee_id },
            rules,
          );
      }
      return {
        referralId: id,
        referrerId: r.referrer_id,
        refereeId: r.referee_id,
        campaignId: r.campaign_id,
        reward,
      };
    });
    if (result) updated.push(result);
    else skipped.push(id);
  }
  return { updated, skipped };
}
