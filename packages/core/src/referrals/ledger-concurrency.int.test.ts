import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  insertTestCampaign,
  insertTestUser,
  type TestDatabase,
} from '../testing/index.js';
import { createPool, withTransaction, type Pool } from '../db/pool.js';
import { findLedgerDrift } from '../ledger/reconcile.js';
import { getWallet } from '../ledger/wallet.js';
import { houseAccount, playerAccount } from '../ledger/accounts.js';
import { postTransaction } from '../ledger/post-transaction.js';
import { attributeReferral } from './attribute-referral.js';
import { getOrCreateInviteCode } from './codes.js';
import { qualifyReferral } from './qualify-referral.js';

let db: TestDatabase;
let pool: Pool;
beforeAll(async () => {
  db = await createTestDatabase();
  // 100 concurrent callers share 20 connections: let them queue as long as a loaded CI box needs.
  pool = createPool({ connectionString: db.url, max: 20, connectionTimeoutMillis: 60_000 });
});
afterEach(async () => {
  // After every test: balances equal their entries, every transaction nets to zero.
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

async function invite(campaignId: string, referrerId: string) {
  const referee = await insertTestUser(pool);
  const code = await getOrCreateInviteCode(pool, referrerId, campaignId);
  const referral = await attributeReferral(pool, {
    refereeId: referee.id,
    code,
    touchedAt: new Date(),
  });
  return { referee, referral };
}

const pointsOf = async (userId: string) => (await getWallet(pool, userId)).points;
const budgetOf = async (campaignId: string) =>
  Number(
    (
      await pool.query(
        `select balance from ledger_accounts where kind = 'campaign_budget' and campaign_id = $1`,
        [campaignId],
      )
    ).rows[0].balance,
  );

describe('ledger under concurrency (real Postgres)', () => {
  it('50 identical concurrent qualification calls credit each side exactly once', async () => {
    const campaign = await insertTestCampaign(pool, {
      referrerPoints: 100,
      refereePoints: 50,
      referrerSpins: 2,
    });
    const referrer = await insertTestUser(pool);
    const { referee } = await invite(campaign, referrer.id);
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        qualifyReferral(pool, { refereeId: referee.id, action: 'signup' }),
      ),
    );
    expect(results.filter((r) => r.outcome === 'rewarded')).toHaveLength(1);
    expect(results.filter((r) => r.outcome === 'already_qualified')).toHaveLength(49);
    expect(await pointsOf(referrer.id)).toBe(100);
    expect(await pointsOf(referee.id)).toBe(50);
    expect((await getWallet(pool, referrer.id)).spins).toBe(2);
    expect(await budgetOf(campaign)).toBe(1_000_000 - 150);
  });

  it('100 concurrent qualifications never exceed the daily cap', async () => {
    const campaign = await insertTestCampaign(pool, {
      referrerPoints: 10,
      refereePoints: 5,
      dailyCap: 7,
      lifetimeCap: 20,
    });
    const referrer = await insertTestUser(pool);
    const referees = [];
    for (let i = 0; i < 100; i++) referees.push((await invite(campaign, referrer.id)).referee);
    await Promise.all(
      referees.map((r) => qualifyReferral(pool, { refereeId: r.id, action: 'signup' })),
    );
    expect(await pointsOf(referrer.id)).toBe(7 * 10);
    // The friends still get their side.
    for (const r of referees.slice(0, 5)) expect(await pointsOf(r.id)).toBe(5);
    const { rows } = await pool.query(
      `select count(*)::int as n from referrals where campaign_id = $1 and referrer_points_awarded > 0`,
      [campaign],
    );
    expect(rows[0].n).toBe(7);
  });

  it('100 concurrent qualifications never overspend the budget, and the rest stop cleanly', async () => {
    // Budget for exactly 10 rewards of 100 + 50.
    const campaign = await insertTestCampaign(pool, {
      referrerPoints: 100,
      refereePoints: 50,
      budget: 1_500,
    });
    const referrers = await Promise.all(Array.from({ length: 10 }, () => insertTestUser(pool)));
    const referees = [];
    for (let i = 0; i < 100; i++)
      referees.push((await invite(campaign, (referrers[i % 10] as { id: string }).id)).referee);
    const results = await Promise.all(
      referees.map((r) => qualifyReferral(pool, { refereeId: r.id, action: 'signup' })),
    );
    expect(results.filter((r) => r.outcome === 'rewarded')).toHaveLength(10);
    expect(results.filter((r) => r.outcome === 'budget_exhausted')).toHaveLength(90);
    expect(await budgetOf(campaign)).toBe(0);
    const { rows } = await pool.query(
      `select status, status_reason, count(*)::int as n from referrals where campaign_id = $1 group by 1, 2 order by 1`,
      [campaign],
    );
    expect(rows).toEqual([
      { status: 'qualified', status_reason: 'budget_exhausted', n: 90 },
      { status: 'rewarded', status_reason: 'rewarded', n: 10 },
    ]);
  });

  it('refuses an overdraft, an unbalanced transaction and any edit of posted entries', async () => {
    const user = await insertTestUser(pool);
    await expect(
      withTransaction(pool, async (tx) =>
        postTransaction(tx, {
          idempotencyKey: 'overdraft-1',
          kind: 'adjustment',
          legs: [
            { accountId: await playerAccount(tx, user.id, 'points'), amount: -1 },
            { accountId: await houseAccount(tx, 'points'), amount: 1 },
          ],
        }),
      ),
    ).rejects.toMatchObject({ code: 'INSUFFICIENT_FUNDS' });
    await expect(
      withTransaction(pool, async (tx) => {
        await tx.query(
          `insert into ledger_transactions (id, idempotency_key, kind) values ('ltx_unbalanced0000000000', 'unbalanced', 'adjustment')`,
        );
        await tx.query(
          `insert into ledger_entries (transaction_id, account_id, amount) values ('ltx_unbalanced0000000000', $1, 5)`,
          [await playerAccount(tx, user.id, 'points')],
        );
      }),
    ).rejects.toThrow(/does not balance/);
    await expect(pool.query('update ledger_entries set amount = amount + 1')).rejects.toThrow(
      /append-only/,
    );
    expect(await pointsOf(user.id)).toBe(0);
  });

  it('holds a reward until its hold period passes', async () => {
    const campaign = await insertTestCampaign(pool, { holdSeconds: 3600 });
    const referrer = await insertTestUser(pool);
    const { referee } = await invite(campaign, referrer.id);
    const result = await qualifyReferral(pool, { refereeId: referee.id, action: 'signup' });
    expect(result).toMatchObject({ outcome: 'rewarded', releaseAt: expect.any(Date) });
    expect(await getWallet(pool, referrer.id)).toMatchObject({ points: 0, pointsHeld: 100 });
    const { releaseHeldReward } = await import('./release-hold.js');
    expect(
      (await releaseHeldReward(pool, (result as { referralId: string }).referralId)).released,
    ).toBe(false);
    await pool.query(
      `update referrals set rewarded_at = now() - interval '2 hours' where referee_id = $1`,
      [referee.id],
    );
    expect(
      (await releaseHeldReward(pool, (result as { referralId: string }).referralId)).released,
    ).toBe(true);
    expect(
      (await releaseHeldReward(pool, (result as { referralId: string }).referralId)).released,
    ).toBe(false);
    expect(await getWallet(pool, referrer.id)).toMatchObject({ points: 100, pointsHeld: 0 });
  });
});
