import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  insertTestCampaign,
  insertTestUser,
  type TestCampaignRules,
  type TestDatabase,
} from '../testing/index.js';
import { createPool, type Pool } from '../db/pool.js';
import { findLedgerDrift } from '../ledger/reconcile.js';
import { getWallet } from '../ledger/wallet.js';
import { attributeReferral } from './attribute-referral.js';
import { getOrCreateInviteCode } from './codes.js';
import { qualifyReferral, type QualifyOutcome } from './qualify-referral.js';
import { qualifyReferralsOnSignup } from './qualify-referrals-on-signup.js';

let db: TestDatabase;
let pool: Pool;
beforeAll(async () => {
  db = await createTestDatabase();
  pool = createPool({ connectionString: db.url, max: 20 });
});
afterEach(async () => {
  expect(await findLedgerDrift(pool)).toEqual({
    accountsOffBalance: [],
    unbalancedTransactions: [],
    negativeAccounts: 0,
  });
});
afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

/** A campaign, `referrers` players, and `friends` referees attributed round-robin to them. */
async function scenario(rules: TestCampaignRules, referrers: number, friends: number) {
  const campaign = await insertTestCampaign(pool, rules);
  const owners = await Promise.all(Array.from({ length: referrers }, () => insertTestUser(pool)));
  const referees: string[] = [];
  for (let i = 0; i < friends; i++) {
    const referee = await insertTestUser(pool);
    const code = await getOrCreateInviteCode(
      pool,
      (owners[i % referrers] as { id: string }).id,
      campaign,
    );
    await attributeReferral(pool, { refereeId: referee.id, code, touchedAt: new Date() });
    referees.push(referee.id);
  }
  return { campaign, referrers: owners.map((o) => o.id), referees };
}

async function outcomesOf(refereeIds: string[]): Promise<QualifyOutcome[]> {
  const settled = await qualifyReferralsOnSignup(pool, refereeIds);
  return refereeIds.map((id) => {
    const s = settled.get(id);
    if (s?.status !== 'fulfilled')
      throw new Error(
        `no outcome for ${id}: ${String(s?.status === 'rejected' ? s.reason : 'missing')}`,
      );
    return s.value;
  });
}

/** What a player or an auditor can see of a campaign, without ids or times. */
async function observable(campaign: string, referrers: string[], referees: string[]) {
  const { rows: referrals } = await pool.query(
    `select r.status, r.status_reason, r.referrer_points_awarded, r.referee_points_awarded, r.qualified_at is not null as qualified,
            (select array_agg(c.from_status || '>' || c.to_status || ':' || c.reason order by c.id) from referral_status_changes c where c.referral_id = r.id) as history,
            (select count(*)::int from ledger_transactions t where t.idempotency_key = 'referral-reward:' || r.id and t.memo->>'referralId' = r.id) as postings
     from referrals r where r.campaign_id = $1 order by r.referee_id`,
    [campaign],
  );
  const { rows: budget } = await pool.query(
    `select balance::int from ledger_accounts where kind = 'campaign_budget' and campaign_id = $1`,
    [campaign],
  );
  const wallets = async (ids: string[]) =>
    (await Promise.all(ids.map((id) => getWallet(pool, id)))).sort(
      (a, b) => a.points - b.points || a.spins - b.spins,
    );
  return {
    referrals: referrals.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    budget: budget[0]?.balance,
    referrerWallets: await wallets(referrers),
    refereeWallets: await wallets(referees),
  };
}

describe('qualifying a burst of sign-ups in one batch', () => {
  it('leaves exactly what qualifying them one by one leaves: statuses, history, postings, wallets, budget, caps', async () => {
    const rules = { referrerPoints: 100, refereePoints: 50, referrerSpins: 2, dailyCap: 3 };
    const single = await scenario(rules, 4, 20);
    const batch = await scenario(rules, 4, 20);
    const one = [];
    for (const refereeId of single.referees)
      one.push(await qualifyReferral(pool, { refereeId, action: 'signup' }));
    const many = await outcomesOf(batch.referees);
    const shape = (o: QualifyOutcome) =>
      'referrerPoints' in o
        ? {
            outcome: o.outcome,
            referrerPoints: o.referrerPoints,
            refereePoints: o.refereePoints,
            spins: o.spins,
          }
        : o;
    expect(many.map(shape)).toEqual(one.map(shape));
    expect(await observable(batch.campaign, batch.referrers, batch.referees)).toEqual(
      await observable(single.campaign, single.referrers, single.referees),
    );
    // The cap held: three paid referrals per referrer, every friend paid.
    expect(many.filter((o) => 'referrerPoints' in o && o.referrerPoints > 0)).toHaveLength(12);
  });

  it('answers each referee with its own outcome, once per referee however often it is named', async () => {
    const { referees, referrers } = await scenario({}, 1, 5);
    const [rejected, flagged, qualified, fresh, repeated] = referees as [
      string,
      string,
      string,
      string,
      string,
    ];
    await pool.query(`update referrals set status = 'rejected' where referee_id = $1`, [rejected]);
    await pool.query(`update referrals set status = 'flagged' where referee_id = $1`, [flagged]);
    await qualifyReferral(pool, { refereeId: qualified, action: 'signup' });
    const other = await scenario({ qualifyingAction: 'first_game' }, 1, 1);
    const stranger = (await insertTestUser(pool)).id;
    const ids = [
      rejected,
      flagged,
      qualified,
      fresh,
      repeated,
      repeated,
      other.referees[0] as string,
      stranger,
    ];
    const settled = await qualifyReferralsOnSignup(pool, ids);
    expect(settled.size).toBe(7);
    const outcomeOf = (id: string) => {
      const s = settled.get(id);
      return s?.status === 'fulfilled' ? s.value.outcome : 'failed';
    };
    expect(ids.map(outcomeOf)).toEqual([
      'rejected',
      'waiting_review',
      'already_qualified',
      'rewarded',
      'rewarded',
      'rewarded',
      'other_action',
      'no_referral',
    ]);
    const { rows } = await pool.query(
      `select qualified_at is not null as q, (select reason from referral_status_changes c where c.referral_id = r.id order by id desc limit 1) as last from referrals r where referee_id = $1`,
      [flagged],
    );
    expect(rows[0]).toEqual({ q: true, last: 'qualified by signup; waiting for review' });
    expect((await getWallet(pool, referrers[0] as string)).points).toBe(300);
  });

  it('pays each referral once when the same referees arrive in concurrent batches and single calls', async () => {
    const { campaign, referees, referrers } = await scenario(
      { referrerPoints: 10, refereePoints: 5, dailyCap: 15 },
      2,
      40,
    );
    await Promise.all([
      ...Array.from({ length: 4 }, (_, i) =>
        qualifyReferralsOnSignup(pool, i % 2 ? referees : [...referees].reverse()),
      ),
      ...referees
        .slice(0, 10)
        .map((refereeId) => qualifyReferral(pool, { refereeId, action: 'signup' })),
    ]);
    const { rows } = await pool.query(
      `select count(*)::int as rewarded, count(distinct t.id)::int as postings from referrals r
       join ledger_transactions t on t.idempotency_key = 'referral-reward:' || r.id where r.campaign_id = $1 and r.status = 'rewarded'`,
      [campaign],
    );
    expect(rows[0]).toEqual({ rewarded: 40, postings: 40 });
    // The daily cap holds across batches and single calls: 15 paid referrals each, 20 friends each paid.
    for (const id of referrers) expect((await getWallet(pool, id)).points).toBe(150);
    expect((await getWallet(pool, referees[0] as string)).points).toBe(5);
  });

  it('a budget too small for the whole batch pays what it can, one by one, and stops cleanly', async () => {
    const { campaign, referees } = await scenario(
      { referrerPoints: 100, refereePoints: 50, budget: 1_500 },
      3,
      25,
    );
    const outcomes = await outcomesOf(referees);
    expect(outcomes.filter((o) => o.outcome === 'rewarded')).toHaveLength(10);
    expect(outcomes.filter((o) => o.outcome === 'budget_exhausted')).toHaveLength(15);
    const { rows } = await pool.query(
      `select balance::int from ledger_accounts where kind = 'campaign_budget' and campaign_id = $1`,
      [campaign],
    );
    expect(rows[0].balance).toBe(0);
  });

  it('holds both sides’ points when the campaign has a hold period, and says when they are released', async () => {
    const { referees, referrers } = await scenario({ holdSeconds: 3600 }, 1, 2);
    const outcomes = await outcomesOf(referees);
    expect(outcomes.every((o) => o.outcome === 'rewarded' && o.releaseAt instanceof Date)).toBe(
      true,
    );
    expect(await getWallet(pool, referrers[0] as string)).toMatchObject({
      points: 0,
      pointsHeld: 200,
      spins: 2,
    });
    expect(await getWallet(pool, referees[0] as string)).toMatchObject({
      points: 0,
      pointsHeld: 50,
    });
  });
});
