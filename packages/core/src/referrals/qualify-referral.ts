import type { TQualifyingAction } from '@playloop/shared';
import { withTransaction, type Pool } from '../db/pool.js';
import { loadCampaignRules } from './campaign-rules.js';
import { gatherFraudFacts } from './fraud-facts.js';
import { scoreFraud } from './fraud-rules.js';
import { rewardReferral, type RewardOutcome } from './reward-referral.js';
import { changeReferralStatus } from './status.js';

export type QualifyOutcome =
  | { outcome: 'no_referral' | 'other_action' | 'already_qualified' | 'rejected' }
  | { outcome: 'waiting_review'; referralId: string; referrerId: string; refereeId: string }
  | ({
      referralId: string;
      referrerId: string;
      refereeId: string;
      campaignId: string;
    } & RewardOutcome);

/**
 * The referee did something. If it is their campaign's qualifying action, the referral qualifies
 * (once: a repeated call is a no-op) and both sides are rewarded in the same transaction, unless
 * the referral waits for review. Qualification that comes inhumanly fast after sign-up is scored.
 */
export async function qualifyReferral(
  pool: Pool,
  input: { refereeId: string; action: TQualifyingAction },
): Promise<QualifyOutcome> {
  return withTransaction(pool, async (tx) => {
    const { rows } = await tx.query(
      `select r.id, r.referrer_id, r.referee_id, r.campaign_id, r.code, r.status, r.qualified_at,
              extract(epoch from now() - u.created_at) as seconds_since_signup
       from referrals r join users u on u.id = r.referee_id where r.referee_id = $1 for update of r`,
      [input.refereeId],
    );
    const r = rows[0];
    if (!r) return { outcome: 'no_referral' };
    const rules = await loadCampaignRules(tx, r.campaign_id);
    if (!rules || rules.qualifyingAction !== input.action) return { outcome: 'other_action' };
    if (r.qualified_at) return { outcome: 'already_qualified' };
    if (r.status === 'rejected') return { outcome: 'rejected' };
    await tx.query('update referrals set qualified_at = now() where id = $1', [r.id]);
    const ids = {
      referralId: r.id as string,
      referrerId: r.referrer_id as string,
      refereeId: r.referee_id as string,
    };

    let status: string = r.status;
    if (input.action !== 'signup') {
      const fraud = scoreFraud(
        await gatherFraudFacts(
          tx,
          { referralId: r.id, referrerId: r.referrer_id, refereeId: r.referee_id, code: r.code },
          Number(r.seconds_since_signup),
        ),
      );
      await tx.query('update referrals set fraud_score = $2, fraud_evidence = $3 where id = $1', [
        r.id,
        fraud.score,
        JSON.stringify(fraud.evidence),
      ]);
      if (status === 'pending' && fraud.score >= rules.fraudThreshold) {
        await changeReferralStatus(
          tx,
          r.id,
          ['pending'],
          'flagged',
          `fraud score ${fraud.score} ≥ ${rules.fraudThreshold} at qualification`,
        );
        status = 'flagged';
      }
    }
    if (status === 'flagged') {
      await tx.query(
        `insert into referral_status_changes (referral_id, from_status, to_status, reason) values ($1, 'flagged', 'flagged', $2)`,
        [r.id, `qualified by ${input.action}; waiting for review`],
      );
      return { outcome: 'waiting_review', ...ids };
    }
    if (status === 'pending')
      await changeReferralStatus(
        tx,
        r.id,
        ['pending'],
        'qualified',
        `qualified by ${input.action}`,
      );
    const reward = await rewardReferral(
      tx,
      { id: r.id, referrerId: r.referrer_id, refereeId: r.referee_id },
      rules,
    );
    return { ...ids, campaignId: rules.id, ...reward };
  });
}
