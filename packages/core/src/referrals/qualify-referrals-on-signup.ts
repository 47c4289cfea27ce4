import { AppError } from '../errors/app-error.js';
import { withTransaction, type Pool, type PoolClient } from '../db/pool.js';
import { loadCampaignRules, type CampaignRules } from './campaign-rules.js';
import { qualifyReferral, type QualifyOutcome } from './qualify-referral.js';
import { BatchNotPayable, rewardReferrals, type ReferralToReward } from './reward-referrals.js';

const REASON = 'qualified by signup';

interface LockedReferral {
  id: string;
  referrer_id: string;
  referee_id: string;
  campaign_id: string;
  status: string;
  qualified_at: Date | null;
}

/**
 * `qualifyReferral(…, action: 'signup')` for many referees in one transaction and a fixed number of
 * statements, for launch-day bursts where every friend's sign-up qualifies a referral. Each
 * referee gets the outcome the one-at-a-time path would give: the same status changes, ledger
 * postings, caps and idempotency (sign-up qualification scores no fraud, so there is none to
 * repeat here). If the batch cannot be paid as a whole, or anything in it conflicts, nothing of it
 * stays and every referee goes through `qualifyReferral` instead, which settles each on its own.
 * Any other failure (Postgres gone) rejects, and the caller retries the referees.
 */
export async function qualifyReferralsOnSignup(
  pool: Pool,
  refereeIds: string[],
): Promise<Map<string, PromiseSettledResult<QualifyOutcome>>> {
  const unique = [...new Set(refereeIds)];
  try {
    const outcomes = await withTransaction(pool, (tx) => qualifyBatch(tx, unique));
    return new Map([...outcomes].map(([id, value]) => [id, { status: 'fulfilled', value }]));
  } catch (err) {
    if (!(err instanceof BatchNotPayable) && !(err instanceof AppError && err.code === 'CONFLICT'))
      throw err;
    // One by one: each referee settles on its own, and one that fails fails alone.
    const settled = await Promise.allSettled(
      unique.map((refereeId) => qualifyReferral(pool, { refereeId, action: 'signup' })),
    );
    return new Map(unique.map((id, i) => [id, settled[i] as PromiseSettledResult<QualifyOutcome>]));
  }
}

async function qualifyBatch(
  tx: PoolClient,
  refereeIds: string[],
): Promise<Map<string, QualifyOutcome>> {
  // Rows locked in id order, so two batches (or a batch and a single call) cannot deadlock.
  const { rows } = await tx.query<LockedReferral>(
    `select id, referrer_id, referee_id, campaign_id, status, qualified_at from referrals
     where referee_id = any($1::text[]) order by id for update`,
    [refereeIds],
  );
  const rulesByCampaign = new Map<string, CampaignRules | null>();
  for (const campaignId of new Set(rows.map((r) => r.campaign_id)))
    rulesByCampaign.set(campaignId, await loadCampaignRules(tx, campaignId));

  const outcomes = new Map<string, QualifyOutcome>(
    refereeIds.map((id) => [id, { outcome: 'no_referral' }]),
  );
  const qualifying: LockedReferral[] = [];
  for (const r of rows) {
    if (rulesByCampaign.get(r.campaign_id)?.qualifyingAction !== 'signup')
      outcomes.set(r.referee_id, { outcome: 'other_action' });
    else if (r.qualified_at) outcomes.set(r.referee_id, { outcome: 'already_qualified' });
    else if (r.status === 'rejected') outcomes.set(r.referee_id, { outcome: 'rejected' });
    else qualifying.push(r);
  }
  if (qualifying.length === 0) return outcomes;

  const flagged = qualifying.filter((r) => r.status === 'flagged');
  // One update for every qualifying row (the rows are locked: their status is the one read above),
  // and one insert for the history: pending ones became qualified, flagged ones wait for review.
  await tx.query(
    `update referrals set qualified_at = now(),
       status = case when status = 'pending' then 'qualified' else status end,
       status_reason = case when status = 'pending' then $2 else status_reason end
     where id = any($1::text[])`,
    [qualifying.map((r) => r.id), REASON],
  );
  const history = qualifying.filter((r) => r.status === 'pending' || r.status === 'flagged');
  if (history.length > 0) {
    await tx.query(
      `insert into referral_status_changes (referral_id, from_status, to_status, reason)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[])`,
      [
        history.map((r) => r.id),
        history.map((r) => r.status),
        history.map((r) => (r.status === 'pending' ? 'qualified' : 'flagged')),
        history.map((r) => (r.status === 'pending' ? REASON : `${REASON}; waiting for review`)),
      ],
    );
  }
  const toIds = (r: LockedReferral) => ({
    referralId: r.id,
    referrerId: r.referrer_id,
    refereeId: r.referee_id,
  });
  for (const r of flagged) outcomes.set(r.referee_id, { outcome: 'waiting_review', ...toIds(r) });

  // Paid in the order the referees were named (first come, first paid under a cap).
  const position = new Map(refereeIds.map((id, i) => [id, i]));
  const payable = qualifying
    .filter((r) => r.status !== 'flagged')
    .sort((a, b) => (position.get(a.referee_id) ?? 0) - (position.get(b.referee_id) ?? 0));
  for (const campaignId of new Set(payable.map((r) => r.campaign_id))) {
    const group = payable.filter((r) => r.campaign_id === campaignId);
    const batch: ReferralToReward[] = group.map((r) => ({
      id: r.id,
      referrerId: r.referrer_id,
      refereeId: r.referee_id,
    }));
    const rewards = await rewardReferrals(
      tx,
      batch,
      rulesByCampaign.get(campaignId) as CampaignRules,
    );
    for (const r of group) {
      const reward = rewards.get(r.id);
      if (reward) outcomes.set(r.referee_id, { ...toIds(r), campaignId, ...reward });
    }
  }
  return outcomes;
}
