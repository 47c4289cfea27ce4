import { newId } from '@playloop/shared';
import { AppError } from '../errors/app-error.js';
import type { PoolClient } from '../db/pool.js';
import { campaignBudgetAccount, houseAccount } from '../ledger/accounts.js';
import type { CampaignRules } from './campaign-rules.js';
import type { RewardOutcome } from './reward-referral.js';

export interface ReferralToReward {
  id: string;
  referrerId: string;
  refereeId: string;
}

/** Thrown when a batch cannot be paid as a whole (the budget would go negative): pay one by one. */
export class BatchNotPayable extends Error {
  override name = 'BatchNotPayable';
}

/**
 * `rewardReferral` for many referrals of one campaign at once, inside the caller's transaction,
 * in a fixed number of statements: the same caps (counted under the same per-referrer locks, taken
 * in a fixed order so batches cannot deadlock), the same legs, idempotency keys, memo and status
 * change. Balances still move by trigger and every transaction must still net to zero. A budget
 * too small for the whole batch throws `BatchNotPayable` (the caller rolls back and pays one by
 * one, where each referral learns whether it was paid).
 */
export async function rewardReferrals(
  tx: PoolClient,
  referrals: ReferralToReward[],
  rules: CampaignRules,
): Promise<Map<string, RewardOutcome>> {
  const referrerIds = [...new Set(referrals.map((r) => r.referrerId))];
  // Same lock keys as rewardReferral, acquired in ascending order (the subquery fixes the order).
  await tx.query(
    `select pg_advisory_xact_lock(k) from (select distinct hashtext('referral-cap:' || $1 || ':' || u) as k from unnest($2::text[]) u order by 1 offset 0) s`,
    [rules.id, referrerIds],
  );
  const { rows: counted } = await tx.query<{
    referrer_id: string;
    today: string;
    lifetime: string;
  }>(
    `select referrer_id, count(*) filter (where rewarded_at >= date_trunc('day', now())) as today, count(*) as lifetime
     from referrals where referrer_id = any($1) and campaign_id = $2 and status = 'rewarded' and referrer_points_awarded > 0
     group by referrer_id`,
    [referrerIds, rules.id],
  );
  const counts = new Map(
    counted.map((c) => [c.referrer_id, { today: Number(c.today), lifetime: Number(c.lifetime) }]),
  );
  const bucket = rules.holdSeconds > 0 ? 'held' : 'available';

  // Caps in referral order, as if paid one after another.
  const plans = referrals.map((r) => {
    const c = counts.get(r.referrerId) ?? { today: 0, lifetime: 0 };
    const capped =
      (rules.dailyCap !== null && c.today >= rules.dailyCap) ||
      (rules.lifetimeCap !== null && c.lifetime >= rules.lifetimeCap);
    if (!capped) counts.set(r.referrerId, { today: c.today + 1, lifetime: c.lifetime + 1 });
    return {
      ...r,
      capped,
      referrerPoints: capped ? 0 : rules.referrerPoints,
      refereePoints: rules.refereePoints,
      spins: capped ? 0 : rules.referrerSpins,
    };
  });

  const accounts = await playerAccounts(
    tx,
    plans.flatMap((p) => [
      { userId: p.referrerId, asset: 'points', bucket },
      { userId: p.refereeId, asset: 'points', bucket },
      { userId: p.referrerId, asset: 'spins', bucket: 'available' },
    ]),
  );
  const account = (userId: string, asset: string, b: string) =>
    accounts.get(`${userId}|${asset}|${b}`) as number;
  const budget = await campaignBudgetAccount(tx, rules.id);
  const house = plans.some((p) => p.spins > 0) ? await houseAccount(tx, 'spins') : 0;

  const txIds = plans.map(() => newId('ltx'));
  const { rows: fresh } = await tx.query<{ id: string }>(
    `insert into ledger_transactions (id, idempotency_key, kind, campaign_id, memo)
     select id, key, 'referral_reward', $3, memo from unnest($1::text[], $2::text[], $4::jsonb[]) as t(id, key, memo)
     on conflict (idempotency_key) do nothing returning id`,
    [
      txIds,
      plans.map((p) => `referral-reward:${p.id}`),
      rules.id,
      plans.map((p) =>
        JSON.stringify({
          referralId: p.id,
          description: `Referral reward: ${rules.title}`,
          capped: p.capped,
        }),
      ),
    ],
  );
  // A transaction already posted (a retry) is not posted again; the referral still moves on.
  const posted = new Set(fresh.map((f) => f.id));
  const entries = plans.flatMap((p, i) => {
    const id = txIds[i] as string;
    if (!posted.has(id)) return [];
    const legs = [
      { accountId: budget, amount: -(p.referrerPoints + p.refereePoints) },
      { accountId: account(p.referrerId, 'points', bucket), amount: p.referrerPoints },
      { accountId: account(p.refereeId, 'points', bucket), amount: p.refereePoints },
      ...(p.spins > 0
        ? [
            { accountId: house, amount: -p.spins },
            { accountId: account(p.referrerId, 'spins', 'available'), amount: p.spins },
          ]
        : []),
    ];
    return legs.filter((l) => l.amount !== 0).map((l) => ({ id, ...l }));
  });
  // Accounts are touched in id order, as postTransaction does, so nothing deadlocks on them.
  entries.sort((a, b) => a.accountId - b.accountId);
  try {
    await tx.query(
      `insert into ledger_entries (transaction_id, account_id, amount) select * from unnest($1::text[], $2::bigint[], $3::bigint[])`,
      [entries.map((e) => e.id), entries.map((e) => e.accountId), entries.map((e) => e.amount)],
    );
  } catch (err) {
    // The whole transaction is rolled back by the caller; nothing of the batch stays.
    if ((err as { constraint?: string }).constraint === 'ledger_accounts_non_negative')
      throw new BatchNotPayable('the campaign budget cannot pay the whole batch');
    throw err;
  }

  const { rows: moved } = await tx.query<{ id: string }>(
    `with prev as (select id, status from referrals where id = any($1::text[]) for update),
     upd as (
       update referrals r set status = 'rewarded', status_reason = v.reason, rewarded_at = now(),
         referrer_points_awarded = v.rp, referee_points_awarded = v.ep
       from prev, unnest($1::text[], $2::text[], $3::int[], $4::int[]) as v(id, reason, rp, ep)
       where r.id = v.id and prev.id = v.id and prev.status in ('qualified', 'approved')
       returning r.id, prev.status as previous, v.reason
     )
     insert into referral_status_changes (referral_id, from_status, to_status, reason)
     select id, previous, 'rewarded', reason from upd returning referral_id as id`,
    [
      plans.map((p) => p.id),
      plans.map((p) => (p.capped ? 'rewarded (referrer cap reached)' : 'rewarded')),
      plans.map((p) => p.referrerPoints),
      plans.map((p) => p.refereePoints),
    ],
  );
  if (moved.length !== plans.length)
    throw new AppError('CONFLICT', { internal: 'referrals changed while rewarding a batch' });
  const releaseAt = rules.holdSeconds > 0 ? new Date(Date.now() + rules.holdSeconds * 1000) : null;
  return new Map(
    plans.map((p) => [
      p.id,
      {
        outcome: 'rewarded',
        referrerPoints: p.referrerPoints,
        refereePoints: p.refereePoints,
        spins: p.spins,
        releaseAt,
      },
    ]),
  );
}

/** Player accounts by `user|asset|bucket`, created where missing: two statements for any number. */
async function playerAccounts(
  tx: PoolClient,
  wanted: Array<{ userId: string; asset: string; bucket: string }>,
): Promise<Map<string, number>> {
  const unique = [
    ...new Map(wanted.map((w) => [`${w.userId}|${w.asset}|${w.bucket}`, w])).values(),
  ];
  const params = [
    unique.map((w) => w.userId),
    unique.map((w) => w.asset),
    unique.map((w) => w.bucket),
  ];
  await tx.query(
    `insert into ledger_accounts (kind, user_id, asset, bucket)
     select 'player', u, a, b from unnest($1::text[], $2::text[], $3::text[]) as w(u, a, b)
     where not exists (select 1 from ledger_accounts l where l.kind = 'player' and l.user_id = w.u and l.asset = w.a and l.bucket = w.b)
     on conflict on constraint ledger_accounts_unique do nothing`,
    params,
  );
  const { rows } = await tx.query<{ id: string; user_id: string; asset: string; bucket: string }>(
    `select l.id, l.user_id, l.asset, l.bucket from ledger_accounts l
     join unnest($1::text[], $2::text[], $3::text[]) as w(u, a, b) on l.kind = 'player' and l.user_id = w.u and l.asset = w.a and l.bucket = w.b`,
    params,
  );
  return new Map(rows.map((r) => [`${r.user_id}|${r.asset}|${r.bucket}`, Number(r.id)]));
}
