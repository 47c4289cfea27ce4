import { AppError } from '../errors/app-error.js';
import type { PoolClient } from '../db/pool.js';
import { campaignBudgetAccount, houseAccount, playerAccount } from '../ledger/accounts.js';
import { postTransaction, type Leg } from '../ledger/post-transaction.js';
import type { CampaignRules } from './campaign-rules.js';
import { changeReferralStatus } from './status.js';

export type RewardOutcome =
  | {
      outcome: 'rewarded';
      referrerPoints: number;
      refereePoints: number;
      spins: number;
      releaseAt: Date | null;
    }
  | { outcome: 'budget_exhausted' }
  | { outcome: 'not_eligible' };

/**
 * Pays both sides of a qualified (or approved) referral in one ledger transaction keyed by the
 * referral, inside the caller's transaction. The referrer's caps are counted under a lock per
 * referrer and campaign, so concurrent qualifications cannot overshoot them; the budget cannot
 * overshoot because its account may never go negative. Capped referrers still let the friend
 * earn their side.
 */
export async function rewardReferral(
  tx: PoolClient,
  referral: { id: string; referrerId: string; refereeId: string },
  rules: CampaignRules,
): Promise<RewardOutcome> {
  await tx.query('select pg_advisory_xact_lock(hashtext($1))', [
    `referral-cap:${rules.id}:${referral.referrerId}`,
  ]);
  const { rows } = await tx.query<{ today: string; lifetime: string }>(
    `select count(*) filter (where rewarded_at >= date_trunc('day', now())) as today, count(*) as lifetime
     from referrals where referrer_id = $1 and campaign_id = $2 and status = 'rewarded' and referrer_points_awarded > 0`,
    [referral.referrerId, rules.id],
  );
  const today = Number(rows[0]?.today ?? 0);
  const lifetime = Number(rows[0]?.lifetime ?? 0);
  const capped =
    (rules.dailyCap !== null && today >= rules.dailyCap) ||
    (rules.lifetimeCap !== null && lifetime >= rules.lifetimeCap);
  const referrerPoints = capped ? 0 : rules.referrerPoints;
  const refereePoints = rules.refereePoints;
  const spins = capped ? 0 : rules.referrerSpins;
  const bucket = rules.holdSeconds > 0 ? 'held' : 'available';

  const legs: Leg[] = [
    {
      accountId: await campaignBudgetAccount(tx, rules.id),
      amount: -(referrerPoints + refereePoints),
    },
    {
      accountId: await playerAccount(tx, referral.referrerId, 'points', bucket),
      amount: referrerPoints,
    },
    {
      accountId: await playerAccount(tx, referral.refereeId, 'points', bucket),
      amount: refereePoints,
    },
  ];
  if (spins > 0) {
    legs.push({ accountId: await houseAccount(tx, 'spins'), amount: -spins });
    legs.push({ accountId: await playerAccount(tx, referral.referrerId, 'spins'), amount: spins });
  }
  try {
    await postTransaction(tx, {
      idempotencyKey: `referral-reward:${referral.id}`,
      kind: 'referral_reward',
      campaignId: rules.id,
      memo: { referralId: referral.id, description: `Referral reward: ${rules.title}`, capped },
      legs,
    });
  } catch (err) {
    if (err instanceof AppError && err.code === 'INSUFFICIENT_FUNDS') {
      await tx.query(`update referrals set status_reason = 'budget_exhausted' where id = $1`, [
        referral.id,
      ]);
      return { outcome: 'budget_exhausted' };
    }
    throw err;
  }
  const moved = await changeReferralStatus(
    tx,
    referral.id,
    ['qualified', 'approved'],
    'rewarded',
    capped ? 'rewarded (referrer cap reached)' : 'rewarded',
    null,
    {
      rewarded_at: 'now',
      referrer_points_awarded: referrerPoints,
      referee_points_awarded: refereePoints,
    },
  );
  if (!moved)
    throw new AppError('CONFLICT', { internal: `referral ${referral.id} changed while rewarding` });
  const releaseAt = rules.holdSeconds > 0 ? new Date(Date.now() + rules.holdSeconds * 1000) : null;
  return { outcome: 'rewarded', referrerPoints, refereePoints, spins, releaseAt };
}
