import { newId } from '@playloop/shared';
import { AppError } from '../errors/app-error.js';
import { withTransaction, type Pool } from '../db/pool.js';
import { isCampaignRunning, loadCampaignRules, type CampaignRules } from './campaign-rules.js';
import { gatherFraudFacts } from './fraud-facts.js';
import { scoreFraud } from './fraud-rules.js';
import { changeReferralStatus } from './status.js';

export interface AttributedReferral {
  id: string;
  referrerId: string;
  refereeId: string;
  campaignId: string;
  status: 'pending' | 'flagged';
  rules: CampaignRules;
}

/** Checks an invite code for use now (or at `touchedAt`): exists, campaign running, inside its window. */
export async function resolveCodeForAttribution(db: Pool, code: string, touchedAt: Date) {
  const { rows } = await db.query<{ user_id: string; campaign_id: string }>(
    // The code of an erased account invites nobody any more.
    `select rc.user_id, rc.campaign_id from referral_codes rc join users u on u.id = rc.user_id
     where rc.code = $1 and u.deleted_at is null`,
    [code],
  );
  const owner = rows[0];
  if (!owner) throw new AppError('INVITE_NOT_FOUND');
  const rules = await loadCampaignRules(db, owner.campaign_id);
  if (!rules || !isCampaignRunning(rules)) throw new AppError('CAMPAIGN_NOT_ACTIVE');
  if (touchedAt.getTime() < Date.now() - rules.attributionWindowDays * 86_400_000)
    throw new AppError('INVITE_EXPIRED');
  return { referrerId: owner.user_id, rules };
}

/**
 * First touch wins, once: records who invited the referee (one referrer per referee, forever),
 * scores it for fraud with the signals recorded at sign-up, and flags it past the campaign's
 * threshold so its rewards wait for a reviewer.
 */
export async function attributeReferral(
  pool: Pool,
  input: { refereeId: string; code: string; touchedAt: Date },
): Promise<AttributedReferral> {
  const { referrerId, rules } = await resolveCodeForAttribution(pool, input.code, input.touchedAt);
  if (referrerId === input.refereeId) throw new AppError('SELF_REFERRAL');
  return withTransaction(pool, async (tx) => {
    const id = newId('ref');
    const inserted = await tx.query(
      `insert into referrals (id, campaign_id, referrer_id, referee_id, code, touched_at) values ($1, $2, $3, $4, $5, $6)
       on conflict (referee_id) do nothing returning id`,
      [id, rules.id, referrerId, input.refereeId, input.code, input.touchedAt],
    );
    if (!inserted.rows[0]) throw new AppError('REFERRAL_ALREADY_ATTRIBUTED');
    await tx.query(
      `insert into referral_status_changes (referral_id, from_status, to_status, reason) values ($1, null, 'pending', 'attributed')`,
      [id],
    );
    const fraud = scoreFraud(
      await gatherFraudFacts(tx, {
        referralId: id,
        referrerId,
        refereeId: input.refereeId,
        code: input.code,
      }),
    );
    await tx.query('update referrals set fraud_score = $2, fraud_evidence = $3 where id = $1', [
      id,
      fraud.score,
      JSON.stringify(fraud.evidence),
    ]);
    let status: AttributedReferral['status'] = 'pending';
    if (fraud.score >= rules.fraudThreshold) {
      await changeReferralStatus(
        tx,
        id,
        ['pending'],
        'flagged',
        `fraud score ${fraud.score} ≥ ${rules.fraudThreshold}`,
      );
      status = 'flagged';
    }
    return { id, referrerId, refereeId: input.refereeId, campaignId: rules.id, status, rules };
  });
}
